/// Filter expressions (§2.3.5) with the type rules of §2.4.3 applied as they are parsed:
/// a literal must be compared, a compared query must be singular, a function's result type must
/// fit where it is used, and each argument must fit its parameter.
extension JSONPathParser {
    /// `logical-or-expr = logical-and-expr *(S "||" S logical-and-expr)`.
    mutating func parseLogicalOr() throws(JSONPathError) -> FilterExpression {
        try enter()
        defer { nesting -= 1 }
        var terms = [try parseLogicalAnd()]
        while true {
            let save = i
            skipBlank()
            guard peekIs("|"), peekIs("|", 1) else {
                i = save
                break
            }
            i += 2
            skipBlank()
            terms.append(try parseLogicalAnd())
        }
        return terms.count == 1 ? terms[0] : .or(terms)
    }

    private mutating func enter() throws(JSONPathError) {
        nesting += 1
        if nesting > Self.maxNesting {
            throw fail("the path nests filters, parentheses or functions more than \(Self.maxNesting) levels deep")
        }
    }

    private mutating func parseLogicalAnd() throws(JSONPathError) -> FilterExpression {
        var terms = [try parseBasic()]
        while true {
            let save = i
            skipBlank()
            guard peekIs("&"), peekIs("&", 1) else {
                i = save
                break
            }
            i += 2
            skipBlank()
            terms.append(try parseBasic())
        }
        return terms.count == 1 ? terms[0] : .and(terms)
    }

    /// `basic-expr = paren-expr / comparison-expr / test-expr`.
    private mutating func parseBasic() throws(JSONPathError) -> FilterExpression {
        guard let c = peek() else { throw fail("expected a filter expression") }
        if c == "!" && !peekIs("=", 1) {
            i += 1
            skipBlank()
            let operand: FilterExpression
            if peekIs("(") {
                operand = try parseParenthesized()
            } else {
                let start = i
                guard let test = try parseTestOrComparable() else {
                    throw fail("`!` must be followed by a query, a function or a parenthesized expression", at: start)
                }
                switch test {
                case .query(let q): operand = .exists(q)
                case .function(let f):
                    guard f.function.result != .value else { throw mustCompare(f, at: start) }
                    operand = .test(f)
                case .literal: throw fail("a literal cannot be negated; compare it instead", at: start)
                }
            }
            try rejectComparison(after: "a negated expression")
            return .not(operand)
        }
        if c == "(" {
            let e = try parseParenthesized()
            try rejectComparison(after: "a parenthesized expression")
            return e
        }
        let start = i
        guard let left = try parseTestOrComparable() else {
            throw fail("expected a query (@… or $…), a function, a literal or `(`, found \(found)")
        }
        let save = i
        skipBlank()
        if let op = comparisonOperator() {
            let lhs = try comparable(left, at: start)
            skipBlank()
            let rightStart = i
            guard let right = try parseTestOrComparable() else {
                throw fail("expected a literal, a singular query or a function after the comparison operator, found \(found)")
            }
            return .compare(lhs, op, try comparable(right, at: rightStart))
        }
        i = save
        switch left {
        case .query(let q): return .exists(q)
        case .function(let f):
            guard f.function.result != .value else { throw mustCompare(f, at: start) }
            return .test(f)
        case .literal:
            throw fail("a literal must be compared with something (e.g. @.status == 'done')", at: start)
        }
    }

    private func mustCompare(_ f: FunctionCall, at offset: Int) -> JSONPathError {
        fail("the result of \(f.function.rawValue)() is a value and must be compared (e.g. \(f.function.rawValue)(…) > 0)", at: offset)
    }

    /// `paren-expr` body.
    private mutating func parseParenthesized() throws(JSONPathError) -> FilterExpression {
        let open = i
        i += 1
        skipBlank()
        let e = try parseLogicalOr()
        skipBlank()
        guard peekIs(")") else {
            throw atEnd ? fail("unclosed `(`", at: open) : fail("expected `)`, found \(found)")
        }
        i += 1
        return e
    }

    /// A clear error when a comparison operator follows something that cannot be compared.
    private mutating func rejectComparison(after what: String) throws(JSONPathError) {
        let save = i
        skipBlank()
        let at = i
        if comparisonOperator() != nil {
            throw fail("\(what) cannot be compared; only literals, singular queries and value functions can", at: at)
        }
        i = save
    }

    /// A comparison operator at the cursor (consumed), or nil.
    private mutating func comparisonOperator() -> ComparisonOperator? {
        guard let c = peek() else { return nil }
        let eq = peekIs("=", 1)
        switch c {
        case "=" where eq: i += 2; return .equal
        case "!" where eq: i += 2; return .notEqual
        case "<" where eq: i += 2; return .lessOrEqual
        case ">" where eq: i += 2; return .greaterOrEqual
        case "<": i += 1; return .less
        case ">": i += 1; return .greater
        default: return nil
        }
    }

