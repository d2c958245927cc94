import Foundation
@testable import PlanCheck

/// Hostile text files (YAML, JSON, JSON Lines, CSV/TSV, plan text): deep flow collections,
/// alias and merge bombs, bad encodings, every byte-order mark, every line end, huge numbers,
/// quotes never closed, rows past a spreadsheet's width, very long lines, empty and blank files.
extension HostileCorpus {
    /// Each must be a located input error.
    static var invalidText: [(name: String, bytes: [UInt8])] {
        var files: [(String, [UInt8])] = []
        let text = { (name: String, body: String) in files.append((name, Array(body.utf8))) }

        // Flow collections nested past the depth limit, maps and lists mixed.
        text("deep-flow-map.yaml", String(repeating: "{a: ", count: 100_000) + "1" + String(repeating: "}", count: 100_000))
        text("deep-flow-mixed.yaml", String(repeating: "[{a: ", count: 50_000))
        text("deep-map.json", String(repeating: "{\"a\":", count: 100_000) + "1" + String(repeating: "}", count: 100_000))
        text("deep-mixed.json", String(repeating: "[{\"a\":", count: 50_000) + "1" + String(repeating: "}]", count: 50_000))

        // Anchors, aliases and merges.
        var merges = "base: &b {" + (0..<100).map { "k\($0): \($0)" }.joined(separator: ", ") + "}\n"
        for i in 1...9 { merges += "m\(i): &m\(i)\n  <<: [" + Array(repeating: i == 1 ? "*b" : "*m\(i - 1)", count: 10).joined(separator: ", ") + "]\n  x\(i): 1\n" }
        text("merge-bomb.yaml", merges)
        text("merge-chain.yaml", "a: &a {x: 1}\n" + (0..<10_000).map { "b\($0): &b\($0) {<<: *\($0 == 0 ? "a" : "b\($0 - 1)")}\n" }.joined())
        text("alias-self.yaml", "a: &a [*a]\n")
        text("alias-undefined.yaml", "a: *nope\n")
        text("merge-scalar.yaml", "a: {<<: 5}\n")

        // Overlong UTF-8, surrogates as bytes and as escapes.
        files.append(("overlong.yaml", Array("tasks: [{id: \"".utf8) + [0xC0, 0xAF] + Array("\"}]\n".utf8)))
        files.append(("overlong.json", Array("{\"tasks\": [{\"id\": \"".utf8) + [0xE0, 0x80, 0xAF] + Array("\"}]}".utf8)))
        files.append(("surrogate.yaml", Array("tasks: [{id: ".utf8) + [0xED, 0xA0, 0x80] + Array("}]\n".utf8)))
        files.append(("surrogate.csv", Array("id,lead\nT1,".utf8) + [0xED, 0xB0, 0x80] + [0x0A]))
        text("surrogate-escape.json", #"{"tasks": [{"id": "\ud800"}]}"#)
        text("surrogate-escape-low.json", #"{"tasks": [{"id": "\udc00\ud800x"}]}"#)
        text("surrogate-escape.yaml", #"tasks: [{id: "\ud800"}]"# + "\n")

        // Byte-order marks: a BOM alone, UTF-16 JSON (JSON is UTF-8), UTF-32 anywhere.
        for (bom, mark) in Self.byteOrderMarks {
            for ext in ["yaml", "json", "csv", "txt", "md", "jsonl"] { files.append(("bom-only-\(bom).\(ext)", mark)) }
            if bom.hasPrefix("utf32") {
                for ext in ["yaml", "json", "csv", "txt"] { files.append(("bom-\(bom).\(ext)", Self.encoded(Self.sample(ext), bom))) }
            }
        }
        files.append(("bom-utf16le.json", Self.encoded(Self.sample("json"), "utf16le")))
        files.append(("bom-utf16be.json", Self.encoded(Self.sample("json"), "utf16be")))

        // Quotes never closed; numbers past a double.
        text("unclosed.yaml", "tasks: [{id: \"T1}]\n")
        text("unclosed-single.yaml", "tasks: ['abc\n")
        text("unclosed.json", "{\"tasks\": [{\"id\": \"T1}]}")
        text("unclosed.tsv", "id\tlead\nT1\t\"abc\n")
        text("unclosed-crlf.csv", "id,lead\r\nT1,\"abc\r\nT2,b\r\n")
        text("wide-header-past.csv", (0...CellAddress.maxColumn).map { "c\($0)" }.joined(separator: ",") + "\n")
        text("wide-row-past.csv", "id,lead\nT1,a" + String(repeating: ",", count: 200_000) + "\n")
        text("huge-number.json", "{\"indicators\": [{\"id\": \"I1\", \"target\": 1e999}]}")

        // Empty and blank files of every kind (empty.yaml and empty.csv are in `files`).
        for ext in ["yml", "json", "jsonl", "tsv", "xlsx", "docx", "txt", "md"] { files.append(("empty.\(ext)", [])) }
        for ext in ["yml", "json", "jsonl", "tsv", "txt", "md"] { text("blank.\(ext)", " \n\t\r\n  \n") }
        return files
    }

    /// Each must be read (exit code 0 or 1): odd but valid.
    static var validText: [(name: String, bytes: [UInt8])] {
        var files: [(String, [UInt8])] = []
        let text = { (name: String, body: String) in files.append((name, Array(body.utf8))) }
        for bom in ["utf8", "utf16le", "utf16be"] {
            for ext in ["yaml", "csv", "txt"] { files.append(("bom-\(bom).\(ext)", Self.encoded(Self.sample(ext), bom))) }
        }
        files.append(("bom-utf8.json", Self.encoded(Self.sample("json"), "utf8")))
        for (label, end) in [("crlf", "\r\n"), ("cr", "\r")] {
            for ext in ["yaml", "json", "csv", "txt", "md"] { text("\(label).\(ext)", Self.sample(ext).replacingOccurrences(of: "\n", with: end)) }
        }
        // Numbers YAML reads as infinities, NaN, hexadecimal, octal and binary, in every numeric
        // field of the canonical model (docs/dataset-schema.md).
        let numbers = ["1e999", "-1e999", "0x" + String(repeating: "F", count: 40), ".inf", "-.inf", ".nan",
                       "99999999999999999999999999", "-0", "1e-999", "0o777777777777777777777777", "0b" + String(repeating: "1", count: 100)]
        text("numbers.yaml", "plan: {id: p, period: {start: 2024-01-01, end: 2024-12-31}}\nindicators:\n"
            + numbers.enumerated().map { "  - {id: I\($0), name: n, kind: binding, baseline: \($1), target: \($1), direction: at-least, growth: \($1), actual: \($1), actualYear: \($1)}\n" }.joined()
            + "totals:\n" + numbers.enumerated().map { "  - {id: T\($0), description: x, declared: \($1), of: '$.indicators[*]'}\n" }.joined()
            + "tasks:\n" + numbers.enumerated().map { "  - {id: M\($0), title: t, lead: [a], due: \($1), budget: \($1)}\n" }.joined())
        text("numbers.csv", "id,name,kind,target,baseline,actual,direction\n" + numbers.enumerated().map { "I\($0),n,binding,\($1),\($1),\($1),at-least\n" }.joined())
        // Rows as wide as a spreadsheet (16 384 columns); one more is in `invalidText`.
        text("wide-header.csv", (0..<CellAddress.maxColumn).map { "c\($0)" }.joined(separator: ",") + "\n")
        text("wide-row.csv", "id,lead\nT1,a" + String(repeating: ",", count: CellAddress.maxColumn - 2) + "\n")
        // A plan that is one long line, and many anchors.
        text("one-line.txt", "一、" + String(repeating: "市发展改革委牵头推进，", count: 3_000))
        text("anchors.yaml", "tasks:\n" + (0..<10_000).map { "  - &a\($0) {id: T\($0), lead: a}\n" }.joined())
        // Bytes that are not UTF-8 but are GB18030, and a noncharacter that is valid UTF-8.
        files.append(("gb18030-overlong.csv", Array("id,lead\nT1,".utf8) + [0xC0, 0xAF, 0x0A]))
        files.append(("noncharacter.csv", Array("id,lead\nT1,".utf8) + [0xEF, 0xBF, 0xBE, 0x0A]))
        return files
    }

    static let byteOrderMarks: [(String, [UInt8])] = [
        ("utf8", [0xEF, 0xBB, 0xBF]), ("utf16le", [0xFF, 0xFE]), ("utf16be", [0xFE, 0xFF]),
        ("utf32le", [0xFF, 0xFE, 0x00, 0x00]), ("utf32be", [0x00, 0x00, 0xFE, 0xFF]),
    ]

    /// A small valid file of the kind `ext` names.
    static func sample(_ ext: String) -> String {
        switch ext {
        case "json": return "{\"tasks\": [\n{\"id\": \"T1\",\n\"lead\": \"市发展改革委\"}\n]}\n"
        case "csv": return "id,lead\nT1,市发展改革委\nT2,\"市财政局\n市外办\"\n"
        case "txt": return "一、总体要求\n（一）市发展改革委牵头，2024年底前完成。\n"
        case "md": return "# 方案\n\n## 一、任务\n\n1. 市发展改革委牵头，2024年底前完成。\n"
        default: return "tasks:\n  - id: T1\n    lead: 市发展改革委\n  - id: T2\n    lead: \"市财政局\n      市外办\"\n"
        }
    }

    /// `text` with the byte-order mark and encoding `bom` names.
    static func encoded(_ text: String, _ bom: String) -> [UInt8] {
        let mark = byteOrderMarks.first { $0.0 == bom }!.1
        let units = Array(text.utf16), scalars = text.unicodeScalars.map(\.value)
        switch bom {
        case "utf16le": return mark + units.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        case "utf16be": return mark + units.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        case "utf32le": return mark + scalars.flatMap { TestZIP.le32($0) }
        case "utf32be": return mark + scalars.flatMap { TestZIP.le32($0).reversed() }
        default: return mark + Array(text.utf8)
        }
    }
}
