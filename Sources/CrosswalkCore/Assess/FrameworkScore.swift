/// A weighted score: Σ (weight × rate) earned out of Σ weight possible, over live mappings
/// (docs/assessment.md §6).
public struct FrameworkScore: Hashable, Sendable {
    public var earned: Double
    public var possible: Double
    /// Critical controls with failures in a live mapping of the framework, by id: they cap the
    /// posture at Mixed however high the score.
    public var criticalGaps: [String]

    public init(earned: Double, possible: Double, criticalGaps: [String] = []) {
        self.earned = earned
        self.possible = possible
        self.criticalGaps = criticalGaps
    }

    /// earned ÷ possible (unrounded).
    public var fraction: Double { possible == 0 ? 0 : earned / possible }

    /// Whole percent, rounded half up from the unrounded fraction: `87%`.
    public var percentText: String { Self.percentText(fraction) }

    /// The score as reports print it: `87% (412.50 of 474.00)`.
    public var text: String {
        "\(percentText) (\(Self.twoDecimals(earned)) of \(Self.twoDecimals(possible)))"
    }

    /// The posture label of the score, capped at Mixed by a critical gap.
    public var posture: Posture { Posture(fraction, hasCriticalGap: !criticalGaps.isEmpty) }

    static func percentText(_ fraction: Double) -> String { "\(Int((fraction * 100).rounded()))%" }

    /// A non-negative value rounded to two decimals and written with both: `412.50`.
    public static func twoDecimals(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        let cents = hundredths % 100
        return "\(hundredths / 100).\(cents < 10 ? "0" : "")\(cents)"
    }
}

/// What a score means in one word (docs/assessment.md §6): Strong from 80 % with no critical gap,
/// Mixed from 50 % (or from 80 % with a critical gap), Weak below, judged on the unrounded fraction.
public enum Posture: String, Sendable {
    case strong = "Strong"
    case mixed = "Mixed"
    case weak = "Weak"

    public init(_ fraction: Double, hasCriticalGap: Bool = false) {
        if fraction >= 0.8 && !hasCriticalGap {
            self = .strong
        } else if fraction >= 0.5 {
            self = .mixed
        } else {
            self = .weak
        }
    }
}
