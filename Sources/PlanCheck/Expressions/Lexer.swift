/// Tokens of the CEL lexis (langdef.md, "Syntax").
enum Token: Equatable {
    case ident(String)
    /// An integer literal's magnitude; whether it fits is decided by the parser, which folds a
    /// leading minus so that `-9223372036854775808` is valid.
    case int(UInt64)
    case uint(UInt64)
    case double(Double)
    case string(String)
    case bytes([UInt8])
    case punct(String)
    case end
}

/// Splits source text into tokens; offsets are 0-based Unicode scalar positions.
struct Lexer {
    let scalars: [Unicode.Scalar]
    var position = 0

    init(_ source: String) { scalars = Array(source.unicodeScalars) }

    static let reserved: Set<String> = [
        "as", "break", "const", "continue", "else", "for", "function", "if", "import", "let",
        "loop", "package", "namespace", "return", "var", "void", "while",
    ]

    func peekScalar(_ ahead: Int = 0) -> Unicode.Scalar? {
        position + ahead < scalars.count ? scalars[position + ahead] : nil
    }

    func fail(_ message: String, at offset: Int) -> ExpressionError {
        ExpressionError(message: message, offset: offset)
    }

    mutating func skipTrivia() {
        while let c = peekScalar() {
            if c == " " || c == "\t" || c == "\n" || c == "\r" || c == "\u{0C}" {
                position += 1
            } else if c == "/", peekScalar(1) == "/" {
                while let d = peekScalar(), d != "\n", d != "\r" { position += 1 }
            } else {
                return
            }
        }
    }

    /// The next token and its offset.
    mutating func next() throws(ExpressionError) -> (Token, Int) {
        skipTrivia()
        let start = position
        guard let c = peekScalar() else { return (.end, start) }
        if c.isASCIIDigit || (c == "." && peekScalar(1)?.isASCIIDigit == true) {
            return (try number(), start)
        }
        if c == "_" || c.isASCIILetter {
            // String and bytes prefixes: r, b and br (any case; the grammar has no `rb`)
            // directly followed by a quote.
            var prefix = ""
            var k = 0
            while k < 2, let p = peekScalar(k), "rRbB".unicodeScalars.contains(p) { prefix.unicodeScalars.append(p); k += 1 }
            if !prefix.isEmpty, let q = peekScalar(k), q == "'" || q == "\"" {
                let lower = prefix.lowercased()
                if lower == "r" || lower == "b" || lower == "br" {
                    position += k
                    return (try quoted(raw: lower.contains("r"), bytes: lower.contains("b"), start: start), start)
                }
            }
            var name = ""
            while let d = peekScalar(), d == "_" || d.isASCIILetter || d.isASCIIDigit {
                name.unicodeScalars.append(d)
                position += 1
            }
            return (.ident(name), start)
        }
        if c == "'" || c == "\"" { return (try quoted(raw: false, bytes: false, start: start), start) }
        let two = peekScalar(1).map { String(c) + String($0) } ?? ""
        if ["==", "!=", "<=", ">=", "&&", "||"].contains(two) {
            position += 2
            return (.punct(two), start)
        }
        if "()[]{}.,:?+-*/%!<>".unicodeScalars.contains(c) {
            position += 1
            return (.punct(String(c)), start)
        }
        if c == "=" || c == "&" || c == "|" {
            throw fail("unexpected '\(c)' (did you mean '\(c)\(c)'?)", at: start)
        }
        throw fail("unexpected character '\(c)'", at: start)
    }

    mutating func number() throws(ExpressionError) -> Token {
        let start = position
        if peekScalar() == "0", peekScalar(1) == "x" {
            position += 2
            var value: UInt64 = 0
            var digits = 0
            while let d = peekScalar(), let v = d.hexValue {
                let (m, o1) = value.multipliedReportingOverflow(by: 16)
                let (a, o2) = m.addingReportingOverflow(UInt64(v))
                if o1 || o2 { throw fail("integer literal out of range", at: start) }
                value = a
                digits += 1
                position += 1
            }
            if digits == 0 { throw fail("invalid hex literal", at: start) }
            return try integerSuffix(value, start: start)
        }
        var text = ""
        var isDouble = false
        while let d = peekScalar(), d.isASCIIDigit { text.unicodeScalars.append(d); position += 1 }
        if peekScalar() == ".", peekScalar(1)?.isASCIIDigit == true {
            isDouble = true
            text += "."
            position += 1
            while let d = peekScalar(), d.isASCIIDigit { text.unicodeScalars.append(d); position += 1 }
        }
        if let e = peekScalar(), e == "e" || e == "E" {
            var k = 1
            if let s = peekScalar(1), s == "+" || s == "-" { k = 2 }
            if peekScalar(k)?.isASCIIDigit == true {
                isDouble = true
                for _ in 0..<k { text.unicodeScalars.append(peekScalar()!); position += 1 }
                while let d = peekScalar(), d.isASCIIDigit { text.unicodeScalars.append(d); position += 1 }
            }
        }
        if isDouble {
            guard let value = Double(text.hasPrefix(".") ? "0" + text : text) else {
                throw fail("invalid number '\(text)'", at: start)
            }
            return .double(value)
        }
        guard let value = UInt64(text) else { throw fail("integer literal out of range", at: start) }
        return try integerSuffix(value, start: start)
    }

