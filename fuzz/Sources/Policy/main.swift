import CrosswalkCore
import FuzzSupport

// The input is a policy snapshot (JSON when it opens an object, else YAML), applied to a small
// fixed inventory, evaluated and rendered.
runFuzzer { data, size in
    guard let data else { return 0 }
    let path = "policy." + FuzzPipeline.guessedExtension(data, size)
    FuzzPipeline.run(inventory: [FuzzPipeline.sampleInventory], policy: FuzzPipeline.file(data, size, path: path))
    return 0
}
