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

/// The findings of one owner (key `owners` of ``SummaryView``): how many failing results in the
/// whole run, and the first ``SummaryView/findingsPerOwner``, from the report's one grouping by
/// owner (``GapReport/findingsByOwner``, docs/assessment.md §8).
struct SummaryOwnerSection: TemplateView {
    /// The owner of the findings' identities, or `no owner`, cut to ``SummaryView/nameLimit``.
    var owner: String
    /// `7 findings`.
    var count: String
    var findings: [SummaryFindingRow]
    var hasMore: Bool
    /// `4 more`.
    var more: String

    init(_ group: OwnerFindings) {
        let listed = group.listed.prefix(SummaryView.findingsPerOwner)
        owner = SummaryView.cutMiddle(group.ownerText, to: SummaryView.nameLimit)
        count = ReportText.counted(group.total, "finding", "findings")
        findings = listed.map(SummaryFindingRow.init)
        hasMore = group.total > listed.count
        more = ReportText.number(group.total - listed.count) + " more"
    }

    /// The owners the page lists, at most `limit`: the report's first owners (worst first) and,
    /// when there are findings without an owner, "no owner" in the last place, since it is often
    /// the largest group and the one nobody is sent.
    static func listed(_ groups: [OwnerFindings], limit: Int) -> [OwnerFindings] {
        let owned = groups.filter { $0.owner != nil }
        guard let unowned = groups.first(where: { $0.owner == nil }) else { return Array(owned.prefix(limit)) }
        return Array(owned.prefix(limit - 1)) + [unowned]
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

    init(_ finding: AttributedFinding) {
        control = SummaryView.cutMiddle(finding.control.id, to: SummaryView.nameLimit)
        subject = SummaryView.cutMiddle(finding.subject.name, to: SummaryView.nameLimit)
        subjectID = SummaryView.cutMiddle(finding.subject.id, to: SummaryView.nameLimit)
        status = StatusPresentation.of(finding.status).word
        message = SummaryView.cut(finding.message, to: SummaryView.messageLimit)
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
