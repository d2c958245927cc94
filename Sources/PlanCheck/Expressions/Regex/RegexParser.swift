/// Parses RE2 syntax (https://github.com/google/re2/wiki/Syntax). Constructs RE2 rejects —
/// backreferences, lookaround, possessive or doubled repetition — are errors here too.
struct RegexParser {
    struct Flags { var fold = false, multiline = false, dotNewline = false }

    let scalars: [Unicode.Scalar]
    var position = 0
    var depth = 0

    init(_ pattern: String) { scalars = Array(pattern.unicodeScalars) }

    static let maxNesting = 200

    func error(_ message: String) -> ExpressionError { ExpressionError(message: message, offset: -1) }

    var peek: Unicode.Scalar? { position < scalars.count ? scalars[position] : nil }

    mutating func parse() throws(ExpressionError) -> RegexNode {
        var flags = Flags()
        let node = try parseAlternation(&flags)
        if position < scalars.count { throw error("unexpected ): \(String(String.UnicodeScalarView(scalars)))") }
        return node
    }

    mutating func parseAlternation(_ flags: inout Flags) throws(ExpressionError) -> RegexNode {
        var branches = [try parseConcat(&flags)]
        while peek == "|" {
            position += 1
            branches.append(try parseConcat(&flags))
        }
        return branches.count == 1 ? branches[0] : .alternate(branches)
    }

    mutating func parseConcat(_ flags: inout Flags) throws(ExpressionError) -> RegexNode {
        var items: [RegexNode] = []
        while let c = peek, c != "|", c != ")" {
            var atom = try parseAtom(&flags)
            guard let node = atom else { continue }   // a flag group such as (?i)
            atom = try parseRepeats(node)
            items.append(atom!)
        }
        return items.count == 1 ? items[0] : (items.isEmpty ? .empty : .concat(items))
    }

    mutating func parseRepeats(_ node: RegexNode) throws(ExpressionError) -> RegexNode {
        var node = node
        var repeated = false
        while let c = peek {
            var range: (Int, Int?)?
            let start = position
            switch c {
            case "*": range = (0, nil); position += 1
            case "+": range = (1, nil); position += 1
            case "?": range = (0, 1); position += 1
            case "{": range = try parseCount()
            default: break
            }
            guard let (lo, hi) = range else { return node }
            if repeated {
                throw error("bad repetition operator: \(String(String.UnicodeScalarView(scalars[start..<position])))")
            }
            if peek == "?" { position += 1 }        // non-greedy: the same language for a yes/no match
            node = .repeat(node, min: lo, max: hi)
            repeated = true
        }
        return node
    }

    /// `{n}`, `{n,}`, `{n,m}`; a `{` not starting a valid count is a literal (as in RE2).
    mutating func parseCount() throws(ExpressionError) -> (Int, Int?)? {
        let start = position
        position += 1
        func number() -> Int? {
            var value: Int?
            while let d = peek, d.isASCIIDigit {
                value = min((value ?? 0) * 10 + Int(d.value - 48), 100_000)
                position += 1
            }
            return value
        }
        guard let lo = number() else { position = start; return nil }
        var hi: Int? = lo
        if peek == "," {
            position += 1
            hi = number()
        }
        guard peek == "}" else { position = start; return nil }
        position += 1
        if let hi, hi < lo { throw error("invalid repeat count: {\(lo),\(hi)}") }
        if lo > ExpressionLimits.maxRepeat || (hi ?? 0) > ExpressionLimits.maxRepeat {
            throw error("invalid repeat count: more than \(ExpressionLimits.maxRepeat)")
        }
        return (lo, hi)
    }

    /// One atom; nil for a group that only sets flags.
    mutating func parseAtom(_ flags: inout Flags) throws(ExpressionError) -> RegexNode? {
        let c = peek!
        position += 1
        switch c {
        case "(":
            return try parseGroup(&flags)
        case "[":
            return .set(try parseClass(flags))
        case ".":
            return .any(newline: flags.dotNewline)
        case "^":
            return .assertion(flags.multiline ? .beginLine : .beginText)
        case "$":
            return .assertion(flags.multiline ? .endLine : .endText)
        case "\\":
            return try parseEscape(flags, inClass: false)
        case "*", "+", "?":
            throw error("missing argument to repetition operator: \(c)")
        default:
            return .literal(c, fold: flags.fold)
        }
    }

