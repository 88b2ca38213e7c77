import CrosswalkCore
import FuzzSupport

// The input is an inventory file (`.jsonl`); it is evaluated and rendered.
runFuzzer { data, size in
    guard let data else { return 0 }
    FuzzPipeline.run(inventory: [FuzzPipeline.file(data, size, path: "inventory.jsonl")])
    return 0
}
