/// How many results have each ``ResultStatus``: six counters, cheap enough to bump for every
/// result of every control (a dictionary would hash on each one).
struct StatusTally: Sendable, Equatable {
    private var values = (0, 0, 0, 0, 0, 0)

    subscript(status: ResultStatus) -> Int {
        get {
            switch status {
            case .pass: return values.0
            case .fail: return values.1
            case .notApplicable: return values.2
            case .notAssessed: return values.3
            case .accepted: return values.4
            case .error: return values.5
            }
        }
        set {
            switch status {
            case .pass: values.0 = newValue
            case .fail: values.1 = newValue
            case .notApplicable: values.2 = newValue
            case .notAssessed: values.3 = newValue
            case .accepted: values.4 = newValue
            case .error: values.5 = newValue
            }
        }
    }

    mutating func add(_ other: StatusTally) {
        for status in ResultStatus.allCases { self[status] += other[status] }
    }

    /// The counts as reports use them: statuses with at least one result.
    var dictionary: [ResultStatus: Int] {
        var result: [ResultStatus: Int] = [:]
        for status in ResultStatus.allCases where self[status] != 0 { result[status] = self[status] }
        return result
    }

    static func == (lhs: StatusTally, rhs: StatusTally) -> Bool {
        ResultStatus.allCases.allSatisfy { lhs[$0] == rhs[$0] }
    }
}
