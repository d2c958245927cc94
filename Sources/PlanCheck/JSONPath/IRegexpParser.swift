/// The RFC 9485 grammar (§3), parsed into a small tree. Anything outside it (back-references,
/// `\d`, anchors as operators, lazy quantifiers…) makes the pattern invalid rather than being
/// guessed at, so a pattern means the same here as in every other I-Regexp implementation.
indirect enum RegexTree {
    case empty
    case scalar(UInt32)
    case any
    case set(Int32)
    case concat([RegexTree])
    case alternation([RegexTree])
    case repetition(RegexTree, min: Int, max: Int?)
}

struct IRegexpParser {
    let p: [Unicode.Scalar]
    var i = 0
    var depth = 0
    var sets: [ScalarSet] = []
    /// Quantifier bounds above this are treated as invalid (they could only blow the program limit).
    static let maxBound = 10_000

    init(_ pattern: [Unicode.Scalar]) { p = pattern }

    mutating func parse() -> RegexTree? {
        guard let tree = alternation(), i == p.count else { return nil }
        return tree
    }

    private func peek(_ k: Int = 0) -> Unicode.Scalar? { i + k < p.count ? p[i + k] : nil }

    private mutating func alternation() -> RegexTree? {
        guard let first = branch() else { return nil }
        var branches = [first]
        while peek() == "|" {
            i += 1
            guard let b = branch() else { return nil }
            branches.append(b)
        }
        return branches.count == 1 ? first : .alternation(branches)
    }

    private mutating func branch() -> RegexTree? {
        var pieces: [RegexTree] = []
        while let c = peek(), c != "|", c != ")" {
            guard let atom = atom() else { return nil }
            guard let piece = quantified(atom) else { return nil }
            pieces.append(piece)
        }
        return pieces.isEmpty ? .empty : (pieces.count == 1 ? pieces[0] : .concat(pieces))
    }

    private mutating func quantified(_ atom: RegexTree) -> RegexTree? {
        guard let c = peek() else { return atom }
        switch c {
        case "*": i += 1; return .repetition(atom, min: 0, max: nil)
        case "+": i += 1; return .repetition(atom, min: 1, max: nil)
        case "?": i += 1; return .repetition(atom, min: 0, max: 1)
        case "{":
            i += 1
            guard let low = number() else { return nil }
            var high: Int? = low
            if peek() == "," {
                i += 1
                high = peek() == "}" ? nil : number()
                if high == nil && peek() != "}" { return nil }
            }
            guard peek() == "}" else { return nil }
            i += 1
            if let high, high < low { return nil }
            return .repetition(atom, min: low, max: high)
        default:
            return atom
        }
    }

    private mutating func number() -> Int? {
        var value = 0
        var digits = 0
        while let c = peek(), c >= "0", c <= "9" {
            value = min(value * 10 + Int(c.value - 48), Self.maxBound + 1)
            digits += 1
            i += 1
        }
        return digits > 0 && value <= Self.maxBound ? value : nil
    }

    private mutating func atom() -> RegexTree? {
        guard let c = peek() else { return nil }
        switch c {
        case "(":
            depth += 1
            guard depth <= IRegexp.maxGroupDepth else { return nil }
            i += 1
            guard let inner = alternation(), peek() == ")" else { return nil }
            i += 1
            depth -= 1
            return inner
        case ".":
            i += 1
            return .any
        case "[":
            return characterClass()
        case "\\":
            return escapeAtom()
        case ")", "*", "+", "?", "{", "}", "]", "|":
            return nil
        default:
            i += 1
            return .scalar(c.value)
        }
    }

    /// `\` outside a class: a single-character escape or a category escape.
    private mutating func escapeAtom() -> RegexTree? {
        if let e = peek(1), e == "p" || e == "P" {
            var set = ScalarSet()
            guard categoryEscape(into: &set) else { return nil }
            return addSet(set)
        }
        guard let v = singleCharEscape() else { return nil }
        return .scalar(v)
    }

    /// `SingleCharEsc` at the cursor (on the backslash).
    private mutating func singleCharEscape() -> UInt32? {
        guard let e = peek(1) else { return nil }
        let value: UInt32
        switch e {
        case "n": value = 0x0A
        case "r": value = 0x0D
        case "t": value = 0x09
        case "(", ")", "*", "+", "-", ".", "?", "[", "\\", "]", "^", "{", "|", "}": value = e.value
        default: return nil
        }
        i += 2
        return value
    }

