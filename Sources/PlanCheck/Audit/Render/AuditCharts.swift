/// Inline SVG charts drawn from the model: no chart library, no script, no external resource, so
/// the report reads offline, from an email attachment and on paper.
///
/// Every bar or segment is a `<g data-label data-value>` holding a `<title>` (a tooltip in a
/// browser): the tests read those values back and compare them with the JSON model.
enum AuditCharts {
    /// Units shown in the overdue chart; the full list is in the units table.
    static let unitLimit = 20
    static let colors: [AuditStatus: String] = [
        .doneOnTime: "#2e7d32", .doneLate: "#f9a825", .inProgress: "#1e88e5", .notStarted: "#9e9e9e", .overdue: "#c62828",
        .doneDateUnknown: "#81c784", .notAssessed: "#e0e0e0",
    ]
    static let statusOrder: [AuditStatus] = [.doneOnTime, .doneLate, .doneDateUnknown, .inProgress, .notStarted, .overdue, .notAssessed]

    /// Horizontal bars: overdue tasks led, per unit, worst first.
    static func overdueByUnit(_ r: AuditReport, _ s: AuditStrings) -> String? {
        let units = Array(r.units.filter { $0.led.overdue > 0 }.prefix(unitLimit))
        guard let top = units.first?.led.overdue else { return nil }
        let labels = units.map { clip($0.name, 20) }
        let labelWidth = min(260, (labels.map(textWidth).max() ?? 0) + 12)
        let barMax = 380.0, row = 22
        let width = labelWidth + Int(barMax) + 48, height = units.count * row + 8
        var svg = open(width, height, s["chartOverdue"])
        for (i, unit) in units.enumerated() {
            let y = 4 + i * row
            let w = max(2, Double(unit.led.overdue) / Double(top) * barMax)
            svg += "<g class=\"bar\" data-label=\"\(HTML.escape(unit.name))\" data-value=\"\(unit.led.overdue)\">"
            svg += "<title>\(HTML.escape(unit.name)): \(unit.led.overdue)</title>"
            svg += "<text x=\"\(labelWidth - 6)\" y=\(q(y + 15)) text-anchor=\"end\">\(HTML.escape(labels[i]))</text>"
            svg += "<rect x=\(q(labelWidth)) y=\(q(y + 3)) width=\(q(w)) height=\"16\" fill=\"\(colors[.overdue]!)\"/>"
            svg += "<text x=\(q(Double(labelWidth) + w + 4)) y=\(q(y + 15))>\(unit.led.overdue)</text></g>"
        }
        return svg + "</svg>"
    }

    /// One 100 % stacked bar of the five statuses, with a legend.
    static func statusDistribution(_ r: AuditReport, _ s: AuditStrings) -> String? {
        let t = r.totals
        guard t.tasks > 0 else { return nil }
        // The five statuses every audit has; the two others only when some task is in them.
        let shown = statusOrder.filter { t.count($0) > 0 || ($0 != .doneDateUnknown && $0 != .notAssessed) }
        let counts = Dictionary(uniqueKeysWithValues: shown.map { ($0, t.count($0)) })
        let barWidth = 640.0
        var svg = open(Int(barWidth) + 2, 44 + ((shown.count + 2) / 3) * 22, s["chartStatus"])
        var x = 1.0
        for status in shown {
            let n = counts[status]!
            guard n > 0 else { continue }
            let w = Double(n) / Double(t.tasks) * barWidth
            svg += "<g class=\"seg\" data-label=\"\(status.rawValue)\" data-value=\"\(n)\"><title>\(HTML.escape(s.status(status))): \(n)</title>"
            svg += "<rect x=\(q(x)) y=\"4\" width=\(q(w)) height=\"28\" fill=\"\(colors[status]!)\"/>"
            if w > 24 { svg += "<text x=\(q(x + w / 2)) y=\"23\" text-anchor=\"middle\" fill=\"#fff\">\(n)</text>" }
            svg += "</g>"
            x += w
        }
        // Legend: the five statuses, zero counts included, so the reader sees what is absent.
        for (i, status) in shown.enumerated() {
            let lx = 1 + (i % 3) * 214, ly = 44 + (i / 3) * 22
            let n = counts[status]!
            let pct = AuditFormat.percent(AuditMath.percent(n, of: t.tasks))
            svg += "<rect x=\(q(lx)) y=\(q(ly)) width=\"12\" height=\"12\" fill=\"\(colors[status]!)\"/>"
            svg += "<text x=\(q(lx + 18)) y=\(q(ly + 11))>\(HTML.escape(s.status(status))) \(n) (\(pct))</text>"
        }
        return svg + "</svg>"
    }

