/// The HTML report's charts, as inline SVG text: no script, no external resource, and every
/// number formatted by ``HTMLSVGWriter/number(_:)`` so the same report gives the same bytes.
///
/// Each chart has a `<title>` and `<desc>` (named by `aria-labelledby`), a `<title>` on every bar
/// or cell, and visible text labels, so it reads without colour and without hovering. Colours are
/// presentation attributes overridden by the stylesheet's status classes.
enum HTMLCharts {
    /// Score per framework as horizontal bars, with the coverage as a thin second bar unless
    /// `compact` (the executive summary's small chart).
    static func scoreBars(_ frameworks: [FrameworkAssessment], compact: Bool = false, id: String) -> String {
        let labelWidth = compact ? 210.0 : 220.0
        let barWidth = compact ? 190.0 : 380.0
        let valueWidth = compact ? 50.0 : 160.0
        let rowHeight = compact ? 26.0 : 38.0
        let top = compact ? 8.0 : 30.0
        let width = labelWidth + barWidth + valueWidth
        let height = top + rowHeight * Double(frameworks.count) + 22
        var svg = HTMLSVGWriter()
        svg.open("svg", chartAttributes(id: id, width: width, height: height))
        svg.title("Score per framework", id: "\(id)-title")
        svg.element(
            "desc",
            [("id", "\(id)-desc")],
            text: frameworks.map { framework in
                "\(framework.catalog.shortTitle): \(framework.score?.percentText ?? "not assessed")"
                    + (compact ? "" : ", coverage \(framework.coverage.percentText)")
            }
            .joined(separator: "; ")
        )
        if !compact {
            legend(
                &svg,
                x: labelWidth,
                y: 10,
                items: [("Score", "#1f5f99", "chart-score"), ("Coverage", "#9bb8d3", "chart-coverage")]
            )
        }
        let axisBottom = top + rowHeight * Double(frameworks.count)
        axis(&svg, x: labelWidth, width: barWidth, top: top - 4, bottom: axisBottom)
        for (row, framework) in frameworks.enumerated() {
            let y = top + rowHeight * Double(row)
            let score = framework.score
            let scoreText = score?.text ?? "n/a"
            svg.open("g", [("class", "chart-row")])
            svg.title(
                "\(framework.catalog.shortTitle): score \(scoreText), coverage \(framework.coverage.percentText)"
                    + " (\(framework.coverage.numeratorText) of \(framework.coverage.denominator) entries)"
            )
            svg.element(
                "text",
                [
                    ("x", HTMLSVGWriter.number(labelWidth - 8)), ("y", HTMLSVGWriter.number(y + 13)),
                    ("text-anchor", "end"), ("class", "chart-label"), ("font-size", compact ? "11" : "12"),
                ],
                text: HTMLEscaping.truncated(framework.catalog.shortTitle, to: compact ? 28 : 30)
            )
            let barHeight = compact ? 14.0 : 16.0
            if let score {
                svg.element(
                    "rect",
                    [
                        ("x", HTMLSVGWriter.number(labelWidth)), ("y", HTMLSVGWriter.number(y + 2)),
                        ("width", HTMLSVGWriter.number(barWidth * min(1, score.fraction))),
                        ("height", HTMLSVGWriter.number(barHeight)), ("fill", "#1f5f99"), ("class", "chart-score"),
                    ]
                )
            }
            svg.element(
                "text",
                [
                    ("x", HTMLSVGWriter.number(labelWidth + barWidth + 8)), ("y", HTMLSVGWriter.number(y + 14)),
                    ("class", "chart-value"), ("font-weight", "bold"),
                ],
                text: score?.percentText ?? "n/a"
            )
            if !compact {
                svg.element(
                    "rect",
                    [
                        ("x", HTMLSVGWriter.number(labelWidth)), ("y", HTMLSVGWriter.number(y + 21)),
                        ("width", HTMLSVGWriter.number(barWidth * min(1, framework.coverage.fraction))),
                        ("height", "7"), ("fill", "#9bb8d3"), ("class", "chart-coverage"),
                    ]
                )
                svg.element(
                    "text",
                    [
                        ("x", HTMLSVGWriter.number(labelWidth + barWidth + 48)), ("y", HTMLSVGWriter.number(y + 14)),
                        ("class", "chart-note"),
                    ],
                    text: score.map {
                        "\(FrameworkScore.twoDecimals($0.earned)) of \(FrameworkScore.twoDecimals($0.possible))"
                    }
                        ?? "no score"
                )
                svg.element(
                    "text",
                    [
                        ("x", HTMLSVGWriter.number(labelWidth + barWidth + 8)), ("y", HTMLSVGWriter.number(y + 28)),
                        ("class", "chart-note"),
                    ],
                    text: "coverage \(framework.coverage.percentText)"
                )
            }
            svg.close("g")
        }
        svg.close("svg")
        return svg.output
    }

