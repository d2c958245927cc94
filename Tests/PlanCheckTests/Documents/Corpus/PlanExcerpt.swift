import Foundation
import Testing
@testable import PlanCheck

/// One excerpt of the evaluation corpus: a short plan in the style some office writes, and what
/// a careful reader extracts from it, written by hand (never copied from the tool's output).
///
/// `expected` has one line per record the excerpt holds (actions and tasks, by their numbering
/// path id, `docs/documents.md`): `id | lead | participants | responsible | due`, units
/// separated by ASCII commas, an empty field for none. Every other action or task the tool
/// recognises is a false item.
struct PlanExcerpt: CustomTestStringConvertible, Sendable {
    enum Format: String, Sendable { case txt, md, docx }

    var name: String
    var format: Format = .txt
    var text: String
    var expected: String
    /// Lines of the excerpt that must not become a record of any kind (an attachment list).
    var notItems: [String] = []

    var testDescription: String { name }

    struct Record: Equatable {
        var lead: [String]
        var participants: [String]
        var responsible: [String]
        var due: String?
    }

    /// The hand-written expectations, by id.
    var records: [(id: String, record: Record)] {
        expected.split(separator: "\n").compactMap { line in
            let fields = line.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard fields.count == 5 else { return nil }
            func units(_ s: String) -> [String] { s.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }
            return (fields[0], Record(lead: units(fields[1]), participants: units(fields[2]), responsible: units(fields[3]), due: fields[4].isEmpty ? nil : fields[4]))
        }
    }

    /// The excerpt as the bytes of its file: text as UTF-8, `.docx` built from the text (below).
    func bytes() throws -> [UInt8] {
        format == .docx ? try Self.docx(text) : Array(text.utf8)
    }

    /// A Word package from text: each line a paragraph; `|`-rows a table (a `---` row is
    /// skipped), where a cell `^` continues the merged cell above (`vMerge`) and a cell `<`
    /// widens the cell before it (`gridSpan`).
    static func docx(_ text: String) throws -> [UInt8] {
        var body = ""
        var rows: [[String]] = []
        func flushTable() {
            guard !rows.isEmpty else { return }
            body += "<w:tbl>"
            for (r, row) in rows.enumerated() {
                body += "<w:tr>"
                var k = 0
                while k < row.count {
                    var span = 1
                    while k + span < row.count, row[k + span] == "<" { span += 1 }
                    let cell = row[k]
                    let continues = cell == "^"
                    let restarts = !continues && r + 1 < rows.count && rows[r + 1].count > k && rows[r + 1][k] == "^"
                    var props = span > 1 ? "<w:gridSpan w:val=\"\(span)\"/>" : ""
                    if continues { props += "<w:vMerge/>" } else if restarts { props += "<w:vMerge w:val=\"restart\"/>" }
                    body += "<w:tc><w:tcPr>\(props)</w:tcPr>"
                    let lines = continues ? [""] : cell.components(separatedBy: "<br>")
                    for line in lines { body += "<w:p><w:r><w:t xml:space=\"preserve\">\(escape(line))</w:t></w:r></w:p>" }
                    body += "</w:tc>"
                    k += span
                }
                body += "</w:tr>"
            }
            body += "</w:tbl>"
            rows = []
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("|") {
                if trimmed.allSatisfy({ "|-: ".contains($0) }) { continue }
                var cells = trimmed.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
                cells.removeFirst()
                if cells.last == "" { cells.removeLast() }
                rows.append(cells)
                continue
            }
            flushTable()
            if trimmed.isEmpty { continue }
            body += DocxFixture.paragraph(escape(line))
        }
        flushTable()
        return try DocxFixture.package(body: body)
    }

    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }
}