    /// Actual as a share of target per indicator, with the target line at 100 % (bars capped at 150 %).
    static func indicatorAttainment(_ r: AuditReport, _ s: AuditStrings) -> String? {
        let items = r.indicators.filter { $0.attainment != nil }
        guard !items.isEmpty else { return nil }
        let labels = items.map { clip($0.id + " " + $0.name, 26) }
        let labelWidth = min(260, (labels.map(textWidth).max() ?? 0) + 12)
        let barMax = 360.0, cap = 150.0, row = 22
        let width = labelWidth + Int(barMax) + 60, height = items.count * row + 24
        var svg = open(width, height, s["chartIndicators"])
        for (i, item) in items.enumerated() {
            let y = 4 + i * row
            let value = item.attainment!
            let w = max(2, min(value, cap) / cap * barMax)
            let color = item.status == .met || item.status == .onTrack ? colors[.doneOnTime]! : colors[.overdue]!
            svg += "<g class=\"bar\" data-label=\"\(HTML.escape(item.id))\" data-value=\"\(AuditFormat.number(value))\">"
            svg += "<title>\(HTML.escape(item.name)): \(AuditFormat.number(value))% (\(HTML.escape(s[item.status.rawValue])))</title>"
            svg += "<text x=\"\(labelWidth - 6)\" y=\(q(y + 15)) text-anchor=\"end\">\(HTML.escape(labels[i]))</text>"
            svg += "<rect x=\(q(labelWidth)) y=\(q(y + 3)) width=\(q(w)) height=\"16\" fill=\"\(color)\"/>"
            svg += "<text x=\(q(Double(labelWidth) + w + 4)) y=\(q(y + 15))>\(AuditFormat.number(value))%</text></g>"
        }
        let target = Double(labelWidth) + 100 / cap * barMax
        svg += "<line x1=\(q(target)) y1=\"0\" x2=\(q(target)) y2=\(q(height - 18)) stroke=\"#333\" stroke-dasharray=\"4 3\"/>"
        svg += "<text x=\(q(target)) y=\(q(height - 4)) text-anchor=\"middle\">\(HTML.escape(s["target"])) 100%</text>"
        return svg + "</svg>"
    }

    static func open(_ width: Int, _ height: Int, _ title: String) -> String {
        "<svg viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" height=\"\(height)\" role=\"img\" font-size=\"12\"><title>\(HTML.escape(title))</title>"
    }

    static func q(_ value: Int) -> String { "\"\(value)\"" }
    static func q(_ value: Double) -> String { "\"\(AuditMath.round1(value))\"" }

    /// Approximate rendered width at 12 px: CJK characters are square, Latin ones about half.
    static func textWidth(_ text: String) -> Int { AuditText.width(text) * 7 }

    static func clip(_ text: String, _ columns: Int) -> String {
        guard AuditText.width(text) > columns else { return text }
        var out = ""
        for c in text {
            if AuditText.width(out + String(c)) > columns - 1 { break }
            out.append(c)
        }
        return out + "…"
    }
}

enum HTML {
    static func escape(_ text: String) -> String { StringEscaping.markup(text) }
}
