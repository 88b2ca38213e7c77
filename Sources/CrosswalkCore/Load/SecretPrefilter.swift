/// A cheap first look for the secret screen: rules out text that cannot hold anything
/// ``SecretScreen/scan(_:)`` would find, so most ordinary values skip the full scan.
///
/// Every rule of the scan needs a stretch of run bytes (letters, digits, `-`, `_`, `+`, `/`):
/// a random-looking run needs ``RandomLookingRun/minimumLength`` of them, and a credential shape
/// is only tried where ``ByteClass/mayStartShape(_:_:)`` accepts the first two bytes, and then
/// needs at least ``shortestShapeRun`` run bytes from there (the body of a JWT's first part, the
/// `-----BEGIN` of a PEM block; every other shape needs more). Text with no run that long, or with
/// neither a long enough run nor a possible shape start, is clean.
enum SecretPrefilter {
    /// The fewest run bytes any credential shape spans from its first byte.
    static let shortestShapeRun = 10

    /// True when the scan cannot find anything in `bytes`; false when it has to look.
    static func isCertainlyClean(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var run = 0
        var longestRun = 0
        var mayStartShape = false
        var previous: UInt8 = 0
        for byte in bytes {
            if ByteClass.isRunByte(byte) {
                run += 1
                if run > longestRun { longestRun = run }
            } else {
                run = 0
            }
            if !mayStartShape, ByteClass.mayStartShape(previous, byte) { mayStartShape = true }
            previous = byte
        }
        if longestRun >= RandomLookingRun.minimumLength { return false }
        return longestRun < shortestShapeRun || !mayStartShape
    }
}