    /// Entry statuses per framework as one stacked bar each, segments labelled with their count.
    static func statusBreakdown(_ frameworks: [FrameworkAssessment], id: String) -> String {
        let labelWidth = 220.0
        let barWidth = 420.0
        let width = labelWidth + barWidth + 100
        let rowHeight = 30.0
        let top = 34.0
        let height = top + rowHeight * Double(frameworks.count) + 4
        var svg = HTMLSVGWriter()
        svg.open("svg", chartAttributes(id: id, width: width, height: height))
        svg.title("Entry status per framework", id: "\(id)-title")
        svg.element(
            "desc",
            [("id", "\(id)-desc")],
            text: frameworks.map { framework in
                "\(framework.catalog.shortTitle): "
                    + EntryStatus.allCases.map {
                        "\(framework.count($0)) \(StatusPresentation.of($0).word.lowercased())"
                    }
                    .joined(separator: ", ")
            }
            .joined(separator: "; ")
        )
        legend(
            &svg,
            x: 0,
            y: 10,
            items: EntryStatus.allCases.map { status in
                let style = StatusPresentation.of(status)
                return ("\(style.chartSymbol) \(style.word)", style.fill, style.cssClass)
            }
        )
        for (row, framework) in frameworks.enumerated() {
            let y = top + rowHeight * Double(row)
            let total = framework.leafEntryCount
            svg.open("g", [("class", "chart-row")])
            svg.element(
                "text",
                [
                    ("x", HTMLSVGWriter.number(labelWidth - 8)), ("y", HTMLSVGWriter.number(y + 14)),
                    ("text-anchor", "end"), ("class", "chart-label"),
                ],
                text: HTMLEscaping.truncated(framework.catalog.shortTitle, to: 32)
            )
            var cumulative = 0
            for status in EntryStatus.allCases {
                let count = framework.count(status)
                guard count > 0, total > 0 else { continue }
                let style = StatusPresentation.of(status)
                let start = labelWidth + barWidth * Double(cumulative) / Double(total)
                cumulative += count
                let end = labelWidth + barWidth * Double(cumulative) / Double(total)
                svg.open("g", [("class", "chart-segment")])
                svg.title("\(framework.catalog.shortTitle): \(count) of \(total) entries \(style.word.lowercased())")
                svg.element(
                    "rect",
                    [
                        ("x", HTMLSVGWriter.number(start)), ("y", HTMLSVGWriter.number(y + 2)),
                        ("width", HTMLSVGWriter.number(end - start)), ("height", "18"), ("fill", style.fill),
                        ("stroke", "#ffffff"), ("stroke-width", "1"), ("class", style.cssClass),
                    ]
                )
                let label = "\(style.chartSymbol) \(count)"
                if end - start >= Double(label.count) * 7 + 6 {
                    svg.element(
                        "text",
                        [
                            ("x", HTMLSVGWriter.number((start + end) / 2)), ("y", HTMLSVGWriter.number(y + 15)),
                            ("text-anchor", "middle"), ("fill", style.ink), ("class", "chart-ink"),
                        ],
                        text: label
                    )
                }
                svg.close("g")
            }
            svg.element(
                "text",
                [
                    ("x", HTMLSVGWriter.number(labelWidth + barWidth + 8)), ("y", HTMLSVGWriter.number(y + 15)),
                    ("class", "chart-note"),
                ],
                text: "\(total) entries"
            )
            svg.close("g")
        }
        svg.close("svg")
        return svg.output
    }

    /// Result statuses shown in the heat map, worst first.
    static let heatMapStatuses: [ResultStatus] = [.fail, .error, .notAssessed, .pass]