    /// `\p{…}` or `\P{…}` at the cursor, added to `set`.
    private mutating func categoryEscape(into set: inout ScalarSet) -> Bool {
        let complement = peek(1) == "P"
        guard peek(2) == "{" else { return false }
        i += 3
        var name = ""
        while let c = peek(), c != "}" {
            name.unicodeScalars.append(c)
            i += 1
            if name.count > 2 { return false }
        }
        guard peek() == "}", let mask = ScalarSet.mask(forProperty: name) else { return false }
        i += 1
        if complement { set.excludedCategories.append(mask) } else { set.categories |= mask }
        return true
    }

    /// `charClassExpr`: `[` `^`? (`-` | item) item* `-`? `]`.
    private mutating func characterClass() -> RegexTree? {
        i += 1
        var set = ScalarSet()
        if peek() == "^" {
            set.negated = true
            i += 1
        }
        var first = true
        while true {
            guard let c = peek() else { return nil }
            if c == "]" && !first {
                i += 1
                return addSet(set)
            }
            if c == "-" {
                // A literal `-` only first or last.
                guard first || peek(1) == "]" else { return nil }
                set.ranges.append(0x2D...0x2D)
                i += 1
                first = false
                continue
            }
            first = false
            if c == "\\", let e = peek(1), e == "p" || e == "P" {
                guard categoryEscape(into: &set) else { return nil }
                continue
            }
            guard let low = classChar() else { return nil }
            if peek() == "-", let after = peek(1), after != "]" {
                i += 1
                guard let high = classChar(), low <= high else { return nil }
                set.ranges.append(low...high)
            } else {
                set.ranges.append(low...low)
            }
        }
    }

    /// `CCchar`: any scalar except `-`, `[`, `\`, `]`, or a single-character escape.
    private mutating func classChar() -> UInt32? {
        guard let c = peek() else { return nil }
        switch c {
        case "\\": return singleCharEscape()
        case "-", "[", "]": return nil
        default:
            i += 1
            return c.value
        }
    }

    private mutating func addSet(_ set: ScalarSet) -> RegexTree {
        sets.append(set)
        return .set(Int32(sets.count - 1))
    }
}

/// Emits the NFA program for a tree, refusing programs over `IRegexp.maxProgram`.
struct IRegexpCompiler {
    var program: [IRegexp.Instruction] = []
    var sets: [ScalarSet] = []

    private var full: Bool { program.count > IRegexp.maxProgram }

    mutating func emit(_ tree: RegexTree) -> Bool {
        if full { return false }
        switch tree {
        case .empty:
            return true
        case .scalar(let v):
            program.append(.scalar(v))
        case .any:
            program.append(.any)
        case .set(let k):
            program.append(.set(k))
        case .concat(let parts):
            for part in parts where !emit(part) { return false }
        case .alternation(let branches):
            // split L1, next; L1: b1; jump end; next: split L2, … ; last branch falls through.
            var jumps: [Int] = []
            for (k, branch) in branches.enumerated() {
                if k < branches.count - 1 {
                    let split = program.count
                    program.append(.split(0, 0))
                    guard emit(branch) else { return false }
                    jumps.append(program.count)
                    program.append(.jump(0))
                    program[split] = .split(Int32(split + 1), Int32(program.count))
                } else {
                    guard emit(branch) else { return false }
                }
            }
            for j in jumps { program[j] = .jump(Int32(program.count)) }
        case .repetition(let body, let min, let max):
            for _ in 0..<min where !emit(body) { return false }
            if let max {
                // Each optional copy: split into it or past all of them.
                var splits: [Int] = []
                for _ in min..<max {
                    splits.append(program.count)
                    program.append(.split(0, 0))
                    guard emit(body) else { return false }
                }
                for s in splits { program[s] = .split(Int32(s + 1), Int32(program.count)) }
            } else {
                let loop = program.count
                program.append(.split(0, 0))
                guard emit(body) else { return false }
                program.append(.jump(Int32(loop)))
                program[loop] = .split(Int32(loop + 1), Int32(program.count))
            }
        }
        return !full
    }
}
