/// A recursive-descent parser for CEL (langdef.md grammar) that also resolves names, expands
/// macros and performs the static checks (unknown functions, arity, obviously wrong types).
struct Parser {
    var lexer: Lexer
    var token: Token = .end
    var tokenOffset = 0
    /// Macro iteration variables in scope, innermost last; a variable's slot is its position.
    var scopes: [String] = []
    var maxLocals = 0
    var nesting = 0

    init(_ source: String) throws(ExpressionError) {
        lexer = Lexer(source)
        try advance()
    }

    static func parse(_ source: String) throws(ExpressionError) -> (Expr, locals: Int) {
        guard source.utf8.count <= ExpressionLimits.maxSourceBytes else {
            throw ExpressionError(message: "expression is too long (\(source.utf8.count) bytes; the limit is \(ExpressionLimits.maxSourceBytes))", offset: 0)
        }
        var parser = try Parser(source)
        let expr = try parser.parseExpr()
        guard parser.token == .end else { throw parser.unexpected() }
        return (expr, parser.maxLocals)
    }

    mutating func advance() throws(ExpressionError) {
        (token, tokenOffset) = try lexer.next()
    }

    func fail(_ message: String, at offset: Int? = nil) -> ExpressionError {
        ExpressionError(message: message, offset: offset ?? tokenOffset)
    }

    func unexpected() -> ExpressionError {
        switch token {
        case .end: fail("unexpected end of expression")
        case .punct(let p): fail("unexpected '\(p)'")
        case .ident(let name): fail("unexpected identifier '\(name)'")
        default: fail("unexpected literal")
        }
    }

    func isPunct(_ p: String) -> Bool { token == .punct(p) }

    mutating func expect(_ p: String) throws(ExpressionError) {
        guard isPunct(p) else {
            if token == .end { throw fail("expected '\(p)' before the end of the expression") }
            throw fail("expected '\(p)'")
        }
        try advance()
    }

    /// Builds a node, enforcing the depth limit.
    func make(_ kind: ExprKind, _ offset: Int, _ children: [Expr], _ type: ExpressionType?) throws(ExpressionError) -> Expr {
        let height = 1 + (children.map(\.height).max() ?? 0)
        guard height <= ExpressionLimits.maxDepth else {
            throw fail("expression is nested too deeply (more than \(ExpressionLimits.maxDepth) levels)", at: offset)
        }
        return Expr(kind, offset: offset, height: height, type: type)
    }

    // MARK: expressions

    mutating func parseExpr() throws(ExpressionError) -> Expr {
        // Parentheses, brackets and braces recurse through here: bound the recursion before
        // the stack is at risk (the tree-height check alone comes too late for `((((…`).
        nesting += 1
        defer { nesting -= 1 }
        guard nesting <= ExpressionLimits.maxDepth else {
            throw fail("expression is nested too deeply (more than \(ExpressionLimits.maxDepth) levels)")
        }
        let condition = try parseBinary(0)
        guard isPunct("?") else { return condition }
        let at = tokenOffset
        try advance()
        let then = try parseBinary(0)
        try expect(":")
        let otherwise = try parseExpr()
        if let t = condition.type, t != .bool { throw fail("the condition of ?: must be a bool, not \(t.name)", at: condition.offset) }
        let type = then.type == otherwise.type ? then.type : nil
        return try make(.conditional(condition, then, otherwise), at, [condition, then, otherwise], type)
    }

    /// Binary operators by precedence climbing: 0 `||`, 1 `&&`, 2 relations, 3 `+ -`, 4 `* / %`.
    static func precedence(_ token: Token) -> Int? {
        switch token {
        case .punct("||"): 0
        case .punct("&&"): 1
        case .punct("=="), .punct("!="), .punct("<"), .punct("<="), .punct(">"), .punct(">="), .ident("in"): 2
        case .punct("+"), .punct("-"): 3
        case .punct("*"), .punct("/"), .punct("%"): 4
        default: nil
        }
    }