    mutating func parseGroup(_ flags: inout Flags) throws(ExpressionError) -> RegexNode? {
        depth += 1
        defer { depth -= 1 }
        guard depth <= Self.maxNesting else { throw error("regular expression is nested too deeply") }
        var inner = flags
        if peek == "?" {
            position += 1
            if peek == "P" || peek == "<" {
                // Named group: (?P<name>re) or (?<name>re).
                if peek == "P" { position += 1 }
                guard peek == "<" else { throw error("invalid named capture") }
                while let d = peek, d != ">" { position += 1 }
                guard peek == ">" else { throw error("invalid named capture") }
                position += 1
            } else {
                // Flags: (?i) (?-s) (?i:re)
                var negate = false
                var sawFlag = false
                while let d = peek, d != ")", d != ":" {
                    position += 1
                    switch d {
                    case "i": inner.fold = !negate
                    case "m": inner.multiline = !negate
                    case "s": inner.dotNewline = !negate
                    case "U": break
                    case "-" where !negate: negate = true; continue
                    default: throw error("invalid or unsupported Perl syntax: (?\(d)")
                    }
                    sawFlag = true
                }
                guard let end = peek else { throw error("missing closing )") }
                position += 1
                if end == ")" {
                    if !sawFlag { throw error("missing flags in (?)") }
                    flags = inner
                    return nil
                }
            }
        }
        let node = try parseAlternation(&inner)
        guard peek == ")" else { throw error("missing closing )") }
        position += 1
        return node
    }

    mutating func parseClass(_ flags: Flags) throws(ExpressionError) -> CharSet {
        var set = CharSet()
        set.fold = flags.fold
        if peek == "^" { set.negated = true; position += 1 }
        var first = true
        while true {
            guard let c = peek else { throw error("missing closing ]") }
            if c == "]", !first { position += 1; break }
            first = false
            if c == "[", position + 1 < scalars.count, scalars[position + 1] == ":" {
                set.items.append(try parsePosixClass())
                continue
            }
            position += 1
            var lo: Unicode.Scalar
            if c == "\\" {
                guard let escaped = try parseEscape(flags, inClass: true) else { continue }
                switch escaped {
                case .literal(let s, _): lo = s
                case .set(let inner):
                    if inner.negated { set.items.append(.not(inner)) } else { set.items.append(contentsOf: inner.items) }
                    continue
                default: throw error("invalid escape in character class")
                }
            } else {
                lo = c
            }
            if peek == "-", position + 1 < scalars.count, scalars[position + 1] != "]" {
                position += 1
                var hi = peek!
                position += 1
                if hi == "\\" {
                    guard case .literal(let s, _)? = try parseEscape(flags, inClass: true) else {
                        throw error("invalid character class range")
                    }
                    hi = s
                }
                guard hi.value >= lo.value else { throw error("invalid character class range: \(lo)-\(hi)") }
                set.items.append(.range(lo.value, hi.value))
            } else {
                set.items.append(.range(lo.value, lo.value))
            }
        }
        return set
    }

    mutating func parsePosixClass() throws(ExpressionError) -> CharSet.Item {
        let start = position
        position += 2
        var negate = false
        if peek == "^" { negate = true; position += 1 }
        var name = ""
        while let d = peek, d != ":" { name.unicodeScalars.append(d); position += 1 }
        guard peek == ":", position + 1 < scalars.count, scalars[position + 1] == "]" else {
            position = start
            throw error("invalid character class")
        }
        position += 2
        let ranges: [ClosedRange<UInt32>]
        switch name {
        case "alpha": ranges = [65...90, 97...122]
        case "digit": ranges = [48...57]
        case "alnum": ranges = [48...57, 65...90, 97...122]
        case "upper": ranges = [65...90]
        case "lower": ranges = [97...122]
        case "space": ranges = [9...13, 32...32]
        case "punct": ranges = [33...47, 58...64, 91...96, 123...126]
        case "xdigit": ranges = [48...57, 65...70, 97...102]
        case "word": ranges = [48...57, 65...90, 95...95, 97...122]
        case "blank": ranges = [9...9, 32...32]
        case "cntrl": ranges = [0...31, 127...127]
        case "print": ranges = [32...126]
        case "graph": ranges = [33...126]
        case "ascii": ranges = [0...127]
        default: throw error("invalid character class range: [:\(name):]")
        }
        let inner = CharSet(items: [.ranges(ranges)], negated: false, fold: false)
        return negate ? .not(inner) : .ranges(ranges)
    }

