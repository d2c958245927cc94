/// Recursive-descent parser for RFC 9535 queries (§2.1 grammar), producing `PathQuery`.
///
/// Recursion only follows the nesting of the query text (brackets inside filters, parentheses,
/// function calls), which `maxNesting` bounds, so hostile paths cannot exhaust the stack.
struct JSONPathParser {
    /// The query as Unicode scalars; `i` is the cursor (and the error offset).
    let s: [Unicode.Scalar]
    var i = 0
    /// Current nesting of filters, parentheses and function calls.
    var nesting = 0
    static let maxNesting = 64

    init(_ text: String) {
        s = Array(text.unicodeScalars)
    }

    /// `jsonpath-query = root-identifier segments`, and nothing after it.
    mutating func parseQuery() throws(JSONPathError) -> PathQuery {
        guard peekIs("$") else {
            if let c = peek(), Self.isBlank(c) {
                throw fail("a JSONPath cannot start with whitespace", at: 0)
            }
            throw fail("a JSONPath starts with `$` (the root), found \(found)", at: 0)
        }
        i += 1
        let segments = try parseSegments()
        if !atEnd {
            if let c = peek(), Self.isBlank(c) {
                let blank = i
                skipBlank()
                if atEnd { throw fail("a JSONPath cannot end with whitespace", at: blank) }
            }
            throw fail("unexpected \(found); expected `.`, `..` or `[`")
        }
        return PathQuery(segments: segments, isAbsolute: true)
    }

    /// `segments = *(S segment)`: stops (without consuming blank space) at anything else.
    mutating func parseSegments() throws(JSONPathError) -> [PathSegment] {
        var segments: [PathSegment] = []
        while true {
            let save = i
            skipBlank()
            guard let c = peek() else {
                i = save
                return segments
            }
            if c == "." && peekIs(".", 1) {
                i += 2
                segments.append(PathSegment(selectors: try parseDescendantSelectors(), isDescendant: true))
            } else if c == "." {
                i += 1
                if peekIs("*") {
                    i += 1
                    segments.append(PathSegment(selectors: [.wildcard], isDescendant: false))
                } else if let n = peek(), Self.isNameFirst(n) {
                    segments.append(PathSegment(selectors: [.name(memberNameShorthand())], isDescendant: false))
                } else {
                    throw fail(peek().map { Self.isDigit($0) } == true
                        ? "a member name after `.` cannot start with a digit; for a list index write [n], for such a key ['…']"
                        : "expected a member name or `*` after `.`, found \(found)")
                }
            } else if c == "[" {
                let start = i
                let selectors = try parseBracketed()
                // Blank space inside: anything between the brackets beyond the selector's own text.
                var segment = PathSegment(selectors: selectors, isDescendant: false)
                segment.hasInnerBlank = selectors.count == 1 && (Self.isBlank(s[start + 1]) || Self.isBlank(s[i - 2]))
                segments.append(segment)
            } else {
                i = save
                return segments
            }
        }
    }

    private mutating func parseDescendantSelectors() throws(JSONPathError) -> [PathSelector] {
        guard let c = peek() else { throw fail("`..` must be followed by a member name, `*` or `[`") }
        if c == "[" { return try parseBracketed() }
        if c == "*" {
            i += 1
            return [.wildcard]
        }
        if Self.isNameFirst(c) { return [.name(memberNameShorthand())] }
        throw fail("expected a member name, `*` or `[` after `..`, found \(found)")
    }

    /// `"[" S selector *(S "," S selector) S "]"`.
    private mutating func parseBracketed() throws(JSONPathError) -> [PathSelector] {
        let open = i
        i += 1
        var selectors: [PathSelector] = []
        skipBlank()
        while true {
            selectors.append(try parseSelector())
            skipBlank()
            guard let c = peek() else { throw fail("unclosed `[`: expected `]`", at: open) }
            if c == "]" {
                i += 1
                return selectors
            }
            guard c == "," else {
                let hint = c == "=" && !peekIs("=", 1) ? " (to compare, write `==`)" : ""
                throw fail("expected `,` or `]` after a selector, found \(found)\(hint)")
            }
            i += 1
            skipBlank()
        }
    }

    private mutating func parseSelector() throws(JSONPathError) -> PathSelector {
        guard let c = peek() else { throw fail("expected a selector and `]`") }
        switch c {
        case "'", "\"":
            return .name(MemberName(utf8: try stringLiteral()))
        case "*":
            i += 1
            return .wildcard
        case "?":
            i += 1
            skipBlank()
            return .filter(try parseLogicalOr())
        case "-", "0"..."9", ":":
            var start: Int?
            if c != ":" {
                start = try integer()
                let save = i
                skipBlank()
                guard peekIs(":") else {
                    i = save
                    return .index(start!)
                }
            }
            i += 1 // the first colon
            skipBlank()
            var end: Int?, step: Int?
            if let e = peek(), e == "-" || Self.isDigit(e) {
                end = try integer()
                skipBlank()
            }
            if peekIs(":") {
                i += 1
                skipBlank()
                if let e = peek(), e == "-" || Self.isDigit(e) { step = try integer() }
            }
            return .slice(start: start, end: end, step: step)
        case "]":
            throw fail("empty selector: expected a name, index, slice, `*` or filter")
        case "@", "$":
            throw fail("a query inside brackets needs a filter: write [?\(c)…]")
        case ",":
            throw fail("expected a selector before `,`")
        default:
            throw fail("expected a selector (a quoted name, index, slice, `*` or `?` filter), found \(found)")
        }
    }
}