    /// A heat map of controls (rows) × result status (columns): each cell prints the number of
    /// subjects and is shaded by their share of the control's applicable subjects.
    static func resultHeatMap(_ outcomes: [ControlOutcome], id: String) -> String {
        let statuses = heatMapStatuses
        let idWidth = 110.0
        let severityWidth = 80.0
        let cellWidth = 92.0
        let cellHeight = 22.0
        let top = 30.0
        let left = idWidth + severityWidth
        let width = left + cellWidth * Double(statuses.count) + 4
        let height = top + cellHeight * Double(outcomes.count) + 4
        var svg = HTMLSVGWriter()
        svg.open("svg", chartAttributes(id: id, width: width, height: height))
        svg.title("Results per control", id: "\(id)-title")
        svg.element(
            "desc",
            [("id", "\(id)-desc")],
            text:
                "Rows are controls, columns are result statuses; each cell gives the number of subjects "
                + "and is darker the larger their share of the control's applicable subjects."
        )
        svg.element("text", [("x", "0"), ("y", "20"), ("class", "chart-head")], text: "Control")
        svg.element(
            "text",
            [("x", HTMLSVGWriter.number(idWidth)), ("y", "20"), ("class", "chart-head")],
            text: "Severity"
        )
        for (column, status) in statuses.enumerated() {
            let style = StatusPresentation.of(status)
            svg.element(
                "text",
                [
                    ("x", HTMLSVGWriter.number(left + cellWidth * (Double(column) + 0.5))), ("y", "20"),
                    ("text-anchor", "middle"), ("class", "chart-head"),
                ],
                text: "\(style.chartSymbol) \(style.word)"
            )
        }
        for (row, outcome) in outcomes.enumerated() {
            let definition = outcome.definition
            let y = top + cellHeight * Double(row)
            let applicable = outcome.applicableCount
            svg.open("g", [("class", "chart-row")])
            svg.open("a", [("href", "#" + HTMLEscaping.anchor("control", definition.id))])
            svg.title("\(definition.id): \(definition.title)")
            svg.element(
                "text",
                [("x", "0"), ("y", HTMLSVGWriter.number(y + 15)), ("class", "chart-label chart-link")],
                text: definition.id
            )
            svg.close("a")
            let severity = StatusPresentation.of(definition.severity)
            svg.element(
                "text",
                [("x", HTMLSVGWriter.number(idWidth)), ("y", HTMLSVGWriter.number(y + 15)), ("class", "chart-note")],
                text: "\(severity.chartSymbol) \(severity.word)"
            )
            for (column, status) in statuses.enumerated() {
                let count = outcome.count(status)
                let style = StatusPresentation.of(status)
                let share = applicable == 0 ? 0 : Double(count) / Double(applicable)
                let x = left + cellWidth * Double(column)
                let strong = count > 0 && share >= 0.5
                svg.open("g", [("class", "chart-cell")])
                svg.title(
                    "\(definition.id) · \(style.word): \(count) of \(applicable) applicable subjects"
                        + (applicable == 0 ? "" : " (\(Ratio(count, of: applicable).percentText))")
                )
                var attributes: [HTMLSVGWriter.Attribute] = [
                    ("x", HTMLSVGWriter.number(x + 1)), ("y", HTMLSVGWriter.number(y + 1)),
                    ("width", HTMLSVGWriter.number(cellWidth - 2)), ("height", HTMLSVGWriter.number(cellHeight - 2)),
                ]
                if count > 0 {
                    attributes += [
                        ("fill", style.fill), ("fill-opacity", HTMLSVGWriter.number(0.15 + 0.85 * share)),
                        ("class", "chart-heat \(style.cssClass)"),
                    ]
                } else {
                    attributes += [("fill", "#f4f6f8"), ("class", "chart-empty")]
                }
                svg.element("rect", attributes)
                svg.element(
                    "text",
                    [
                        ("x", HTMLSVGWriter.number(x + cellWidth / 2)), ("y", HTMLSVGWriter.number(y + 15)),
                        ("text-anchor", "middle"), ("fill", strong ? "#ffffff" : (count > 0 ? "#1f1f1f" : "#8a949c")),
                        ("class", strong ? "chart-ink-strong" : "chart-ink-weak"),
                    ],
                    text: String(count)
                )
                svg.close("g")
            }
            svg.close("g")
        }
        svg.close("svg")
        return svg.output
    }