    /// A query, function call or literal at the cursor; nil when none starts here.
    private mutating func parseTestOrComparable() throws(JSONPathError) -> FilterComparable? {
        guard let c = peek() else { return nil }
        switch c {
        case "@", "$":
            return .query(try parseFilterQuery())
        case "'", "\"":
            return .literal(.string(try stringLiteral()))
        case "-", "0"..."9":
            return .literal(try numberLiteral())
        case "a"..."z":
            let start = i
            var name = ""
            while let n = peek(), (n >= "a" && n <= "z") || n == "_" || Self.isDigit(n) {
                name.unicodeScalars.append(n)
                i += 1
            }
            if peekIs("(") { return .function(try parseFunction(name, at: start)) }
            switch name {
            case "true": return .literal(.bool(true))
            case "false": return .literal(.bool(false))
            case "null": return .literal(.null)
            default:
                if let n = peek(), Self.isBlank(n), PathFunction(rawValue: name) != nil {
                    throw fail("no space is allowed between a function name and `(`")
                }
                throw fail("unknown name `\(name)`: expected true, false, null or a function call", at: start)
            }
        default:
            return nil
        }
    }

    /// `@` or `$` followed by segments.
    private mutating func parseFilterQuery() throws(JSONPathError) -> PathQuery {
        let absolute = peekIs("$")
        i += 1
        return PathQuery(segments: try parseSegments(), isAbsolute: absolute)
    }

    private func comparable(_ c: FilterComparable, at offset: Int) throws(JSONPathError) -> FilterComparable {
        switch c {
        case .literal: return c
        case .query(let q):
            guard q.isSingular else {
                throw fail("a query in a comparison must be singular (only .name, ['name'] and [index] segments); it may select several nodes", at: offset)
            }
            return c
        case .function(let f):
            guard f.function.result == .value else {
                throw fail("the result of \(f.function.rawValue)() is a logical value and cannot be compared; use it alone as the test", at: offset)
            }
            return c
        }
    }

    /// `function-expr` after its name (the cursor is on `(`).
    private mutating func parseFunction(_ name: String, at start: Int) throws(JSONPathError) -> FunctionCall {
        guard let function = PathFunction(rawValue: name) else {
            throw fail("unknown function \(name)(); the functions are length, count, match, search and value", at: start)
        }
        try enter()
        defer { nesting -= 1 }
        i += 1
        skipBlank()
        let parameters = function.parameters
        var arguments: [FunctionArgument] = []
        if !peekIs(")") {
            while true {
                guard arguments.count < parameters.count else {
                    throw fail("\(name)() takes \(parameters.count) argument\(parameters.count == 1 ? "" : "s"), found more", at: i)
                }
                arguments.append(try parseArgument(for: parameters[arguments.count], of: name))
                skipBlank()
                if peekIs(",") {
                    i += 1
                    skipBlank()
                    continue
                }
                guard peekIs(")") else {
                    throw fail("expected `,` or `)` in the arguments of \(name)(), found \(found)")
                }
                break
            }
        }
        i += 1
        guard arguments.count == parameters.count else {
            throw fail("\(name)() takes \(parameters.count) argument\(parameters.count == 1 ? "" : "s"), found \(arguments.count)", at: start)
        }
        var call = FunctionCall(function: function, arguments: arguments)
        if function == .match || function == .search, case .value(.literal(.string(let pattern))) = arguments[1] {
            call.constantPattern = .some(IRegexp(String(decoding: pattern, as: UTF8.self)))
        }
        return call
    }

    private mutating func parseArgument(for parameter: PathFunction.ResultType, of name: String) throws(JSONPathError) -> FunctionArgument {
        let start = i
        switch parameter {
        case .logical:
            return .logical(try parseLogicalOr())
        case .value:
            guard let c = try parseTestOrComparable() else {
                throw fail("\(name)() expects a value here (a literal, a singular query or a function), found \(found)")
            }
            if case .query(let q) = c, !q.isSingular {
                throw fail("\(name)() takes a single value: its query argument must be singular (only .name, ['name'] and [index] segments)", at: start)
            }
            if case .function(let f) = c, f.function.result != .value {
                throw fail("\(name)() expects a value, but \(f.function.rawValue)() returns a logical result", at: start)
            }
            return .value(c)
        case .nodes:
            guard let c = try parseTestOrComparable() else {
                throw fail("\(name)() expects a query (@… or $…), found \(found)")
            }
            guard case .query(let q) = c else {
                throw fail("\(name)() expects a query (@… or $…), not a literal or a value function", at: start)
            }
            return .nodes(q)
        }
    }
}
