/// One entry of a report folder as `crosswalk verify` found it: its name and what it is. Regular
/// files that the manifest lists carry their digest; the executable reads the folder, the core
/// only compares.
public struct ManifestFolderEntry: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// A regular file, with its digest when it was hashed (the manifest lists it).
        case file(ContentDigest?)
        case folder
        case symbolicLink
        /// A device, socket or pipe.
        case other
    }

    public var name: String
    public var kind: Kind

    public init(name: String, kind: Kind) {
        self.name = name
        self.kind = kind
    }
}