    mutating func integerSuffix(_ value: UInt64, start: Int) throws(ExpressionError) -> Token {
        if let u = peekScalar(), u == "u" || u == "U" {
            position += 1
            return .uint(value)
        }
        return .int(value)
    }

    /// A quoted string or bytes literal; `position` is at the opening quote.
    mutating func quoted(raw: Bool, bytes: Bool, start: Int) throws(ExpressionError) -> Token {
        let quote = peekScalar()!
        let triple = peekScalar(1) == quote && peekScalar(2) == quote
        position += triple ? 3 : 1
        var out: [UInt8] = []
        func append(_ s: Unicode.Scalar) { out.append(contentsOf: Array(String(s).utf8)) }
        while true {
            guard let c = peekScalar() else { throw fail("unterminated string literal", at: start) }
            if c == quote {
                if !triple { position += 1; break }
                if peekScalar(1) == quote, peekScalar(2) == quote { position += 3; break }
            }
            if !triple, c == "\n" || c == "\r" { throw fail("newline in string literal", at: position) }
            if c == "\\", !raw {
                try escape(into: &out, bytes: bytes)
                continue
            }
            if raw, c == "\\", let n = peekScalar(1), n == quote {
                // A raw string still cannot end at an escaped quote; keep both characters.
                append(c); append(n); position += 2
                continue
            }
            append(c)
            position += 1
        }
        if bytes { return .bytes(out) }
        guard let s = String(validating: out, as: UTF8.self) else { throw fail("invalid UTF-8 in string literal", at: start) }
        return .string(s)
    }

    mutating func escape(into out: inout [UInt8], bytes: Bool) throws(ExpressionError) {
        let at = position
        position += 1
        guard let e = peekScalar() else { throw fail("unterminated escape sequence", at: at) }
        position += 1
        func scalar(_ v: UInt32) throws(ExpressionError) {
            guard let s = Unicode.Scalar(v) else { throw fail("invalid code point in escape", at: at) }
            out.append(contentsOf: Array(String(s).utf8))
        }
        func hex(_ n: Int) throws(ExpressionError) -> UInt32 {
            var v: UInt32 = 0
            for _ in 0..<n {
                guard let d = peekScalar()?.hexValue else { throw fail("invalid escape sequence", at: at) }
                v = v * 16 + UInt32(d)
                position += 1
            }
            return v
        }
        switch e {
        case "a": out.append(7)
        case "b": out.append(8)
        case "f": out.append(12)
        case "n": out.append(10)
        case "r": out.append(13)
        case "t": out.append(9)
        case "v": out.append(11)
        case "\\", "'", "\"", "`", "?": out.append(UInt8(e.value))
        case "x", "X":
            let v = try hex(2)
            if bytes { out.append(UInt8(v)) } else { try scalar(v) }
        case "u", "U":
            if bytes { throw fail("\\\(e) escapes are not allowed in bytes literals", at: at) }
            let v = try hex(e == "u" ? 4 : 8)
            try scalar(v)
        case "0"..."3":
            var v = e.value - 48
            for _ in 0..<2 {
                guard let d = peekScalar(), ("0"..."7").contains(d) else { throw fail("invalid octal escape", at: at) }
                v = v * 8 + d.value - 48
                position += 1
            }
            if bytes { out.append(UInt8(v)) } else { try scalar(v) }
        default:
            throw fail("invalid escape sequence '\\\(e)'", at: at)
        }
    }
}

extension Unicode.Scalar {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
    var isASCIILetter: Bool { ("a"..."z").contains(self) || ("A"..."Z").contains(self) }
    var hexValue: Int? {
        switch self {
        case "0"..."9": Int(value) - 48
        case "a"..."f": Int(value) - 87
        case "A"..."F": Int(value) - 55
        default: nil
        }
    }
}
