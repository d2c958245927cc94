/// What `plancheck import` writes: the recognised dataset of each plan document as JSON
/// (`{"plan": {…}, "sections": […], "actions": […], "tasks": […], "notes": […]}`) or as YAML with
/// comments naming each record's source paragraph, for teams that keep plans in git.
public enum PlanImport {
    public enum Format: String, Sendable, CaseIterable { case yaml, json }

    /// Reads and recognises a plan document.
    public static func recognize(bytes: [UInt8], file: String, limits: PlanDocumentLimits = .default) throws(LoadError) -> ImportedPlan {
        PlanRecognizer.recognize(try PlanDocumentReader.read(bytes: bytes, file: file, limits: limits))
    }

    /// The dataset as one JSON document, UTF-8, two-space indented, ending in a newline. The
    /// web API (`POST /api/v1/import`) answers with these bytes.
    public static func json(document plan: ImportedPlan) -> [UInt8] {
        var out = JSONTextWriter(pretty: true)
        out.beginObject()
        if case .map(let fields, _) = plan.root {
            for field in fields {
                out.key(field.key)
                write(field.value, to: &out)
            }
        }
        out.key("notes")
        out.beginArray()
        for note in plan.notes {
            out.beginObject()
            out.field("rule", note.rule)
            out.field("line", note.position.line)
            out.field("column", note.position.column)
            out.field("message", note.message)
            out.endObject()
        }
        out.endArray()
        out.endObject()
        return out.bytes + [0x0A]
    }

    /// The JSON of one document read from bytes (convenience for servers).
    public static func json(bytes: [UInt8], file: String, limits: PlanDocumentLimits = .default) throws(LoadError) -> [UInt8] {
        json(document: try recognize(bytes: bytes, file: file, limits: limits))
    }

    private static func write(_ value: ImportedValue, to out: inout JSONTextWriter) {
        switch value {
        case .string(let s, _): out.string(s)
        case .integer(let n, _): out.int(n)
        case .bool(let b, _): out.bool(b)
        case .list(let items, _):
            out.beginArray()
            for item in items { write(item, to: &out) }
            out.endArray()
        case .map(let fields, _):
            out.beginObject()
            for field in fields {
                out.key(field.key)
                write(field.value, to: &out)
            }
            out.endObject()
        }
    }

    /// The dataset as YAML: a header naming the source, each record preceded by a comment with
    /// its paragraph (`# ¶112` for .docx, `# ¶9 (表1!A2)` for a Word table row, `# line 12` for
    /// text), notes as comments at the end.
    public static func yaml(document plan: ImportedPlan) -> String {
        let word = PlanDocumentReader.fileExtension(plan.file) == "docx"
        func place(_ p: SourcePosition) -> String {
            guard word else { return "line \(p.line)" }
            // A table row is named by its cell too, as findings name it (`¶9 (表1!A2)`).
            let cell = plan.tableSources.cell(ofParagraph: p.line, whole: true).map { " (表\($0.table ?? 0)!\($0.address))" } ?? ""
            return "¶\(p.line)" + cell
        }
        var out = "# Imported by `plancheck import` from \(plan.file); review it, then keep it with the plan.\n"
        out += "# Comments name the paragraph each record was read from (\(word ? "¶N: the Nth paragraph of the document" : "the line of the file")).\n"
        guard case .map(let fields, _) = plan.root else { return out }
        for field in fields {
            out += "\n" + field.key + ":"
            switch field.value {
            case .list(let records, _):
                out += "\n"
                for record in records {
                    out += "  # " + place(record.position) + "\n"
                    out += YAMLText.block(record, indent: 2, inList: true)
                }
            default:
                out += "\n" + YAMLText.block(field.value, indent: 2, inList: false)
            }
        }
        if !plan.notes.isEmpty {
            out += "\n# Recognition notes (check these):\n"
            for note in plan.notes { out += "#   \(place(note.position)), column \(note.position.column): [\(note.rule)] \(note.message)\n" }
        }
        return out
    }
}

/// Block-style YAML for the imported values: plain scalars where YAML reads them back as the
/// same string, double-quoted (JSON escapes) otherwise; lists of names in flow style.
enum YAMLText {
    static func block(_ value: ImportedValue, indent: Int, inList: Bool) -> String {
        let pad = String(repeating: " ", count: indent)
        guard case .map(let fields, _) = value else { return pad + (inList ? "- " : "") + scalar(value) + "\n" }
        var out = ""
        for (k, field) in fields.enumerated() {
            let prefix = inList ? (k == 0 ? pad + "- " : pad + "  ") : pad
            let inner = indent + (inList ? 4 : 2)
            switch field.value {
            case .map:
                out += prefix + key(field.key) + ":\n" + block(field.value, indent: inner, inList: false)
            case .list(let items, _) where items.contains(where: { if case .map = $0 { true } else { false } }):
                out += prefix + key(field.key) + ":\n"
                for item in items { out += block(item, indent: inner, inList: true) }
            default:
                out += prefix + key(field.key) + ": " + scalar(field.value) + "\n"
            }
        }
        return out
    }

    static func key(_ name: String) -> String { isPlain(name) ? name : StringEscaping.quoted(name, quote: "\"") }

    static func scalar(_ value: ImportedValue) -> String {
        switch value {
        case .string(let s, _): isPlain(s) ? s : StringEscaping.quoted(s, quote: "\"")
        case .integer(let n, _): String(n)
        case .bool(let b, _): b ? "true" : "false"
        case .list(let items, _): "[" + items.map { scalar($0) }.joined(separator: ", ") + "]"
        case .map: "{}"
        }
    }

    /// Text YAML reads back unchanged as a plain scalar, in block and flow context alike.
    static func isPlain(_ s: String) -> Bool {
        guard let first = s.unicodeScalars.first, let last = s.unicodeScalars.last else { return false }
        if "-?:,[]{}#&*!|>'\"%@` ".unicodeScalars.contains(first) || last == " " || last == ":" { return false }
        if s.contains(": ") || s.contains(" #") || s.contains(",") || s.contains("[") || s.contains("]") || s.contains("{") || s.contains("}") { return false }
        if s.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F || $0 == "\u{FEFF}" || $0 == "\u{85}" || $0 == "\u{2028}" || $0 == "\u{2029}" }) { return false }
        // Numbers, booleans, nulls and dates would come back as another type.
        if s.unicodeScalars.allSatisfy({ $0.isASCII }) {
            let lower = s.lowercased()
            if ["true", "false", "yes", "no", "on", "off", "null", "~", "y", "n"].contains(lower) { return false }
            if s.unicodeScalars.allSatisfy({ "0123456789.+-_:eExXoObB".unicodeScalars.contains($0) }) { return false }
        }
        return true
    }
}
