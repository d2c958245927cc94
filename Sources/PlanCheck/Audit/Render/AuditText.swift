/// Plain text: for a terminal or an email body. Columns are aligned by display width (a CJK
/// character takes two columns).
enum AuditText {
    static func render(_ r: AuditReport, _ s: AuditStrings) -> String {
        var out = "\(s["report"])" + (r.title.isEmpty ? "" : (s.language == .zh ? "：" : ": ") + r.title) + "\n"
        out += "\(s["asOf"]) \(r.asOf)\n\n"
        out += r.headline + "\n"
        out += "\(s["findings"]): \(s.findingCounts(error: r.findings.error, warning: r.findings.warning, info: r.findings.info))"
        out += r.findings.inputErrors > 0 ? ", \(r.findings.inputErrors) \(s["inputErrors"])\n" : "\n"
        for table in AuditTables.all(r, s) {
            out += "\n" + table.title + "\n" + layout(table)
        }
        if let c = r.comparison {
            out += "\n" + s["changes"] + " (\(s["previous"]) \(c.previousAsOf))\n"
            let lines = ComparisonLines.make(c, s)
            out += lines.isEmpty ? s["noChanges"] + "\n" : lines.map { "  \($0.label): \($0.items.joined(separator: ", "))\n" }.joined()
        }
        return out
    }

    static func layout(_ table: AuditTable) -> String {
        var widths = table.columns.map(width)
        for row in table.rows {
            for (i, cell) in row.enumerated() { widths[i] = max(widths[i], width(cell)) }
        }
        func line(_ cells: [String]) -> String {
            var text = ""
            for (i, cell) in cells.enumerated() {
                let pad = String(repeating: " ", count: widths[i] - width(cell))
                if i == cells.count - 1 && !table.numeric.contains(i) { text += cell; break }
                text += table.numeric.contains(i) ? pad + cell : cell + pad
                if i < cells.count - 1 { text += "  " }
            }
            // An empty last cell must not leave trailing blanks (goldens, diffs, email).
            while text.hasSuffix(" ") { text.removeLast() }
            return "  " + text + "\n"
        }
        return line(table.columns) + table.rows.map(line).joined()
    }

    /// Display width: East Asian wide characters take two columns.
    static func width(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { n, s in
            let v = s.value
            let wide = (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
                || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
            return n + (wide ? 2 : 1)
        }
    }
}

/// The comparison as labelled lists, shared by the text, Markdown and HTML formats.
enum ComparisonLines {
    static func make(_ c: AuditComparison, _ s: AuditStrings) -> [(label: String, items: [String])] {
        var lines: [(String, [String])] = [
            (s["overdue"], ["\(c.overdueBefore) → \(c.overdueNow)"]),
            (s["newlyOverdue"], c.newlyOverdue), (s["newlyCompleted"], c.newlyCompleted),
            (s["noLongerOverdue"], c.noLongerOverdue), (s["addedTasks"], c.addedTasks), (s["removedTasks"], c.removedTasks),
            (s["indicatorsMoved"], c.indicatorsMoved.map {
                "\($0.id) \($0.name) \(AuditFormat.optional($0.previousActual)) → \(AuditFormat.optional($0.actual)) (\(s[$0.previousStatus]) → \(s[$0.status]))"
            }),
            (s["unitsMoved"], c.unitsMoved.map { "\($0.name) \($0.previousOverdue) → \($0.overdue)" }),
        ]
        lines = lines.filter { !$0.1.isEmpty }
        return c.isEmpty && c.overdueBefore == c.overdueNow ? [] : lines
    }
}
