/// Lexical productions of RFC 9535 (whitespace, string literals, integers, numbers, names),
/// shared by the segment parser and the filter parser. The query is scanned as Unicode scalars
/// so error offsets are character positions and surrogates cannot occur.
extension JSONPathParser {
    /// Largest magnitude of an index or slice bound (I-JSON exact integers, §2.1).
    static let maxExactInteger = 9_007_199_254_740_991

    var atEnd: Bool { i >= s.count }

    func peek(_ ahead: Int = 0) -> Unicode.Scalar? {
        i + ahead < s.count ? s[i + ahead] : nil
    }

    func peekIs(_ c: Unicode.Scalar, _ ahead: Int = 0) -> Bool { peek(ahead) == c }

    /// Blank space (`S`): space, tab, line feed, carriage return.
    mutating func skipBlank() {
        while let c = peek(), Self.isBlank(c) { i += 1 }
    }

    /// RFC 9535 blank space (`B`).
    static func isBlank(_ c: Unicode.Scalar) -> Bool { c == " " || c == "\t" || c == "\n" || c == "\r" }

    func fail(_ message: String, at offset: Int? = nil) -> JSONPathError {
        JSONPathError(message: message, offset: offset ?? i)
    }

    /// What is at the cursor, for messages.
    var found: String {
        guard let c = peek() else { return "the end of the path" }
        switch c {
        case " ": return "a space"
        case "\t": return "a tab"
        case "\n": return "a line break"
        case "\r": return "a carriage return"
        default: return c.value < 0x20 ? "control character U+\(Self.hex4(c.value))" : "`\(c)`"
        }
    }

