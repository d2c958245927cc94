/// A JSON value built by reporters and written with a fixed key order, so the same findings give
/// the same bytes.
public indirect enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONValue])
    /// Keys in the order they are written.
    case object([(String, JSONValue)])

    public static func == (a: JSONValue, b: JSONValue) -> Bool { a.text() == b.text() }

    /// Serialises with two-space indentation (`pretty`) or compactly.
    public func text(pretty: Bool = true) -> String {
        var out = ""
        write(to: &out, indent: pretty ? 0 : -1)
        return out
    }

    func write(to out: inout String, indent: Int) {
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let i): out += String(i)
        case .double(let d): out += d.isFinite ? Node.format(d) : "null"
        case .string(let s): JSONValue.escape(s, into: &out)
        case .array(let items):
            if items.isEmpty { out += "[]"; return }
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += "," }
                newline(&out, indent + 1)
                item.write(to: &out, indent: indent < 0 ? -1 : indent + 1)
            }
            newline(&out, indent)
            out += "]"
        case .object(let pairs):
            if pairs.isEmpty { out += "{}"; return }
            out += "{"
            for (i, (key, value)) in pairs.enumerated() {
                if i > 0 { out += "," }
                newline(&out, indent + 1)
                JSONValue.escape(key, into: &out)
                out += indent < 0 ? ":" : ": "
                value.write(to: &out, indent: indent < 0 ? -1 : indent + 1)
            }
            newline(&out, indent)
            out += "}"
        }
    }

    private func newline(_ out: inout String, _ level: Int) {
        guard level >= 0 else { return }
        out += level < JSONValue.indents.count ? JSONValue.indents[level] : "\n" + String(repeating: "  ", count: level)
    }

    /// A line break and the indentation of each level, made once (a report has thousands).
    private static let indents = (0..<12).map { "\n" + String(repeating: "  ", count: $0) }

    static func escape(_ s: String, into out: inout String) {
        StringEscaping.appendQuoted(s, quote: "\"", to: &out)
    }
}
