import CrosswalkCore
import FuzzSupport

// The input is an inventory file (`.yaml`); it is evaluated and rendered.
runFuzzer { data, size in
    guard let data else { return 0 }
    FuzzPipeline.run(inventory: [FuzzPipeline.file(data, size, path: "inventory.yaml")])
    return 0
}
