/// A message with `{{ expression }}` placeholders: `"{{ id }} 逾期 {{ days(due, asOf) }} 天"`.
///
/// Each placeholder is compiled when the template is; a compile error's offset points into the
/// template source. A placeholder whose evaluation fails renders as `<error: …>` so a finding is
/// still reported (with the problem visible) rather than lost.
public struct ExpressionTemplate: Sendable {
    enum Part: Sendable {
        case text(String)
        case expression(CompiledExpression)
    }

    public let source: String
    let parts: [Part]

    public static func compile(_ source: String) throws(ExpressionError) -> ExpressionTemplate {
        let scalars = Array(source.unicodeScalars)
        var parts: [Part] = []
        var text = ""
        var i = 0
        while i < scalars.count {
            if scalars[i] == "{", i + 1 < scalars.count, scalars[i + 1] == "{" {
                let start = i + 2
                guard let end = closing(scalars, from: start) else {
                    throw ExpressionError(message: "unclosed '{{' in message template", offset: i)
                }
                let inner = String(String.UnicodeScalarView(scalars[start..<end]))
                do {
                    let compiled = try CompiledExpression.compile(inner)
                    if !text.isEmpty { parts.append(.text(text)); text = "" }
                    parts.append(.expression(compiled))
                } catch {
                    throw ExpressionError(message: error.message, offset: start + max(error.offset, 0))
                }
                i = end + 2
            } else {
                text.unicodeScalars.append(scalars[i])
                i += 1
            }
        }
        if !text.isEmpty { parts.append(.text(text)) }
        return ExpressionTemplate(source: source, parts: parts)
    }

    /// The position of the `}}` closing a placeholder, skipping string literals and nested
    /// braces (`{{ {'a': 1}['a'] }}`).
    static func closing(_ s: [Unicode.Scalar], from start: Int) -> Int? {
        var i = start
        var depth = 0
        while i < s.count {
            let c = s[i]
            if c == "'" || c == "\"" {
                i += 1
                while i < s.count, s[i] != c {
                    if s[i] == "\\" { i += 1 }
                    i += 1
                }
            } else if c == "{" {
                depth += 1
            } else if c == "}" {
                if depth == 0, i + 1 < s.count, s[i + 1] == "}" { return i }
                depth -= 1
            }
            i += 1
        }
        return nil
    }

    /// True when the template has no placeholders (callers may skip rendering).
    public var isConstant: Bool { !parts.contains { if case .expression = $0 { true } else { false } } }

    public func render(record: Node?, context: ExpressionContext) -> String {
        var out = ""
        for part in parts {
            switch part {
            case .text(let t): out += t
            case .expression(let e):
                switch e.evaluate(record: record, context: context) {
                case .value(let v): out += v.renderedText
                case .error(let error): out += "<error: \(error.message)>"
                }
            }
        }
        return out
    }
}
