/// One JSON document: findings, input errors and a summary. Field names are stable; fields are
/// only ever added. Every finding has `place` (as the text report names it, `FindingPlace`);
/// findings in tables add `cell` (`D4`), `columnHeader` (as written) and, for Word tables,
/// `table` (its ordinal); worksheet findings `sheet`, Word findings `paragraph`.
public struct JSONReport: ReportFormat {
    public static let identifier = "json"
    public static let summary = "One JSON document with findings, input errors and a summary."

    public init() {}

    public func render(_ input: ReportInput) -> String {
        let result = input.result
        // Written straight to bytes: a report of thousands of findings builds no value tree.
        var out = JSONTextWriter(capacity: 256 * result.findings.count + 512)
        out.beginObject()
        out.field("version", 1)
        out.field("asOf", input.asOf.description)
        out.key("findings")
        out.beginArray()
        for f in result.findings {
            out.beginObject()
            out.field("rule", f.rule)
            out.field("checker", f.checker)
            out.field("severity", f.severity.rawValue)
            out.field("message", f.message)
            out.field("file", f.file)
            out.field("line", f.line)
            out.field("column", f.column)
            out.field("path", f.path)
            out.field("record", f.record)
            if let sheet = f.sheet { out.field("sheet", sheet) }
            if let paragraph = FindingPlace.paragraph(f) { out.field("paragraph", paragraph) }
            out.field("place", FindingPlace.text(f))
            if let cell = f.cell {
                if let table = cell.table { out.field("table", table) }
                out.field("cell", cell.address)
                if let header = cell.header { out.field("columnHeader", header) }
            }
            out.endObject()
        }
        out.endArray()
        out.key("inputErrors")
        out.beginArray()
        for e in result.errors {
            out.beginObject()
            out.field("file", e.file)
            out.field("line", e.line)
            out.field("column", e.column)
            out.field("message", e.message)
            out.endObject()
        }
        out.endArray()
        out.key("summary")
        out.beginObject()
        out.field("files", result.files.count)
        out.field("errors", result.count(.error))
        out.field("warnings", result.count(.warning))
        out.field("info", result.count(.info))
        out.field("inputErrors", result.errors.count)
        out.endObject()
        out.endObject()
        return out.text + "\n"
    }
}