    mutating func parseBinary(_ minimum: Int) throws(ExpressionError) -> Expr {
        var lhs = try parseUnary()
        while let prec = Self.precedence(token), prec >= minimum {
            let opToken = token, at = tokenOffset
            try advance()
            let rhs = try parseBinary(prec + 1)
            lhs = try combine(opToken, lhs, rhs, at)
        }
        return lhs
    }

    func combine(_ op: Token, _ lhs: Expr, _ rhs: Expr, _ at: Int) throws(ExpressionError) -> Expr {
        switch op {
        case .punct("||"), .punct("&&"):
            for side in [lhs, rhs] {
                if let t = side.type, t != .bool { throw fail("operands of \(op == .punct("||") ? "||" : "&&") must be bool, not \(t.name)", at: side.offset) }
            }
            let kind: ExprKind = op == .punct("||") ? .or(lhs, rhs) : .and(lhs, rhs)
            return try make(kind, at, [lhs, rhs], .bool)
        case .ident("in"):
            return try make(.binary(.in, lhs, rhs), at, [lhs, rhs], try TypeRules.binary(.in, lhs, rhs, at: at))
        case .punct(let p):
            let binary = BinaryOp(rawValue: p)!
            return try make(.binary(binary, lhs, rhs), at, [lhs, rhs], try TypeRules.binary(binary, lhs, rhs, at: at))
        default:
            throw fail("unexpected operator", at: at)
        }
    }

    mutating func parseUnary() throws(ExpressionError) -> Expr {
        var ops: [(UnaryOp, Int)] = []
        while isPunct("!") || isPunct("-") {
            ops.append((isPunct("!") ? .not : .negate, tokenOffset))
            try advance()
        }
        var operand: Expr
        if let (last, at) = ops.last, last == .negate, case .int(let magnitude) = token {
            // Fold one minus into an integer literal so that -9223372036854775808 is valid.
            let literalAt = tokenOffset
            try advance()
            guard magnitude <= UInt64(Int64.max) + 1 else { throw fail("integer literal out of range", at: literalAt) }
            let value = magnitude == UInt64(Int64.max) + 1 ? Int64.min : -Int64(magnitude)
            ops.removeLast()
            operand = try parseMemberSuffixes(try make(.literal(.int(value)), at, [], .int))
        } else {
            operand = try parseMember()
        }
        for (op, at) in ops.reversed() {
            if let t = operand.type {
                let ok = op == .not ? t == .bool : (t == .int || t == .double)
                if !ok { throw fail("no matching overload for \(op.rawValue)\(t.name)", at: at) }
            }
            operand = try make(.unary(op, operand), at, [operand], operand.type)
        }
        return operand
    }

    mutating func parseMember() throws(ExpressionError) -> Expr {
        try parseMemberSuffixes(try parsePrimary())
    }

    mutating func parseMemberSuffixes(_ start: Expr) throws(ExpressionError) -> Expr {
        var expr = start
        while true {
            if isPunct(".") {
                try advance()
                let at = tokenOffset
                guard case .ident(let name) = token else { throw fail("expected a field name after '.'") }
                try advance()
                if isPunct("(") {
                    if case .ident(.name(let namespace, _)) = expr.kind, Builtin.namespaces.contains(namespace) {
                        // A qualified function (`math.abs(x)`), as CEL resolves it: the name
                        // wins over a record field of the same name used as a receiver.
                        if Builtin(rawValue: namespace + "." + name) != nil {
                            expr = try makeCall(namespace + "." + name, receiver: nil, try parseArguments(), expr.offset)
                            continue
                        }
                        if Builtin(rawValue: name) == nil, Self.macros[name] == nil {
                            let known = Builtin.allCases.map(\.rawValue).filter { $0.hasPrefix(namespace + ".") }
                            throw fail("unknown function '\(namespace).\(name)' (known: \(known.joined(separator: ", ")))", at: expr.offset)
                        }
                    }
                    expr = try parseReceiverCall(expr, name, at)
                } else {
                    if let t = expr.type, t != .map { throw fail("cannot select field '\(name)' of a \(t.name)", at: at) }
                    expr = try make(.select(expr, field: name, utf8: Array(name.utf8), presence: false), at, [expr], nil)
                }
            } else if isPunct("[") {
                let at = tokenOffset
                try advance()
                let index = try parseExpr()
                try expect("]")
                if let t = expr.type, t != .list, t != .map { throw fail("cannot index a \(t.name)", at: at) }
                if expr.type == .list, let t = index.type, t != .int, t != .uint, t != .double {
                    throw fail("a list index must be a number, not \(t.name)", at: index.offset)
                }
                expr = try make(.index(expr, index), at, [expr, index], nil)
            } else if isPunct("{") {
                throw fail("message construction (Type{…}) is not supported")
            } else {
                return expr
            }
        }
    }