    /// The riskiest identities as bars of their risk score, labelled with name and failing controls.
    static func riskiestIdentities(_ identities: [RiskyIdentity], id: String) -> String {
        let labelWidth = 300.0
        let barWidth = 260.0
        let width = labelWidth + barWidth + 200
        let rowHeight = 24.0
        let height = rowHeight * Double(identities.count) + 24
        let maximum = max(1, identities.map(\.riskScore).max() ?? 1)
        var svg = HTMLSVGWriter()
        svg.open("svg", chartAttributes(id: id, width: width, height: height))
        svg.title("Riskiest identities by risk score", id: "\(id)-title")
        svg.element(
            "desc",
            [("id", "\(id)-desc")],
            text: identities.map { "\($0.name): \($0.riskScore)" }.joined(separator: "; ")
        )
        for (row, identity) in identities.enumerated() {
            let y = 4 + rowHeight * Double(row)
            let controls = identity.failingControls.count
            svg.open("g", [("class", "chart-row")])
            svg.title(
                "\(identity.name) (\(identity.id)): risk score \(identity.riskScore), fails "
                    + identity.failingControls.joined(separator: ", ")
            )
            svg.element(
                "text",
                [
                    ("x", HTMLSVGWriter.number(labelWidth - 8)), ("y", HTMLSVGWriter.number(y + 13)),
                    ("text-anchor", "end"), ("class", "chart-label"),
                ],
                text: HTMLEscaping.truncated(identity.name, to: 36)
            )
            svg.element(
                "rect",
                [
                    ("x", HTMLSVGWriter.number(labelWidth)), ("y", HTMLSVGWriter.number(y + 2)),
                    ("width", HTMLSVGWriter.number(barWidth * Double(identity.riskScore) / Double(maximum))),
                    ("height", "15"), ("fill", "#c62828"), ("class", "chart-risk"),
                ]
            )
            svg.element(
                "text",
                [
                    ("x", HTMLSVGWriter.number(labelWidth + barWidth + 8)), ("y", HTMLSVGWriter.number(y + 14)),
                    ("class", "chart-value"),
                ],
                text: "\(identity.riskScore) · \(controls) control\(controls == 1 ? "" : "s")"
            )
            svg.close("g")
        }
        svg.element(
            "text",
            [
                ("x", HTMLSVGWriter.number(labelWidth)), ("y", HTMLSVGWriter.number(height - 4)),
                ("class", "chart-note"),
            ],
            text: "risk score = sum of severity weights (critical 8, high 4, medium 2, low 1)"
        )
        svg.close("svg")
        return svg.output
    }

    // MARK: - Parts

    private static func chartAttributes(id: String, width: Double, height: Double) -> [HTMLSVGWriter.Attribute] {
        [
            ("class", "chart"), ("id", id), ("role", "img"), ("aria-labelledby", "\(id)-title \(id)-desc"),
            ("viewBox", "0 0 \(HTMLSVGWriter.number(width)) \(HTMLSVGWriter.number(height))"),
            ("width", HTMLSVGWriter.number(width)), ("height", HTMLSVGWriter.number(height)),
            ("font-family", "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif"), ("font-size", "12"),
            ("fill", "#1f1f1f"),
        ]
    }

    /// Percent grid lines and labels under a bar area.
    private static func axis(_ svg: inout HTMLSVGWriter, x: Double, width: Double, top: Double, bottom: Double) {
        svg.open("g", [("class", "chart-axis")])
        for percent in stride(from: 0, through: 100, by: 25) {
            let lineX = x + width * Double(percent) / 100
            svg.element(
                "line",
                [
                    ("x1", HTMLSVGWriter.number(lineX)), ("x2", HTMLSVGWriter.number(lineX)),
                    ("y1", HTMLSVGWriter.number(top)), ("y2", HTMLSVGWriter.number(bottom)),
                    ("stroke", "#c9d1d8"), ("stroke-width", "1"),
                ]
            )
            svg.element(
                "text",
                [
                    ("x", HTMLSVGWriter.number(lineX)), ("y", HTMLSVGWriter.number(bottom + 14)),
                    ("text-anchor", "middle"), ("class", "chart-note"),
                ],
                text: "\(percent)%"
            )
        }
        svg.close("g")
    }

    /// A row of coloured squares with their labels.
    private static func legend(
        _ svg: inout HTMLSVGWriter,
        x: Double,
        y: Double,
        items: [(label: String, fill: String, cssClass: String)]
    ) {
        svg.open("g", [("class", "chart-legend")])
        var position = x
        for item in items {
            svg.element(
                "rect",
                [
                    ("x", HTMLSVGWriter.number(position)), ("y", HTMLSVGWriter.number(y - 9)), ("width", "10"),
                    ("height", "10"), ("fill", item.fill), ("class", item.cssClass),
                ]
            )
            svg.element(
                "text",
                [("x", HTMLSVGWriter.number(position + 14)), ("y", HTMLSVGWriter.number(y)), ("class", "chart-note")],
                text: item.label
            )
            position += 14 + Double(item.label.count) * 6.2 + 16
        }
        svg.close("g")
    }
}
