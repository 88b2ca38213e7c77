import CrosswalkCore
import FuzzSupport

// The input is an inventory file (`.json`); it is evaluated and rendered.
runFuzzer { data, size in
    guard let data else { return 0 }
    FuzzPipeline.run(inventory: [FuzzPipeline.file(data, size, path: "inventory.json")])
    return 0
}