    // MARK: calls and macros

    static let macros: [String: MacroKind] = [
        "all": .all, "exists": .exists, "exists_one": .existsOne, "map": .map, "filter": .filter,
    ]

    mutating func parseReceiverCall(_ receiver: Expr, _ name: String, _ at: Int) throws(ExpressionError) -> Expr {
        if let macro = Self.macros[name] {
            return try parseMacro(macro, receiver, at)
        }
        let args = try parseArguments()
        return try makeCall(name, receiver: receiver, args, at)
    }

    mutating func parseArguments() throws(ExpressionError) -> [Expr] {
        try expect("(")
        var args: [Expr] = []
        while !isPunct(")") {
            args.append(try parseExpr())
            guard isPunct(",") else { break }
            try advance()
        }
        try expect(")")
        return args
    }

    func makeCall(_ name: String, receiver: Expr?, _ args: [Expr], _ at: Int) throws(ExpressionError) -> Expr {
        let builtin: Builtin
        switch Builtin.resolve(name, receiver: receiver != nil, argumentCount: args.count) {
        case .success(let b): builtin = b
        case .failure(let failure): throw fail(failure.message, at: at)
        }
        let all = (receiver.map { [$0] } ?? []) + args
        let type: ExpressionType?
        switch builtin.check(all.map(\.type)) {
        case .success(let t): type = t
        case .failure(let failure): throw fail(failure.message, at: at)
        }
        if builtin == .matches, case .literal(.string(let pattern)) = all[1].kind {
            do {
                let regex = try Regex(pattern)
                return try make(.match(all[0], regex), at, [all[0]], .bool)
            } catch {
                throw fail("invalid regular expression: \(error.message)", at: all[1].offset)
            }
        }
        return try make(.call(builtin, all), at, all, type)
    }

    mutating func parseMacro(_ macro: MacroKind, _ range: Expr, _ at: Int) throws(ExpressionError) -> Expr {
        try expect("(")
        guard case .ident(let variable) = token else { throw fail("\(macro.rawValue)() needs a variable name as its first argument") }
        let variableAt = tokenOffset
        guard !Lexer.reserved.contains(variable), !["true", "false", "null", "in"].contains(variable) else {
            throw fail("'\(variable)' is a reserved word", at: variableAt)
        }
        try advance()
        try expect(",")
        if let t = range.type, t != .list, t != .map {
            throw fail("\(macro.rawValue)() applies to a list or a map, not \(t.name)", at: at)
        }
        scopes.append(variable)
        maxLocals = max(maxLocals, scopes.count)
        defer { scopes.removeLast() }
        let slot = scopes.count - 1
        var first = try parseExpr()
        var second: Expr?
        if isPunct(",") {
            guard macro == .map else { throw fail("\(macro.rawValue)() takes two arguments") }
            try advance()
            second = try parseExpr()
        }
        try expect(")")
        let filter: Expr? = second == nil ? nil : first
        if let s = second { first = s }
        let predicate: Expr? = macro == .map ? filter : first
        if let predicate, let t = predicate.type, t != .bool {
            throw fail("the predicate of \(macro.rawValue)() must be a bool, not \(t.name)", at: predicate.offset)
        }
        let type: ExpressionType = macro == .map || macro == .filter ? .list : .bool
        let children = [range, first] + (filter.map { [$0] } ?? [])
        return try make(.comprehension(macro, range: range, variable: slot, filter: filter, body: first), at, children, type)
    }

