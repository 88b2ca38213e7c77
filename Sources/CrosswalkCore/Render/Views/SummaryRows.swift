import Mustache

/// One framework's line in the summary's score table (key `frameworks` of ``SummaryView``).
struct SummaryFrameworkRow: TemplateView {
    /// The framework's short title, cut to ``SummaryView/nameLimit``.
    var title: String
    /// `Strong`, `Mixed`, `Weak` or `No score`.
    var posture: String
    /// `81%`, or `n/a` without a live mapping.
    var score: String
    /// Covered leaf entries: `100%`.
    var coverage: String

    init(_ assessment: FrameworkAssessment) {
        title = SummaryView.cutMiddle(assessment.catalog.shortTitle, to: SummaryView.nameLimit)
        posture = assessment.score?.posture.rawValue ?? "No score"
        score = assessment.score?.percentText ?? "n/a"
        coverage = assessment.coverage.percentText
    }
}

extension SummaryFrameworkRow: MustacheParent {
    /// The value of the template key `key`: the stored property of that name.
    func child(named key: String) -> Any? {
        switch key {
        case "title": title
        case "posture": posture
        case "score": score
        case "coverage": coverage
        default: nil
        }
    }
}

/// One failing control among the summary's top gaps (key `gaps` of ``SummaryView``).
struct SummaryGapRow: TemplateView {
    /// 1 for the worst.
    var rank: String
    var id: String
    /// The control's title, cut to ``SummaryView/titleLimit``.
    var title: String
    /// `Critical`, …
    var severity: String
    /// `4 identities affected, 4 failing checks`.
    var scope: String

    init(_ gap: Gap) {
        rank = String(gap.rank)
        id = SummaryView.cutMiddle(gap.control.id, to: SummaryView.nameLimit)
        title = SummaryView.cut(gap.control.title, to: SummaryView.titleLimit)
        severity = StatusPresentation.of(gap.control.severity).word
        scope =
            ReportText.counted(gap.affectedIdentities, "identity", "identities") + " affected, "
            + ReportText.counted(gap.failingSubjects, "failing check", "failing checks")
    }
}

extension SummaryGapRow: MustacheParent {
    /// The value of the template key `key`: the stored property of that name.
    func child(named key: String) -> Any? {
        switch key {
        case "rank": rank
        case "id": id
        case "title": title
        case "severity": severity
        case "scope": scope
        default: nil
        }
    }
}

/// The findings of one owner (key `owners` of ``SummaryView``): how many in the whole run, and
/// the first ``SummaryView/findingsPerOwner``.
struct SummaryOwnerSection: TemplateView {
    /// The owner of the findings' identities, or `no owner`, cut to ``SummaryView/nameLimit``.
    var owner: String
    /// `7 findings`.
    var count: String
    var findings: [SummaryFindingRow]
    var hasMore: Bool
    /// `4 more`.
    var more: String

    init(_ group: Group) {
        let listed = group.first.prefix(SummaryView.findingsPerOwner)
        owner = SummaryView.cutMiddle(group.owner, to: SummaryView.nameLimit)
        count = ReportText.counted(group.count, "finding", "findings")
        findings = listed.map(SummaryFindingRow.init)
        hasMore = group.count > listed.count
        more = String(group.count - listed.count) + " more"
    }

    /// One owner's findings: how many, and the first ``SummaryView/findingsPerOwner`` of them.
    struct Group: Sendable {
        var owner: String
        var count: Int
        /// Worst status first, then control order, then subject id.
        var first: [Finding.Owned]
    }

    /// Every finding of the run (read back with ``ControlOutcome/forEachFinding(_:)``) grouped by
    /// the owner of its subject's identity: `no owner` when none is recorded, or for a role or a
    /// platform. Owners with the most findings come first, then by name. Only the count and the
    /// first few findings of each owner are kept, so memory grows with the owners, not the results.
    static func groups(_ evaluation: Evaluation) throws -> [Group] {
        var byOwner: [String: Group] = [:]
        for (position, outcome) in evaluation.outcomes.enumerated() {
            try outcome.forEachFinding { finding in
                let owner =
                    finding.subject.identityID.flatMap { evaluation.identity(withID: $0)?.owner }
                    .flatMap { $0.allSatisfy(\.isWhitespace) ? nil : $0 } ?? "no owner"
                var group = byOwner[owner] ?? Group(owner: owner, count: 0, first: [])
                group.count += 1
                group.first.append(Finding.Owned(finding: finding, control: outcome.definition, position: position))
                if group.first.count > SummaryView.findingsPerOwner {
                    group.first.sort(by: Finding.Owned.precedes)
                    group.first.removeLast()
                }
                byOwner[owner] = group
            }
        }
        return byOwner.values.map { group in
            var group = group
            group.first.sort(by: Finding.Owned.precedes)
            return group
        }
        .sorted { ($1.count, $0.owner) < ($0.count, $1.owner) }
    }
}

extension Finding {
    /// A finding with the control it belongs to and that control's place in the evaluation.
    struct Owned: Sendable {
        var finding: Finding
        var control: ControlDefinition
        var position: Int

        /// Worst status first, then control order, then subject id.
        static func precedes(_ lhs: Owned, _ rhs: Owned) -> Bool {
            (lhs.finding.status, lhs.position, lhs.finding.subject.id)
                < (rhs.finding.status, rhs.position, rhs.finding.subject.id)
        }
    }
}

extension SummaryOwnerSection: MustacheParent {
    /// The value of the template key `key`: the stored property of that name.
    func child(named key: String) -> Any? {
        switch key {
        case "owner": owner
        case "count": count
        case "findings": findings
        case "hasMore": hasMore
        case "more": more
        default: nil
        }
    }
}

/// One finding in an owner's list (key `findings` of ``SummaryOwnerSection``).
struct SummaryFindingRow: TemplateView {
    /// The control id.
    var control: String
    /// The subject's name and id, each cut to ``SummaryView/nameLimit``.
    var subject: String
    var subjectID: String
    /// `Fail`, `Not assessed`, … in words (no symbol, so it reads the same in any chat).
    var status: String
    /// The finding's sentence, cut to ``SummaryView/messageLimit``.
    var message: String

    init(_ owned: Finding.Owned) {
        control = SummaryView.cutMiddle(owned.control.id, to: SummaryView.nameLimit)
        subject = SummaryView.cutMiddle(owned.finding.subject.name, to: SummaryView.nameLimit)
        subjectID = SummaryView.cutMiddle(owned.finding.subject.id, to: SummaryView.nameLimit)
        status = StatusPresentation.of(owned.finding.status).word
        message = SummaryView.cut(FindingRow.messageText(owned.finding), to: SummaryView.messageLimit)
    }
}

extension SummaryFindingRow: MustacheParent {
    /// The value of the template key `key`: the stored property of that name.
    func child(named key: String) -> Any? {
        switch key {
        case "control": control
        case "subject": subject
        case "subjectID": subjectID
        case "status": status
        case "message": message
        default: nil
        }
    }
}

/// Writes `crosswalk-summary.md` from the `summary.md` template and a ``SummaryView``.
struct SummaryMarkdownRenderer: ReportRenderer {
    let document = ReportDocument.markdownSummary
    let templates: ReportTemplates

    func render(_ report: GapReport, to sink: any ReportSink) throws {
        try sink.write(try templates.render("summary.md", try SummaryView(report)))
    }
}
