/// Writes a `Double` as an `xs:decimal` lexical value: plain digits, never an exponent.
///
/// Whole numbers print without a fraction (`12`); others print Swift's shortest round-trip digits
/// (`12.5`, `0.3333333333333333`), with an exponent such as `1e-06` expanded to `0.000001`.
/// Non-finite values have no `xs:decimal` form and give nil.
enum XMLDecimal {
    static func text(_ value: Double) -> String? {
        guard value.isFinite else { return nil }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        let shortest = String(value)
        guard let exponentIndex = shortest.firstIndex(where: { $0 == "e" || $0 == "E" }) else { return shortest }
        let negative = shortest.hasPrefix("-")
        let mantissa = shortest[shortest.index(shortest.startIndex, offsetBy: negative ? 1 : 0)..<exponentIndex]
        guard let exponent = Int(shortest[shortest.index(after: exponentIndex)...]) else { return nil }
        let parts = mantissa.split(separator: ".", omittingEmptySubsequences: false)
        let whole = parts.first.map(String.init) ?? ""
        let fraction = parts.count > 1 ? String(parts[1]) : ""
        var digits = whole + fraction
        // Position of the decimal point within `digits` after applying the exponent.
        var point = whole.count + exponent
        if point <= 0 {
            digits = String(repeating: "0", count: 1 - point) + digits
            point = 1
        } else if point > digits.count {
            digits += String(repeating: "0", count: point - digits.count)
        }
        var integerPart = String(digits.prefix(point))
        var fractionPart = String(digits.dropFirst(point))
        while fractionPart.hasSuffix("0") { fractionPart.removeLast() }
        while integerPart.count > 1, integerPart.hasPrefix("0") { integerPart.removeFirst() }
        let sign = negative ? "-" : ""
        return fractionPart.isEmpty ? sign + integerPart : sign + integerPart + "." + fractionPart
    }
}
