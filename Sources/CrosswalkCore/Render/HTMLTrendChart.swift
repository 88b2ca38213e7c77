/// The trend of framework scores over the last runs as an inline SVG line chart (the HTML
/// reports' "since the previous run" part): one line per framework, 0–100 % upwards, runs from
/// oldest (left) to newest (right).
///
/// Like ``HTMLCharts``, it reads without colour and without hovering: each line has its own dash
/// pattern and a label at its last point, every point has a `<title>`, and `<desc>` states the
/// first and last score of each framework. Numbers go through ``HTMLSVGWriter/number(_:)``.
enum HTMLTrendChart {
    /// Line colours and dash patterns, one per framework in report order (cycled).
    private static let strokes: [(colour: String, dash: String)] = [
        ("#1f5f99", ""), ("#b5462b", "6 3"), ("#2e7d32", "2 3"), ("#6a3d9a", "8 3 2 3"), ("#8a6d00", "4 4"),
        ("#00838f", "10 4"),
    ]

    static func svg(_ trend: [TrendPoint], catalogIDs: [String], names: [String: String]) -> String {
        let id = "trend-chart"
        let left = 44.0
        let plotWidth = 520.0
        let labelWidth = 250.0
        let top = 12.0
        let plotHeight = 180.0
        let width = left + plotWidth + labelWidth
        let height = top + plotHeight + 34
        let step = trend.count > 1 ? plotWidth / Double(trend.count - 1) : 0
        func x(_ index: Int) -> Double { trend.count > 1 ? left + step * Double(index) : left + plotWidth / 2 }
        func y(_ fraction: Double) -> Double { top + plotHeight * (1 - min(1, max(0, fraction))) }

        var svg = HTMLSVGWriter()
        svg.open(
            "svg",
            [
                ("class", "chart"), ("id", id), ("role", "img"), ("aria-labelledby", "\(id)-title \(id)-desc"),
                ("viewBox", "0 0 \(HTMLSVGWriter.number(width)) \(HTMLSVGWriter.number(height))"),
                ("width", HTMLSVGWriter.number(width)), ("height", HTMLSVGWriter.number(height)),
                ("font-family", "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif"), ("font-size", "12"),
                ("fill", "#1f1f1f"),
            ]
        )
        svg.title("Score per framework over the last \(trend.count) runs", id: "\(id)-title")
        svg.element(
            "desc",
            [("id", "\(id)-desc")],
            text: catalogIDs.map { catalogID in
                let scores = trend.compactMap { $0.scores[catalogID] }
                let name = names[catalogID] ?? catalogID
                guard let first = scores.first, let last = scores.last else { return "\(name): no score" }
                return "\(name): from \(FrameworkScore.percentText(first)) to \(FrameworkScore.percentText(last))"
            }
            .joined(separator: "; ")
        )
        svg.open("g", [("class", "chart-axis")])
        for percent in stride(from: 0, through: 100, by: 25) {
            let lineY = y(Double(percent) / 100)
            svg.element(
                "line",
                [
                    ("x1", HTMLSVGWriter.number(left)), ("x2", HTMLSVGWriter.number(left + plotWidth)),
                    ("y1", HTMLSVGWriter.number(lineY)), ("y2", HTMLSVGWriter.number(lineY)),
                    ("stroke", "#c9d1d8"), ("stroke-width", "1"),
                ]
            )
            svg.element(
                "text",
                [
                    ("x", HTMLSVGWriter.number(left - 6)), ("y", HTMLSVGWriter.number(lineY + 4)),
                    ("text-anchor", "end"), ("class", "chart-note"),
                ],
                text: "\(percent)%"
            )
        }
        if let first = trend.first, let last = trend.last {
            for (index, point) in [(0, first), (trend.count - 1, last)] where index == 0 || trend.count > 1 {
                svg.element(
                    "text",
                    [
                        ("x", HTMLSVGWriter.number(x(index))), ("y", HTMLSVGWriter.number(top + plotHeight + 18)),
                        ("text-anchor", index == 0 && trend.count > 1 ? "start" : "end"), ("class", "chart-note"),
                    ],
                    text: ReportText.readableDay(point.run.generatedAt)
                )
            }
        }
        svg.close("g")
        let labelY = labelPositions(
            catalogIDs.map { catalogID in trend.last(where: { $0.scores[catalogID] != nil })?.scores[catalogID].map(y)
            },
            spacing: 14
        )
        for (index, catalogID) in catalogIDs.enumerated() {
            let stroke = strokes[index % strokes.count]
            let name = names[catalogID] ?? catalogID
            let points = trend.enumerated().compactMap { position, point in
                point.scores[catalogID].map { (position: position, run: point.run, score: $0) }
            }
            guard let last = points.last else { continue }
            svg.open("g", [("class", "chart-line")])
            svg.title(name)
            var lineAttributes: [HTMLSVGWriter.Attribute] = [
                (
                    "points",
                    points.map { "\(HTMLSVGWriter.number(x($0.position))),\(HTMLSVGWriter.number(y($0.score)))" }
                        .joined(separator: " ")
                ),
                ("fill", "none"), ("stroke", stroke.colour), ("stroke-width", "2"),
            ]
            if !stroke.dash.isEmpty { lineAttributes.append(("stroke-dasharray", stroke.dash)) }
            svg.element("polyline", lineAttributes)
            for point in points {
                svg.open(
                    "circle",
                    [
                        ("cx", HTMLSVGWriter.number(x(point.position))), ("cy", HTMLSVGWriter.number(y(point.score))),
                        ("r", "3"), ("fill", stroke.colour),
                    ]
                )
                svg.title(
                    "\(name), \(ReportText.readableDay(point.run.generatedAt)): \(FrameworkScore.percentText(point.score))"
                )
                svg.close("circle")
            }
            svg.element(
                "text",
                [
                    ("x", HTMLSVGWriter.number(left + plotWidth + 8)),
                    ("y", HTMLSVGWriter.number((labelY[index] ?? y(last.score)) + 4)),
                    ("class", "chart-label"), ("fill", stroke.colour),
                ],
                text: "\(HTMLEscaping.truncated(name, to: 24)) \(FrameworkScore.percentText(last.score))"
            )
            svg.close("g")
        }
        svg.close("svg")
        return svg.output
    }

    /// Where each line's label goes: at its last point's height, moved down just enough that no two
    /// labels are closer than `spacing` (lines ending at the same score would overprint).
    private static func labelPositions(_ heights: [Double?], spacing: Double) -> [Double?] {
        var positions = heights
        var previous = -Double.infinity
        for index in heights.indices.sorted(by: { (heights[$0] ?? 0, $0) < (heights[$1] ?? 0, $1) }) {
            guard let height = heights[index] else { continue }
            let placed = max(height, previous + spacing)
            positions[index] = placed
            previous = placed
        }
        return positions
    }
}
