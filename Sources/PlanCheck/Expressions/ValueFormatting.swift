/// Text forms of values: `string(x)` conversions, template rendering and CEL-literal debug output.
extension ExpressionValue {
    /// `string(x)`; nil when CEL has no string conversion for the type.
    var convertedToString: String? {
        switch self {
        case .string(let s): s
        case .int(let i): String(i)
        case .uint(let u): String(u)
        case .double(let d): Self.formatDouble(d)
        case .bool(let b): b ? "true" : "false"
        case .bytes(let b): String(validating: b, as: UTF8.self)
        case .date(let d): d.description
        default: nil
        }
    }

    /// Text used when a value is embedded in a message template: strings unquoted, containers in
    /// CEL literal form with their elements quoted.
    public var renderedText: String {
        switch self {
        case .null: "null"
        case .type(let t): t.name
        case .list, .map, .node: celLiteral
        default: convertedToString ?? celLiteral
        }
    }

    /// The value written as a CEL literal (for messages and tests).
    public var celLiteral: String {
        switch self {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .uint(let u): return "\(u)u"
        case .double(let d):
            let text = Self.formatDouble(d)
            return d.isFinite && !text.contains(where: { $0 == "." || $0 == "e" }) ? text + ".0" : text
        case .string(let s): return Self.quote(s)
        case .bytes(let b): return "b" + Self.quote(String(decoding: b, as: UTF8.self))
        case .list:
            return "[" + (listItems ?? []).map(\.celLiteral).joined(separator: ", ") + "]"
        case .node(let n) where n.kind == .list:
            return "[" + (listItems ?? []).map(\.celLiteral).joined(separator: ", ") + "]"
        case .map, .node:
            return "{" + mapEntries.map { "\($0.celLiteral): \($1.celLiteral)" }.joined(separator: ", ") + "}"
        case .date(let d): return "date('\(d)')"
        case .type(let t): return t.name
        }
    }

    static func quote(_ s: String) -> String { StringEscaping.quoted(s, quote: "'") }

    /// Formats a double the way CEL runtimes do (Go's `%g` with the shortest round-trip digits):
    /// `1.5`, `1`, `1e+100`, `1.23456789e+08`, `1e-07`.
    static func formatDouble(_ d: Double) -> String {
        if d.isNaN { return "nan" }
        if d.isInfinite { return d < 0 ? "-inf" : "inf" }
        if d == 0 { return d.sign == .minus ? "-0" : "0" }
        // Swift's description holds the shortest round-trip digits; take them apart.
        var text = Substring(d.magnitude.description)
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            exponent = Int(text[text.index(after: e)...]) ?? 0
            text = text[..<e]
        }
        let intPart = text.split(separator: ".", omittingEmptySubsequences: false)
        var digits = Array(intPart[0]) + (intPart.count > 1 ? Array(intPart[1]) : [])
        var point = intPart[0].count + exponent      // digits before the decimal point
        while digits.first == "0" { digits.removeFirst(); point -= 1 }
        while digits.last == "0" { digits.removeLast() }
        if digits.isEmpty { digits = ["0"] }
        let sign = d < 0 ? "-" : ""
        let exp = point - 1
        if exp < -4 || exp >= 6 {
            var mantissa = String(digits[0])
            if digits.count > 1 { mantissa += "." + String(digits[1...]) }
            let e = abs(exp) < 10 ? "0\(abs(exp))" : "\(abs(exp))"
            return sign + mantissa + "e" + (exp < 0 ? "-" : "+") + e
        }
        if point <= 0 { return sign + "0." + String(repeating: "0", count: -point) + String(digits) }
        if point >= digits.count { return sign + String(digits) + String(repeating: "0", count: point - digits.count) }
        return sign + String(digits[..<point]) + "." + String(digits[point...])
    }
}
