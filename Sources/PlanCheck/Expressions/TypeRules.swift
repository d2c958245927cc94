/// Static typing of operators: rejects, at load time, operand types that no overload accepts
/// (`1 + 'a'`, `true < 1`), and infers result types where they are known. Unknown (dynamic)
/// operands always pass; the evaluator decides then.
enum TypeRules {
    static let numbers: Set<ExpressionType> = [.int, .uint, .double]

    static func binary(_ op: BinaryOp, _ lhs: Expr, _ rhs: Expr, at offset: Int) throws(ExpressionError) -> ExpressionType? {
        let a = lhs.type, b = rhs.type
        func fail() -> ExpressionError {
            ExpressionError(message: "no matching overload for \(a?.name ?? "dyn") \(op.rawValue) \(b?.name ?? "dyn")", offset: offset)
        }
        switch op {
        case .equal, .notEqual:
            return .bool
        case .less, .lessEqual, .greater, .greaterEqual:
            if let a, let b {
                let ordered: Set<ExpressionType> = [.bool, .string, .bytes, .date]
                let ok = (numbers.contains(a) && numbers.contains(b)) || (a == b && ordered.contains(a))
                if !ok { throw fail() }
            } else if let t = a ?? b, !numbers.contains(t), ![.bool, .string, .bytes, .date].contains(t) {
                throw fail()
            }
            return .bool
        case .in:
            if let b, b != .list, b != .map { throw fail() }
            return .bool
        case .add:
            if let a, let b {
                guard a == b, [.int, .uint, .double, .string, .bytes, .list].contains(a) else { throw fail() }
                return a
            }
            if let t = a ?? b, ![.int, .uint, .double, .string, .bytes, .list].contains(t) { throw fail() }
            return a ?? b
        case .subtract, .multiply, .divide:
            if let a, let b {
                guard a == b, numbers.contains(a) else { throw fail() }
                return a
            }
            if let t = a ?? b, !numbers.contains(t) { throw fail() }
            return a ?? b
        case .remainder:
            if let a, let b {
                guard a == b, a == .int || a == .uint else { throw fail() }
                return a
            }
            if let t = a ?? b, t != .int, t != .uint { throw fail() }
            return a ?? b
        }
    }
}
