/// Every text of up to `length` characters drawn from `alphabet` (the empty text included): what
/// the byte-by-byte escapers are checked on against their scalar-by-scalar references.
enum ShortTexts {
    static func all(from alphabet: [String], upTo length: Int) -> [String] {
        var texts = [""]
        var layer = [""]
        for _ in 0..<length {
            layer = layer.flatMap { prefix in alphabet.map { prefix + $0 } }
            texts += layer
        }
        return texts
    }
}
