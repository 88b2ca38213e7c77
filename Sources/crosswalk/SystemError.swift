import Foundation

/// The reason text of a C library error number, for messages such as
/// "cannot create the folder: Permission denied".
enum SystemError {
    static func text(_ code: Int32) -> String {
        String(cString: strerror(code))
    }

    /// The text of the current `errno`.
    static var current: String { text(errno) }
}
