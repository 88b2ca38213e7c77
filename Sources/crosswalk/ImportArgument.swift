import ArgumentParser
import CrosswalkCore

/// One `--import KIND=PATH` value, checked against the import kinds the core knows.
struct ImportArgument {
    var kind: String
    var path: String

    /// An import already checked elsewhere (a run config's `inputs.imports`).
    init(kind: String, path: String) {
        self.kind = kind
        self.path = path
    }

    init(_ value: String) throws {
        guard let equals = value.firstIndex(of: "="), equals != value.startIndex,
            value.index(after: equals) != value.endIndex
        else {
            throw ValidationError(
                "--import expects KIND=PATH (e.g. aws-credential-report=report.csv), got \"\(value)\""
            )
        }
        kind = String(value[..<equals])
        path = String(value[value.index(after: equals)...])
        guard kind == "auto" || ImportRegistry.kind(named: kind) != nil else {
            let names = ImportRegistry.kinds.map(\.name) + ["auto"]
            throw ValidationError(
                "--import: unknown kind \"\(kind)\"; expected one of \(names.joined(separator: ", ")) (see `crosswalk importers`)"
            )
        }
    }
}
