extension String {
    /// `parts` joined into one string, their bytes copied into a single allocation.
    ///
    /// Controls describe what they observed in evidence texts built for millions of results.
    /// Interpolation and `+` append piece by piece, and each append of one string to another
    /// cost hundreds of instructions; the hottest evidence texts are joined with this instead.
    init(joining parts: String...) {
        var count = 0
        for part in parts { count += part.utf8.count }
        self.init(unsafeUninitializedCapacity: count) { buffer in
            var position = 0
            for var part in parts {
                part.withUTF8 { bytes in
                    guard let source = bytes.baseAddress, let target = buffer.baseAddress else { return }
                    (target + position).initialize(from: source, count: bytes.count)
                    position += bytes.count
                }
            }
            return position
        }
    }
}
