/// Markdown (GitHub-flavoured tables): for wikis, issues and merge requests.
enum AuditMarkdown {
    static func render(_ r: AuditReport, _ s: AuditStrings) -> String {
        var out = "# \(s["report"])" + (r.title.isEmpty ? "" : (s.language == .zh ? "：" : ": ") + escape(r.title)) + "\n\n"
        out += "\(s["asOf"]) **\(r.asOf)**\n\n"
        out += "> " + escape(r.headline) + "\n\n"
        out += "\(s["findings"]): \(s.findingCounts(error: r.findings.error, warning: r.findings.warning, info: r.findings.info))\n"
        for table in AuditTables.all(r, s) {
            out += "\n## \(table.title)\n\n"
            out += "| " + table.columns.map(escape).joined(separator: " | ") + " |\n"
            out += "|" + table.columns.indices.map { table.numeric.contains($0) ? "---:|" : "---|" }.joined() + "\n"
            for row in table.rows { out += "| " + row.map(escape).joined(separator: " | ") + " |\n" }
        }
        if let c = r.comparison {
            out += "\n## \(s["changes"]) (\(s["previous"]) \(c.previousAsOf))\n\n"
            let lines = ComparisonLines.make(c, s)
            out += lines.isEmpty ? s["noChanges"] + "\n" : lines.map { "- **\(escape($0.label))**: \(escape($0.items.joined(separator: ", ")))\n" }.joined()
        }
        return out
    }

    /// Table cells cannot hold `|` or line breaks; `*`, `_` and backticks would format.
    static func escape(_ text: String) -> String {
        var out = ""
        for c in text {
            switch c {
            case "|", "*", "_", "`", "\\", "<", "[", "]": out += "\\" + String(c)
            case "\n", "\r": out += " "
            default: out.append(c)
            }
        }
        return out
    }
}