    /// After a backslash. Returns a literal, a set or an assertion.
    mutating func parseEscape(_ flags: Flags, inClass: Bool) throws(ExpressionError) -> RegexNode? {
        guard let c = peek else { throw error("trailing \\") }
        position += 1
        func perl(_ ranges: [ClosedRange<UInt32>], negated: Bool) -> RegexNode {
            .set(CharSet(items: [.ranges(ranges)], negated: negated, fold: false))
        }
        switch c {
        case "d": return perl([48...57], negated: false)
        case "D": return perl([48...57], negated: true)
        case "s": return perl([9...10, 12...13, 32...32], negated: false)
        case "S": return perl([9...10, 12...13, 32...32], negated: true)
        case "w": return perl([48...57, 65...90, 95...95, 97...122], negated: false)
        case "W": return perl([48...57, 65...90, 95...95, 97...122], negated: true)
        case "p", "P": return .set(try parseUnicodeClass(negated: c == "P", fold: flags.fold))
        case "b" where !inClass: return .assertion(.wordBoundary)
        case "B" where !inClass: return .assertion(.notWordBoundary)
        case "A" where !inClass: return .assertion(.beginText)
        case "z" where !inClass: return .assertion(.endText)
        case "a": return .literal("\u{07}", fold: false)
        case "f": return .literal("\u{0C}", fold: false)
        case "t": return .literal("\t", fold: false)
        case "n": return .literal("\n", fold: false)
        case "r": return .literal("\r", fold: false)
        case "v": return .literal("\u{0B}", fold: false)
        case "x":
            var value: UInt32 = 0
            if peek == "{" {
                position += 1
                var digits = 0
                while let d = peek, let v = d.hexValue { value = value &* 16 &+ UInt32(v); position += 1; digits += 1 }
                guard peek == "}", digits > 0, value <= 0x10FFFF else { throw error("invalid escape sequence: \\x") }
                position += 1
            } else {
                for _ in 0..<2 {
                    guard let v = peek?.hexValue else { throw error("invalid escape sequence: \\x") }
                    value = value * 16 + UInt32(v)
                    position += 1
                }
            }
            guard let s = Unicode.Scalar(value) else { throw error("invalid escape sequence: \\x") }
            return .literal(s, fold: flags.fold)
        case "0"..."7":
            // RE2 accepts octal only as \0 followed by up to two more digits (\1-\9 would be
            // backreferences, which RE2 does not support).
            guard c == "0" else { throw error("invalid escape sequence: \\\(c) (backreferences are not supported)") }
            var value: UInt32 = 0
            for _ in 0..<2 {
                guard let d = peek, ("0"..."7").contains(d) else { break }
                value = value * 8 + d.value - 48
                position += 1
            }
            return .literal(Unicode.Scalar(value)!, fold: flags.fold)
        case "8", "9":
            throw error("invalid escape sequence: \\\(c) (backreferences are not supported)")
        default:
            // Escaped punctuation stands for itself; escaped letters are unknown escapes.
            if c.isASCIILetter || c.isASCIIDigit { throw error("invalid escape sequence: \\\(c)") }
            return .literal(c, fold: flags.fold)
        }
    }

    /// `\pL`, `\p{Lu}`, `\p{Han}`, `\P{…}`, `\p{^…}`.
    mutating func parseUnicodeClass(negated: Bool, fold: Bool) throws(ExpressionError) -> CharSet {
        var name = ""
        var negated = negated
        if peek == "{" {
            position += 1
            while let d = peek, d != "}" { name.unicodeScalars.append(d); position += 1 }
            guard peek == "}" else { throw error("invalid character class range") }
            position += 1
        } else if let d = peek {
            name = String(d)
            position += 1
        }
        if name.hasPrefix("^") { negated.toggle(); name.removeFirst() }
        let item: CharSet.Item
        if let categories = UnicodeClasses.categories[name] {
            item = .category(categories)
        } else if let ranges = UnicodeClasses.scripts[name] {
            item = .ranges(ranges)
        } else if name == "Any" {
            item = .range(0, 0x10FFFF)
        } else {
            throw error("invalid character class range: \\p{\(name)}")
        }
        return CharSet(items: [item], negated: negated, fold: fold)
    }
}