    // MARK: primaries

    mutating func parsePrimary() throws(ExpressionError) -> Expr {
        let at = tokenOffset
        switch token {
        case .int(let magnitude):
            try advance()
            guard magnitude <= UInt64(Int64.max) else { throw fail("integer literal out of range", at: at) }
            return try make(.literal(.int(Int64(magnitude))), at, [], .int)
        case .uint(let value):
            try advance()
            return try make(.literal(.uint(value)), at, [], .uint)
        case .double(let value):
            try advance()
            return try make(.literal(.double(value)), at, [], .double)
        case .string(let value):
            try advance()
            return try make(.literal(.string(value)), at, [], .string)
        case .bytes(let value):
            try advance()
            return try make(.literal(.bytes(value)), at, [], .bytes)
        case .punct("("):
            try advance()
            let inner = try parseExpr()
            try expect(")")
            return inner
        case .punct("["):
            try advance()
            var items: [Expr] = []
            while !isPunct("]") {
                items.append(try parseExpr())
                guard isPunct(",") else { break }
                try advance()
            }
            try expect("]")
            return try make(.list(items), at, items, .list)
        case .punct("{"):
            try advance()
            var entries: [(Expr, Expr)] = []
            while !isPunct("}") {
                let key = try parseExpr()
                if let t = key.type, ![.int, .uint, .bool, .string].contains(t) {
                    throw fail("a map key must be int, uint, bool or string, not \(t.name)", at: key.offset)
                }
                try expect(":")
                entries.append((key, try parseExpr()))
                guard isPunct(",") else { break }
                try advance()
            }
            try expect("}")
            return try make(.map(entries), at, entries.flatMap { [$0.0, $0.1] }, .map)
        case .punct("."):
            // `.name` resolves in the root scope; there are no packages here, so it is `name`.
            try advance()
            guard case .ident = token else { throw unexpected() }
            return try parsePrimary()
        case .ident(let name):
            try advance()
            return try identifier(name, at)
        default:
            throw unexpected()
        }
    }

    mutating func identifier(_ name: String, _ at: Int) throws(ExpressionError) -> Expr {
        switch name {
        case "true": return try make(.literal(.bool(true)), at, [], .bool)
        case "false": return try make(.literal(.bool(false)), at, [], .bool)
        case "null": return try make(.literal(.null), at, [], .null)
        case "in": throw fail("unexpected 'in'", at: at)
        default: break
        }
        if Lexer.reserved.contains(name) { throw fail("'\(name)' is a reserved word", at: at) }
        if isPunct("(") {
            if name == "has" { return try parseHas(at) }
            if Self.macros[name] != nil { throw fail("\(name)() is called on a list or map: write xs.\(name)(x, …)", at: at) }
            let args = try parseArguments()
            return try makeCall(name, receiver: nil, args, at)
        }
        if let slot = scopes.lastIndex(of: name) {
            return try make(.ident(.local(slot)), at, [], nil)
        }
        switch name {
        case "self": return try make(.ident(.record), at, [], nil)
        case "asOf": return try make(.ident(.asOf), at, [], .date)
        case "root": return try make(.ident(.root), at, [], nil)
        case "collections": return try make(.ident(.collections), at, [], .map)
        default: return try make(.ident(.name(name, utf8: Array(name.utf8))), at, [], nil)
        }
    }

    mutating func parseHas(_ at: Int) throws(ExpressionError) -> Expr {
        let args = try parseArguments()
        guard args.count == 1, case .select(let operand, let field, let utf8, false) = args[0].kind else {
            throw fail("has() takes one field selection, e.g. has(self.owner)", at: at)
        }
        return try make(.select(operand, field: field, utf8: utf8, presence: true), at, [operand], .bool)
    }
}