    static func hex4(_ v: UInt32) -> String {
        let h = String(v, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - h.count)) + h
    }

    static func isDigit(_ c: Unicode.Scalar) -> Bool { c >= "0" && c <= "9" }

    static func hexValue(_ c: Unicode.Scalar) -> UInt32? {
        switch c {
        case "0"..."9": c.value - 48
        case "a"..."f": c.value - 87
        case "A"..."F": c.value - 55
        default: nil
        }
    }

    static func isAlpha(_ c: Unicode.Scalar) -> Bool { (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") }

    /// `name-first`: ALPHA / "_" / any non-ASCII scalar.
    static func isNameFirst(_ c: Unicode.Scalar) -> Bool { isAlpha(c) || c == "_" || c.value >= 0x80 }

    static func isNameChar(_ c: Unicode.Scalar) -> Bool { isNameFirst(c) || isDigit(c) }

    /// `member-name-shorthand` at the cursor (the caller checked `isNameFirst`).
    mutating func memberNameShorthand() -> MemberName {
        var text = String.UnicodeScalarView()
        while let c = peek(), Self.isNameChar(c) {
            text.append(c)
            i += 1
        }
        return MemberName(utf8: Array(String(text).utf8))
    }

    /// A single- or double-quoted `string-literal` at the cursor (§2.3.1.1).
    mutating func stringLiteral() throws(JSONPathError) -> [UInt8] {
        let start = i
        let quote = s[i]
        i += 1
        var text = String.UnicodeScalarView()
        while true {
            guard let c = peek() else {
                throw fail("unterminated string: no closing \(quote)", at: start)
            }
            if c == quote {
                i += 1
                return Array(String(text).utf8)
            }
            if c.value < 0x20 {
                throw fail("control character U+\(Self.hex4(c.value)) must be escaped in a string (e.g. \\n, \\t, \\u00XX)")
            }
            if c != "\\" {
                text.append(c)
                i += 1
                continue
            }
            let escape = i
            guard let e = peek(1) else { throw fail("unterminated escape at the end of the path", at: escape) }
            i += 2
            switch e {
            case "b": text.append("\u{08}")
            case "f": text.append("\u{0C}")
            case "n": text.append("\n")
            case "r": text.append("\r")
            case "t": text.append("\t")
            case "/": text.append("/")
            case "\\": text.append("\\")
            case "u": text.append(try unicodeEscape(escape))
            default:
                if e == quote {
                    text.append(e)
                } else if e == "'" || e == "\"" {
                    throw fail("\\\(e) is not an escape inside a \(quote)-quoted string; write \(e) without the backslash", at: escape)
                } else {
                    throw fail("invalid escape \\\(e); strings allow \\b \\f \\n \\r \\t \\/ \\\\ \\\(quote) and \\uXXXX", at: escape)
                }
            }
        }
    }

    /// `\uXXXX` (the cursor is after the `u`), combining a surrogate pair.
    private mutating func unicodeEscape(_ escape: Int) throws(JSONPathError) -> Unicode.Scalar {
        let high = try hex4Digits(escape)
        if (0xDC00...0xDFFF).contains(high) {
            throw fail("unpaired low surrogate \\u\(Self.hex4(high))", at: escape)
        }
        if (0xD800...0xDBFF).contains(high) {
            guard peekIs("\\"), peekIs("u", 1) else {
                throw fail("unpaired high surrogate \\u\(Self.hex4(high)): a \\uDC00–\\uDFFF escape must follow", at: escape)
            }
            i += 2
            let low = try hex4Digits(escape)
            guard (0xDC00...0xDFFF).contains(low) else {
                throw fail("unpaired high surrogate \\u\(Self.hex4(high)) (followed by \\u\(Self.hex4(low)))", at: escape)
            }
            return Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))!
        }
        return Unicode.Scalar(high)!
    }

    private mutating func hex4Digits(_ escape: Int) throws(JSONPathError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let c = peek(), let digit = Self.hexValue(c) else {
                throw fail("\\u must be followed by exactly four hexadecimal digits", at: escape)
            }
            value = value << 4 | digit
            i += 1
        }
        return value
    }

    /// An `int` (index or slice bound): "0" or an optional minus and digits without a leading
    /// zero, within the I-JSON exact range.
    mutating func integer() throws(JSONPathError) -> Int {
        let start = i
        var negative = false
        if peekIs("-") {
            negative = true
            i += 1
        }
        guard let first = peek(), Self.isDigit(first) else {
            throw fail(negative ? "expected a digit after `-`" : "expected an integer", at: i)
        }
        if first == "0" {
            if negative { throw fail("-0 is not a valid index; write 0", at: start) }
            if let next = peek(1), Self.isDigit(next) {
                throw fail("an integer cannot have a leading zero", at: start)
            }
            i += 1
            return 0
        }
        var value = 0
        while let c = peek(), Self.isDigit(c) {
            value = value * 10 + Int(c.value - 48)
            if value > Self.maxExactInteger {
                throw fail("integer is out of range: indexes and slice bounds must be within ±(2^53-1)", at: start)
            }
            i += 1
        }
        return negative ? -value : value
    }

    /// A `number` literal in a filter: int or -0, optional fraction and exponent.
    mutating func numberLiteral() throws(JSONPathError) -> LiteralValue {
        let start = i
        if peekIs("-") { i += 1 }
        guard let first = peek(), Self.isDigit(first) else {
            throw fail("expected a digit in a number", at: i)
        }
        if first == "0" {
            i += 1
            if let next = peek(), Self.isDigit(next) { throw fail("a number cannot have a leading zero", at: start) }
        } else {
            while let c = peek(), Self.isDigit(c) { i += 1 }
        }
        var isInteger = true
        if peekIs(".") {
            isInteger = false
            i += 1
            guard let c = peek(), Self.isDigit(c) else { throw fail("expected a digit after the decimal point") }
            while let c = peek(), Self.isDigit(c) { i += 1 }
        }
        if peekIs("e") || peekIs("E") {
            isInteger = false
            i += 1
            if peekIs("+") || peekIs("-") { i += 1 }
            guard let c = peek(), Self.isDigit(c) else { throw fail("expected a digit in the exponent") }
            while let c = peek(), Self.isDigit(c) { i += 1 }
        }
        var text = String.UnicodeScalarView()
        text.append(contentsOf: s[start..<i])
        let string = String(text)
        if isInteger, let value = Int64(string) { return .integer(value) }
        guard let value = Double(string) else { throw fail("invalid number", at: start) }
        return .double(value)
    }
}
