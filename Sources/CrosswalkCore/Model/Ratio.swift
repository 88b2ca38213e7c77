/// A fraction with its explicit numerator and denominator, so reports can show both.
public struct Ratio: Hashable, Sendable {
    public var numerator: Double
    public var denominator: Int

    public init(_ numerator: Double, of denominator: Int) {
        self.numerator = numerator
        self.denominator = denominator
    }

    public init(_ numerator: Int, of denominator: Int) {
        self.init(Double(numerator), of: denominator)
    }

    public var fraction: Double { denominator == 0 ? 0 : numerator / Double(denominator) }

    /// Whole percent, rounded half up: `67%`.
    public var percentText: String { "\(Int((fraction * 100).rounded()))%" }

    /// Numerator as written in reports: `12` or `12.5`.
    public var numeratorText: String {
        numerator.rounded() == numerator ? String(Int(numerator)) : String(numerator)
    }
}
