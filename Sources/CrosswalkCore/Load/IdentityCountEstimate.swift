/// How many identities an input holds, judged once part of it is read: tables keyed by identity
/// are sized from it, instead of doubling their way to a million ids and rehashing every id read
/// so far at each step, on the thread every record passes through.
enum IdentityCountEstimate {
    /// How many identities are read before the tables are sized.
    static let sizingCount = 1 << 16

    /// The identities in `totalBytes` of input, when `seen` of them took `bytesRead`: a tenth more
    /// than the proportion, and never more than one identity per 16 bytes.
    static func identities(seen: Int, bytesRead: Int, totalBytes: Int) -> Int {
        guard bytesRead > 0 else { return seen }
        let proportional = Double(seen) * Double(totalBytes) / Double(bytesRead) * 1.1
        return max(seen, min(Int(proportional), totalBytes / 16))
    }
}
