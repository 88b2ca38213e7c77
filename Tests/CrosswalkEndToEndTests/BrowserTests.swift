import CrosswalkTestSupport
import Foundation
import Testing

/// The Chromium executable on `PATH`, if any (`chromium`, or `chromium-browser` on some systems).
enum HeadlessChromium {
    static let executable: URL? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        for name in ["chromium", "chromium-browser"] {
            for folder in path.split(separator: ":") {
                let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent(name)
                if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            }
        }
        return nil
    }()
}

/// Opens the HTML reports in headless Chromium, as a reader would, and checks what the browser
/// made of them: no console errors or Content-Security-Policy violations, no image element and no
/// script but the full report's own hashed one (which builds the filters), hostile names shown as
/// text, and the document title intact.
///
/// Skipped when neither `chromium` nor `chromium-browser` is on `PATH` (Debian: `apt-get install
/// chromium`).
@Suite(.enabled(if: HeadlessChromium.executable != nil, "needs chromium or chromium-browser on PATH"))
struct BrowserTests {
    /// What headless Chromium printed for one page.
    struct Page {
        var dom: String
        var stderr: String

        /// Console messages, script errors and CSP violations; Chromium's own start-up noise
        /// (D-Bus, GPU, sandbox warnings) is not about the page and is left out.
        var problems: [String] {
            stderr.split(separator: "\n").map(String.init).filter { line in
                line.contains(":CONSOLE") || line.contains("Refused to") || line.contains("Uncaught")
                    || line.contains("Content Security Policy") || line.contains("Content-Security-Policy")
            }
        }

        var title: String? {
            guard let match = dom.firstMatch(of: /<title>([^<]*)<\/title>/) else { return nil }
            return String(match.output.1)
        }

        /// Every start and end tag of the serialised DOM.
        var tags: [Substring] { dom.matches(of: /<[^>]*>/).map(\.output) }
    }

