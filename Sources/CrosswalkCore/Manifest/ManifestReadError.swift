/// Why bytes are not a manifest this version can check: what is wrong, and where when known.
public struct ManifestReadError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
