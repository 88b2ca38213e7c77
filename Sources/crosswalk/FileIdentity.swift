import Foundation

/// A file's device and inode numbers: two paths name the same file exactly when these are equal.
/// Used to refuse a report name that would replace one of the run's own input files.
struct FileIdentity: Hashable {
    var device: UInt64
    var inode: UInt64

    init(_ info: stat) {
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
    }

    /// The identities a path stands for: the directory entry itself and, when it is a symbolic
    /// link, the file it leads to. Empty when nothing is there.
    static func all(at path: String) -> Set<FileIdentity> {
        var identities: Set<FileIdentity> = []
        var info = stat()
        if lstat(path, &info) == 0 { identities.insert(FileIdentity(info)) }
        if stat(path, &info) == 0 { identities.insert(FileIdentity(info)) }
        return identities
    }
}
