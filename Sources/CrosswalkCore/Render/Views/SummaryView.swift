import Mustache

/// What `summary.md` receives: the executive summary, the top gaps and the first findings per
/// owner, for pull requests, tickets and chat (`crosswalk-summary.md`).
///
/// The document stays under ``characterBudget`` characters at any inventory size, by
/// construction: every list is capped (``frameworkLimit``, ``gapLimit``, ``ownerLimit``,
/// ``findingsPerOwner``) and every cell that can hold input text is cut (``nameLimit``,
/// ``titleLimit``, ``messageLimit`` Unicode scalars) before escaping. Markdown escaping turns one
/// scalar into at most five characters (`&amp;`), so even if every scalar were escaped that way,
/// the cells would add at most 5 × (60 + 60 + 10 × 60 + 10 × (60 + 120) + 8 × (60 + 3 × (3 × 60 +
/// 100))) = 48,600 characters to a few thousand of template and figures; the line on what changed
/// since the previous run adds at most ``frameworkLimit`` cut framework names (5 × 10 × 60 = 3,000
/// more). `SummaryBoundTests`
/// renders a large inventory of hostile names and owners and checks the bound.
struct SummaryView: TemplateView {
    /// The ceiling the document stays under: what GitHub accepts in a pull request comment, with room.
    static let characterBudget = 60_000
    static let frameworkLimit = 10
    static let gapLimit = 10
    static let ownerLimit = 8
    static let findingsPerOwner = 3
    /// The longest name, id, owner or title a cell shows, in Unicode scalars, ellipsis included.
    static let nameLimit = 60
    /// The longest control title a cell shows, in Unicode scalars, ellipsis included.
    static let titleLimit = 120
    /// The longest finding message a cell shows, in Unicode scalars, ellipsis included.
    static let messageLimit = 100

    var organization: String
    /// The report time in words (`1 November 2026, 00:00 UTC`).
    var generatedOn: String
    var toolVersion: String
    /// `79 non-human identities`, `1 non-human identity`.
    var identities: String
    /// `7 platforms`.
    var platforms: String
    /// The full report's file names, for links.
    var fullReportMarkdown: String
    var fullReportHTML: String
    var overall: OverallView
    var frameworks: [SummaryFrameworkRow]
    var hasMoreFrameworks: Bool
    var moreFrameworks: String
    var hasGaps: Bool
    var gaps: [SummaryGapRow]
    var hasMoreGaps: Bool
    var moreGaps: String
    var hasOwners: Bool
    /// `12 owners`, `1 owner`: every owner with a listed finding.
    var ownerCount: String
    var owners: [SummaryOwnerSection]
    var hasMoreOwners: Bool
    /// Owners not listed, and their findings: `4 more owners with 17 findings`.
    var moreOwners: String
    var findingsPerOwner: String
    /// What changed since the previous run, for the listed frameworks (names cut), when there was one.
    var changes: ChangesView?

