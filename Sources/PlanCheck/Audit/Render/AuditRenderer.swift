import Foundation

/// The output formats of `plancheck audit`.
public enum AuditOutputFormat: String, Sendable, CaseIterable {
    case html, markdown, json, csv, text
}

/// Which table `--format csv` writes: CSV holds one table per file.
public enum AuditCSVTable: String, Sendable, CaseIterable {
    case units, tasks, groups, indicators
}

public enum AuditRenderer {
    public static func render(_ report: AuditReport, format: AuditOutputFormat, table: AuditCSVTable = .units) -> String {
        let strings = AuditStrings(AuditLanguage(rawValue: report.language) ?? .en)
        switch format {
        case .html: return AuditHTML.render(report, strings)
        case .markdown: return AuditMarkdown.render(report, strings)
        case .json: return json(report)
        case .csv: return AuditCSV.render(report, table: table)
        case .text: return AuditText.render(report, strings)
        }
    }

    /// The model as JSON: keys sorted (stable bytes for diffs), optional fields omitted when unknown.
    public static func json(_ report: AuditReport) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(report) else { return "{}\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// Reads a previous audit's JSON (for `--compare`).
    public static func decode(json bytes: [UInt8]) throws -> AuditReport {
        try JSONDecoder().decode(AuditReport.self, from: Data(bytes))
    }
}
