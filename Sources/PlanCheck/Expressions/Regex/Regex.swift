/// An RE2-syntax regular expression matched by a Pike VM (Thompson NFA simulation).
///
/// Why not NSRegularExpression or Swift Regex: both backtrack, so `(a+)+$` against a long
/// string of `a`s followed by `b` takes exponential time, and a rule file must not be able to
/// hang the checker. The VM advances every NFA thread in lock step over the input, visiting each
/// program instruction at most once per input position: O(pattern × input) time, always.
/// Only the yes/no answer of an unanchored search is needed (`matches`), so there are no
/// capture groups, and greedy and lazy repetition behave alike.
struct Regex: Sendable {
    enum Inst: Sendable {
        case literal(Unicode.Scalar)
        case set(CharSet)
        case any
        case anyExceptNewline
        case split(Int, Int)
        case jump(Int)
        case assertion(RegexAssertion)
        case match
    }

    let program: [Inst]
    let pattern: String

    init(_ pattern: String) throws(ExpressionError) {
        var parser = RegexParser(pattern)
        let tree = try parser.parse()
        var compiler = RegexCompiler()
        try compiler.emit(tree)
        compiler.program.append(.match)
        program = compiler.program
        self.pattern = pattern
    }

    /// True when the pattern matches some substring of `text`.
    func matches(_ text: String) -> Bool {
        let input = Array(text.unicodeScalars)
        var current = ThreadList(capacity: program.count)
        var next = ThreadList(capacity: program.count)
        var stack: [Int] = []
        // marks[pc] == position + 1: pc was already reached at this position.
        var marks = [Int](repeating: 0, count: program.count)
        var position = 0
        while true {
            if add(0, at: position, input, &current, &marks, &stack) { return true }
            if position == input.count { return false }
            let c = input[position]
            next.clear()
            for pc in current.items {
                let advance: Bool
                switch program[pc] {
                case .literal(let l): advance = l == c
                case .set(let s): advance = s.matches(c)
                case .any: advance = true
                case .anyExceptNewline: advance = c != "\n"
                default: advance = false
                }
                if advance, add(pc + 1, at: position + 1, input, &next, &marks, &stack) { return true }
            }
            swap(&current, &next)
            position += 1
        }
    }

    /// Adds the thread at `pc` and everything reachable from it without consuming input.
    /// Returns true when a match state is reached.
    private func add(_ start: Int, at position: Int, _ input: [Unicode.Scalar], _ list: inout ThreadList,
                     _ marks: inout [Int], _ stack: inout [Int]) -> Bool {
        stack.append(start)
        while let pc = stack.popLast() {
            if marks[pc] == position + 1 { continue }
            marks[pc] = position + 1
            switch program[pc] {
            case .jump(let target): stack.append(target)
            case .split(let a, let b): stack.append(b); stack.append(a)
            case .assertion(let kind): if holds(kind, at: position, input) { stack.append(pc + 1) }
            case .match: stack.removeAll(keepingCapacity: true); return true
            default: list.items.append(pc)
            }
        }
        return false
    }

    private func holds(_ kind: RegexAssertion, at i: Int, _ input: [Unicode.Scalar]) -> Bool {
        switch kind {
        case .beginText: return i == 0
        case .endText: return i == input.count
        case .beginLine: return i == 0 || input[i - 1] == "\n"
        case .endLine: return i == input.count || input[i] == "\n"
        case .wordBoundary, .notWordBoundary:
            // RE2's \b is ASCII-only.
            func word(_ j: Int) -> Bool {
                guard j >= 0, j < input.count else { return false }
                let c = input[j]
                return c.isASCIILetter || c.isASCIIDigit || c == "_"
            }
            let boundary = word(i - 1) != word(i)
            return kind == .wordBoundary ? boundary : !boundary
        }
    }

    struct ThreadList {
        var items: [Int] = []
        init(capacity: Int) { items.reserveCapacity(capacity) }
        mutating func clear() { items.removeAll(keepingCapacity: true) }
    }
}

/// Compiles a syntax tree into VM instructions (Thompson's construction).
struct RegexCompiler {
    var program: [Regex.Inst] = []

    mutating func append(_ inst: Regex.Inst) throws(ExpressionError) {
        guard program.count < ExpressionLimits.maxRegexProgram else {
            throw ExpressionError(message: "regular expression too large", offset: -1)
        }
        program.append(inst)
    }

    mutating func emit(_ node: RegexNode) throws(ExpressionError) {
        switch node {
        case .empty: break
        case .literal(let c, let fold):
            if fold, c.properties.lowercaseMapping != c.properties.uppercaseMapping {
                try append(.set(CharSet(items: [.range(c.value, c.value)], negated: false, fold: true)))
            } else {
                try append(.literal(c))
            }
        case .set(let s): try append(.set(s))
        case .any(let newline): try append(newline ? .any : .anyExceptNewline)
        case .assertion(let kind): try append(.assertion(kind))
        case .concat(let items):
            for item in items { try emit(item) }
        case .alternate(let branches):
            var jumps: [Int] = []
            for (i, branch) in branches.enumerated() {
                if i < branches.count - 1 {
                    let split = program.count
                    try append(.split(split + 1, -1))
                    try emit(branch)
                    jumps.append(program.count)
                    try append(.jump(-1))
                    program[split] = .split(split + 1, program.count)
                } else {
                    try emit(branch)
                }
            }
            for j in jumps { program[j] = .jump(program.count) }
        case .repeat(let inner, let min, let max):
            for _ in 0..<min { try emit(inner) }
            if let max {
                // x{2,4} = x x x? x?: the same language as nested optionals.
                for _ in min..<max {
                    let split = program.count
                    try append(.split(split + 1, -1))
                    try emit(inner)
                    program[split] = .split(split + 1, program.count)
                }
            } else {
                let loop = program.count
                try append(.split(loop + 1, -1))
                try emit(inner)
                try append(.jump(loop))
                program[loop] = .split(loop + 1, program.count)
            }
        }
    }
}
