import CrosswalkCore
import FuzzSupport

// The input is a user catalog or mapping file (JSON when it opens an object, else YAML), loaded
// beside the bundled catalogs; a small fixed inventory is evaluated, mapped onto them and rendered.
runFuzzer { data, size in
    guard let data else { return 0 }
    let path = "catalog." + FuzzPipeline.guessedExtension(data, size)
    FuzzPipeline.run(inventory: [FuzzPipeline.sampleInventory], catalogs: [FuzzPipeline.file(data, size, path: path)])
    return 0
}