    /// Loads `file` in headless Chromium and returns the serialised DOM and the browser's log.
    static func open(_ file: URL) throws -> Page {
        let chromium = try #require(HeadlessChromium.executable)
        let scratch = try CommandRunner.temporaryDirectory()
        let domFile = scratch.appendingPathComponent("dom.html")
        let logFile = scratch.appendingPathComponent("stderr.txt")
        try Data().write(to: domFile)
        try Data().write(to: logFile)
        let process = Process()
        process.executableURL = chromium
        process.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--enable-logging=stderr", "--v=0",
            "--user-data-dir=\(scratch.appendingPathComponent("profile").path)", "--dump-dom", file.absoluteString,
        ]
        // Files, not pipes: a dumped DOM is larger than a pipe buffer.
        process.standardOutput = try FileHandle(forWritingTo: domFile)
        process.standardError = try FileHandle(forWritingTo: logFile)
        try process.run()
        let deadline = Date().addingTimeInterval(120)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.1) }
        if process.isRunning {
            process.terminate()
            Issue.record("Chromium did not finish loading \(file.path) within 120 s")
        }
        process.waitUntilExit()
        return Page(
            dom: try String(contentsOf: domFile, encoding: .utf8),
            stderr: try String(contentsOf: logFile, encoding: .utf8)
        )
    }

    static func expectClean(_ page: Page, _ name: String) {
        #expect(page.problems.isEmpty, "\(name): browser reported \(page.problems)")
        let dom = page.dom.lowercased()
        #expect(dom.contains("<body"), "\(name): the page was loaded")
        let scripts = dom.components(separatedBy: "<script").count - 1
        if name == "crosswalk-report.html" {
            #expect(scripts == 1, "\(name): exactly the report's own script")
            #expect(
                dom.contains("<form class=\"filters\""),
                "\(name): the script ran under the CSP and built the filters"
            )
        } else {
            #expect(scripts == 0, "\(name): no script element")
        }
        #expect(!dom.contains("<img"), "\(name): no img element")
    }

    @Test(arguments: ["crosswalk-report.html", "executive-summary.html"])
    func exampleReportLoadsWithoutErrors(_ name: String) throws {
        let file = Fixtures.url("reports/example/\(name)")
        try #require(
            FileManager.default.fileExists(atPath: file.path),
            "reports/example/\(name) is missing; re-record the reference reports (see ReferenceReportTests)"
        )
        let page = try Self.open(file)
        Self.expectClean(page, name)
        let expected =
            name == "crosswalk-report.html"
            ? "Crosswalk gap report: Acme Financial" : "Executive summary: Acme Financial"
        #expect(page.title == expected)
    }

    /// Names that would run script, load an image or break out of an attribute or the stylesheet
    /// if they reached the page unescaped.
    static let hostileNames = [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "\" onmouseover=\"alert(1)\" x='y'",
        "</style><script>alert(2)</script>",
    ]

    @Test func hostileNamesStayTextInTheBrowser() throws {
        let folder = try CommandRunner.temporaryDirectory()
        let organization = "Org <script>alert(3)</script> \"&\" 'x'"
        let identities = Self.hostileNames.enumerated().map { index, name -> [String: Any] in
            ["id": "hostile-\(index)", "name": name, "kind": "agent", "platform": "aws", "authentication": "api-key"]
        }
        let inventory: [String: Any] = ["version": 1, "organization": organization, "identities": identities]
        try JSONSerialization.data(withJSONObject: inventory, options: [.sortedKeys])
            .write(to: folder.appendingPathComponent("inventory.json"))
        let output = folder.appendingPathComponent("out")
        let result = try CommandRunner.run(
            ["report", folder.path, "--output", output.path, "--now", Fixtures.exampleNow, "--format", "html"],
            in: folder
        )
        #expect(result.exitCode == 0, "stderr: \(result.stderr)")
        let escapedOrganization = "Org &lt;script&gt;alert(3)&lt;/script&gt; \"&amp;\" 'x'"
        for (name, title) in [
            ("crosswalk-report.html", "Crosswalk gap report: \(escapedOrganization)"),
            ("executive-summary.html", "Executive summary: \(escapedOrganization)"),
        ] {
            let page = try Self.open(output.appendingPathComponent(name))
            Self.expectClean(page, name)
            #expect(page.title == title, "\(name): the document title is the organisation's name, as text")
            for tag in page.tags {
                #expect(!tag.contains("alert(") && !tag.contains("onmouseover"), "\(name): attacker text in \(tag)")
            }
        }
        let report = try Self.open(output.appendingPathComponent("crosswalk-report.html"))
        for text in [
            "&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;img src=x onerror=alert(1)&gt;",
            "\" onmouseover=\"alert(1)\" x='y'", "&lt;/style&gt;&lt;script&gt;alert(2)&lt;/script&gt;",
        ] {
            #expect(report.dom.contains(text), "\(text) is shown as text")
        }
    }

    /// Prints `file` to PDF as Chromium's print dialog would (A4 comes from the page's own
    /// `@page` rule) and returns the number of pages.
    static func printedPageCount(_ file: URL) throws -> Int {
        let chromium = try #require(HeadlessChromium.executable)
        let scratch = try CommandRunner.temporaryDirectory()
        let pdf = scratch.appendingPathComponent("printed.pdf")
        let process = Process()
        process.executableURL = chromium
        process.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
            "--user-data-dir=\(scratch.appendingPathComponent("profile").path)", "--print-to-pdf=\(pdf.path)",
            file.absoluteString,
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let bytes = try Data(contentsOf: pdf)
        // Each page is one `/Type /Page` object (`/Type /Pages` is the page tree).
        let text = String(decoding: bytes, as: UTF8.self)
        return text.matches(of: /\/Type\s*\/Page(?!s)/).count
    }

    /// The full report prints on fewer than 40 A4 pages: framework and control sections are
    /// printed open, and entries no control covers as a compact list.
    @Test func exampleFullReportPrintsOnFewerThan40A4Pages() throws {
        let pages = try Self.printedPageCount(Fixtures.url("reports/example/crosswalk-report.html"))
        #expect(pages > 10, "the whole report is printed, not only the open sections")
        #expect(pages < 40, "the full report prints on \(pages) A4 pages")
    }

    /// The filter the script builds offers the values the rows carry, and every row it filters
    /// carries a value.
    @Test func exampleReportFilterOffersStatusSeverityAndFramework() throws {
        let page = try Self.open(Fixtures.url("reports/example/crosswalk-report.html"))
        for filter in ["status", "severity", "framework", "owner"] {
            #expect(page.dom.contains("<select data-filter=\"\(filter)\">"), "a \(filter) filter")
        }
        #expect(page.dom.contains("<option value=\"gaps-found\">Gaps found</option>"))
        #expect(page.dom.contains("<option value=\"critical\">Critical</option>"))
        #expect(page.dom.contains("<option value=\"owasp-nhi-top10-2025\">OWASP NHI Top 10 2025</option>"))
        #expect(!page.dom.contains("data-status=\"\""), "no row has an empty status")
    }

    @Test func exampleExecutiveSummaryPrintsOnOneA4Page() throws {
        let pages = try Self.printedPageCount(Fixtures.url("reports/example/executive-summary.html"))
        #expect(pages == 1, "the executive summary is a one-page document")
    }

    /// Thirty identities with very long hostile names and no owner, each holding an exposed,
    /// still-active key: thirty critical findings. The executive summary lists the first few,
    /// cut short, and still prints on one page.
    @Test func executiveSummaryWithManyLongCriticalFindingsPrintsOnOneA4Page() throws {
        let folder = try CommandRunner.temporaryDirectory()
        let longName = String(repeating: "<b>very-long-service-account-name</b> ", count: 40)
        let identities = (0..<30).map { index -> [String: Any] in
            [
                "id": "svc-\(index)", "name": "\(index) \(longName)", "kind": "service-account", "platform": "aws",
                "authentication": "api-key",
                "credentials": [
                    [
                        "id": "key-\(index)", "type": "access-key", "created": "2026-01-01T00:00:00Z",
                        "exposures": [["detected": "2026-10-01T00:00:00Z", "source": "github-secret-scanning"]],
                    ]
                ],
            ]
        }
        let inventory: [String: Any] = [
            "version": 1, "organization": String(repeating: "Org ", count: 60), "identities": identities,
        ]
        try JSONSerialization.data(withJSONObject: inventory, options: [.sortedKeys])
            .write(to: folder.appendingPathComponent("inventory.json"))
        let output = folder.appendingPathComponent("out")
        let result = try CommandRunner.run(
            ["report", folder.path, "--output", output.path, "--now", Fixtures.exampleNow, "--format", "html"],
            in: folder
        )
        #expect(result.exitCode == 0, "stderr: \(result.stderr)")
        let summary = output.appendingPathComponent("executive-summary.html")
        let html = try String(contentsOf: summary, encoding: .utf8)
        #expect(html.contains("more in the <a href=\"crosswalk-report.html#critical-findings\">full report</a>"))
        #expect(html.contains("<strong>no owner</strong> on record"))
        #expect(try Self.printedPageCount(summary) == 1, "the executive summary stays on one page")
    }
}