    init(_ report: GapReport) throws {
        let summary = report.inventorySummary
        organization = Self.cutMiddle(report.metadata.organization ?? "Unnamed organisation", to: Self.nameLimit)
        generatedOn = ReportText.readable(report.metadata.generatedAt)
        toolVersion = Self.cut(report.metadata.toolVersion, to: Self.nameLimit)
        identities = ReportText.counted(summary.identityCount, "non-human identity", "non-human identities")
        platforms = ReportText.counted(summary.platforms.count, "platform", "platforms")
        fullReportMarkdown = ReportDocument.markdownReport.fileName
        fullReportHTML = ReportDocument.htmlReport.fileName
        overall = OverallView(report.overall)

        let listedFrameworks = report.frameworks.prefix(Self.frameworkLimit)
        frameworks = listedFrameworks.map(SummaryFrameworkRow.init)
        hasMoreFrameworks = report.frameworks.count > listedFrameworks.count
        moreFrameworks = ReportText.counted(
            report.frameworks.count - listedFrameworks.count,
            "more framework",
            "more frameworks"
        )

        let listedGaps = report.topGaps.prefix(Self.gapLimit)
        hasGaps = !listedGaps.isEmpty
        gaps = listedGaps.map(SummaryGapRow.init)
        hasMoreGaps = report.topGaps.count > listedGaps.count
        moreGaps = ReportText.counted(
            report.topGaps.count - listedGaps.count,
            "more failing control",
            "more failing controls"
        )

        let groups = report.findingsByOwner
        let listedOwners = SummaryOwnerSection.listed(groups, limit: Self.ownerLimit)
        let ownerTotal = groups.count + report.ownersNotListed
        hasOwners = !groups.isEmpty
        ownerCount = ReportText.counted(ownerTotal, "owner", "owners")
        owners = listedOwners.map(SummaryOwnerSection.init)
        hasMoreOwners = ownerTotal > listedOwners.count
        let restFindings =
            groups.reduce(0) { $0 + $1.total } - listedOwners.reduce(0) { $0 + $1.total }
            + report.ownerFindingsNotListed
        moreOwners =
            ReportText.counted(ownerTotal - listedOwners.count, "more owner", "more owners") + " with "
            + ReportText.counted(restFindings, "finding", "findings")
        findingsPerOwner = String(Self.findingsPerOwner)
        if var changes = report.changes.map({ ChangesView($0, frameworks: Array(listedFrameworks), withChart: false) })
        {
            for index in changes.scoreChanges.indices {
                changes.scoreChanges[index].framework = Self.cut(
                    changes.scoreChanges[index].framework,
                    to: Self.nameLimit
                )
            }
            self.changes = changes
        }
    }

    /// `text` cut to at most `limit` Unicode scalars, ending with `…` when cut. Cutting scalars
    /// (not characters) bounds the escaped length, whatever marks combine with what.
    static func cut(_ text: String, to limit: Int) -> String {
        let scalars = text.unicodeScalars
        guard scalars.count > limit else { return text }
        var kept = String.UnicodeScalarView(scalars.prefix(limit - 1))
        kept.append("…")
        return String(kept)
    }

    /// `text` cut to at most `limit` Unicode scalars by dropping its middle for `…`: names, ids
    /// and owners often differ only at the end (`svc-payments-eu-1`, `svc-payments-eu-2`), so the
    /// start and the end both stay.
    static func cutMiddle(_ text: String, to limit: Int) -> String {
        let scalars = text.unicodeScalars
        guard scalars.count > limit else { return text }
        let head = (limit - 1) * 2 / 3
        var kept = String.UnicodeScalarView(scalars.prefix(head))
        kept.append("…")
        kept.append(contentsOf: scalars.suffix(limit - 1 - head))
        return String(kept)
    }
}

extension SummaryView: MustacheParent {
    /// The value of the template key `key`: the stored property of that name, found without
    /// reflection (tests check that every property is listed).
    func child(named key: String) -> Any? {
        switch key {
        case "organization": organization
        case "generatedOn": generatedOn
        case "toolVersion": toolVersion
        case "identities": identities
        case "platforms": platforms
        case "fullReportMarkdown": fullReportMarkdown
        case "fullReportHTML": fullReportHTML
        case "overall": overall
        case "frameworks": frameworks
        case "hasMoreFrameworks": hasMoreFrameworks
        case "moreFrameworks": moreFrameworks
        case "hasGaps": hasGaps
        case "gaps": gaps
        case "hasMoreGaps": hasMoreGaps
        case "moreGaps": moreGaps
        case "hasOwners": hasOwners
        case "ownerCount": ownerCount
        case "owners": owners
        case "hasMoreOwners": hasMoreOwners
        case "moreOwners": moreOwners
        case "findingsPerOwner": findingsPerOwner
        case "changes": changes
        default: nil
        }
    }
}
