import CrosswalkTestSupport
import Foundation
import Testing

/// The DejaVu fonts of Debian's `fonts-dejavu-core`, the fonts a bare Linux host has.
enum DejaVuFonts {
    static let folder = URL(fileURLWithPath: "/usr/share/fonts/truetype/dejavu")
    static let fcQuery = URL(fileURLWithPath: "/usr/bin/fc-query")
    static let available =
        FileManager.default.fileExists(atPath: folder.appendingPathComponent("DejaVuSans.ttf").path)
        && FileManager.default.isExecutableFile(atPath: fcQuery.path)

    /// Every code point some DejaVu font draws, read from fontconfig's charset of each font file
    /// (`fc-query --format '%{charset}'`: hexadecimal code points and ranges, space-separated).
    static func coveredCodePoints() throws -> Set<UInt32> {
        var covered = Set<UInt32>()
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".ttf") }
        for file in files {
            let process = Process()
            process.executableURL = fcQuery
            process.arguments = ["--format", "%{charset}\n", folder.appendingPathComponent(file).path]
            let pipe = Pipe()
            process.standardOutput = pipe
            process.standardError = FileHandle.nullDevice
            try process.run()
            let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            for range in output.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
                let bounds = range.split(separator: "-").compactMap { UInt32($0, radix: 16) }
                guard let low = bounds.first, let high = bounds.last, low <= high else { continue }
                covered.formUnion(low...high)
            }
        }
        return covered
    }
}

/// Status marks read on a host whose only fonts are DejaVu (no emoji font): every character the
/// human-readable reports use is one DejaVu draws, no report uses an emoji, and headless Chromium,
/// limited to DejaVu by its own fontconfig file, draws each status mark as a glyph rather than as
/// an empty box or nothing.
@Suite(.enabled(if: DejaVuFonts.available, "needs fonts-dejavu-core and fontconfig (fc-query)"))
struct StatusGlyphTests {
    static let readableReports = [
        "crosswalk-report.html", "crosswalk-report.md", "executive-summary.html", "executive-summary.md",
        "crosswalk-summary.md",
    ]

    /// Emoji presentation: the variation selector that asks for it, and the emoji planes.
    static func isEmoji(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value == 0xFE0F || (0x1F000...0x1FAFF).contains(scalar.value)
            || scalar.properties.isEmojiPresentation
    }

    @Test(arguments: readableReports)
    func everyCharacterOfTheReportIsDrawnByDejaVu(_ name: String) throws {
        let text = try Fixtures.text("reports/example/\(name)")
        let covered = try DejaVuFonts.coveredCodePoints()
        #expect(covered.contains(0x2713) && covered.contains(0x41), "the charset was read")
        var missing = Set<String>()
        for scalar in text.unicodeScalars where scalar.value > 0x7E && !covered.contains(scalar.value) {
            missing.insert(String(format: "U+%04X", scalar.value))
        }
        #expect(missing.isEmpty, "\(name): characters DejaVu does not draw: \(missing.sorted())")
        let emoji = text.unicodeScalars.filter(Self.isEmoji).map { String(format: "U+%04X", $0.value) }
        #expect(emoji.isEmpty, "\(name): emoji \(Set(emoji).sorted())")
    }

    /// The status marks of the full report: the first character of every status badge, and the
    /// marks the stylesheet puts before severities.
    static func statusMarks() throws -> [String] {
        let html = try Fixtures.text("reports/example/crosswalk-report.html")
        var marks = Set<String>()
        for match in html.matches(of: #/class="status [a-z-]+">([^ <]+) /#) { marks.insert(String(match.output.1)) }
        for match in html.matches(of: /::before \{ content: "([^" ]+) "/) { marks.insert(String(match.output.1)) }
        return marks.sorted()
    }

    /// Takes a screenshot of `text` in large type with Chromium limited to the DejaVu fonts and
    /// returns the PNG's bytes.
    static func screenshot(_ text: String, in scratch: URL, fontConfig: URL) throws -> Data {
        let chromium = try #require(HeadlessChromium.executable)
        let name = text.unicodeScalars.map { String($0.value, radix: 16) }.joined(separator: "-")
        let page = scratch.appendingPathComponent("mark-\(name).html")
        let image = scratch.appendingPathComponent("mark-\(name).png")
        let html = """
            <!DOCTYPE html><html><head><meta charset="utf-8"><style>
            body { margin: 0; background: #fff; color: #000; font: 64px "DejaVu Sans", sans-serif; }
            </style></head><body><span>\(text)</span></body></html>
            """
        try Data(html.utf8).write(to: page)
        let process = Process()
        process.executableURL = chromium
        process.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--window-size=400,300",
            "--user-data-dir=\(scratch.appendingPathComponent("profile").path)", "--screenshot=\(image.path)",
            page.absoluteString,
        ]
        var environment = ProcessInfo.processInfo.environment
        environment["FONTCONFIG_FILE"] = fontConfig.path
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return try Data(contentsOf: image)
    }

    /// Each status mark renders differently from an empty page and from a character no font has
    /// (which Chromium draws as the font's empty box). The emoji the reports used to print
    /// (U+2705) renders as that box here, which shows the comparison catches a missing glyph.
    @Test(.enabled(if: HeadlessChromium.executable != nil, "needs chromium or chromium-browser on PATH"))
    func statusMarksRenderAsGlyphsWithOnlyDejaVu() throws {
        let scratch = try CommandRunner.temporaryDirectory()
        let fontConfig = scratch.appendingPathComponent("fonts.conf")
        let config = """
            <?xml version="1.0"?>
            <!DOCTYPE fontconfig SYSTEM "fonts.dtd">
            <fontconfig>
              <dir>\(DejaVuFonts.folder.path)</dir>
              <cachedir>\(scratch.appendingPathComponent("font-cache").path)</cachedir>
            </fontconfig>
            """
        try Data(config.utf8).write(to: fontConfig)
        let marks = try Self.statusMarks()
        #expect(marks.count >= 6, "status marks found in the report: \(marks)")
        let blank = try Self.screenshot("", in: scratch, fontConfig: fontConfig)
        let missingGlyph = try Self.screenshot("\u{0378}", in: scratch, fontConfig: fontConfig)
        #expect(blank != missingGlyph, "a missing glyph draws a box")
        let emoji = try Self.screenshot("\u{2705}", in: scratch, fontConfig: fontConfig)
        #expect(emoji == missingGlyph, "with only DejaVu, an emoji draws the empty box")
        for mark in marks {
            let shot = try Self.screenshot(mark, in: scratch, fontConfig: fontConfig)
            #expect(shot != blank, "\(mark) draws something")
            #expect(shot != missingGlyph, "\(mark) draws a glyph, not the empty box")
        }
    }
}
