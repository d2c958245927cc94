/// Unary and binary operators. Arithmetic never mixes types (`1 + 1.0` is an error, as in CEL);
/// 64-bit integer overflow is an error, double arithmetic follows IEEE 754.
enum Operators {
    static func unary(_ op: UnaryOp, _ value: ExpressionValue) throws(ExpressionError) -> ExpressionValue {
        switch (op, value) {
        case (.not, .bool(let b)): return .bool(!b)
        case (.negate, .int(let i)):
            guard i != .min else { throw .runtime("integer overflow") }
            return .int(-i)
        case (.negate, .double(let d)): return .double(-d)
        default: throw .noOverload(op.rawValue + "_", value)
        }
    }

    static func binary(_ op: BinaryOp, _ a: ExpressionValue, _ b: ExpressionValue) throws(ExpressionError) -> ExpressionValue {
        switch op {
        case .equal: return .bool(a.celEquals(b))
        case .notEqual: return .bool(!a.celEquals(b))
        case .less: return .bool(try a.celCompare(b, op: "_<_").map { $0 < 0 } ?? false)
        case .lessEqual: return .bool(try a.celCompare(b, op: "_<=_").map { $0 <= 0 } ?? false)
        case .greater: return .bool(try a.celCompare(b, op: "_>_").map { $0 > 0 } ?? false)
        case .greaterEqual: return .bool(try a.celCompare(b, op: "_>=_").map { $0 >= 0 } ?? false)
        case .in: return try contains(b, a)
        case .add: return try add(a, b)
        case .subtract, .multiply, .divide, .remainder: return try arithmetic(op, a, b)
        }
    }

    static func contains(_ container: ExpressionValue, _ element: ExpressionValue) throws(ExpressionError) -> ExpressionValue {
        if container.isMap {
            switch element {
            case .int, .uint, .double, .bool, .string: return .bool(container.mapValue(for: element) != nil)
            default: throw .runtime("invalid map key type: \(element.typeName)")
            }
        }
        if case .node(let n) = container, n.kind == .list {
            // Scan the document list without converting it.
            for item in n.items where ExpressionValue(node: item).celEquals(element) { return .bool(true) }
            return .bool(false)
        }
        guard let items = container.listItems else { throw .noOverload("@in", element, container) }
        return .bool(items.contains { $0.celEquals(element) })
    }

    static func add(_ a: ExpressionValue, _ b: ExpressionValue) throws(ExpressionError) -> ExpressionValue {
        switch (a, b) {
        case (.int(let x), .int(let y)):
            let (r, o) = x.addingReportingOverflow(y)
            if o { throw .runtime("integer overflow") }
            return .int(r)
        case (.uint(let x), .uint(let y)):
            let (r, o) = x.addingReportingOverflow(y)
            if o { throw .runtime("unsigned integer overflow") }
            return .uint(r)
        case (.double(let x), .double(let y)): return .double(x + y)
        case (.string(let x), .string(let y)): return .string(x + y)
        case (.bytes(let x), .bytes(let y)): return .bytes(x + y)
        default:
            if let x = a.listItems, let y = b.listItems { return .list(x + y) }
            throw .noOverload("_+_", a, b)
        }
    }

    static func arithmetic(_ op: BinaryOp, _ a: ExpressionValue, _ b: ExpressionValue) throws(ExpressionError) -> ExpressionValue {
        switch (a, b) {
        case (.int(let x), .int(let y)):
            let (r, o): (Int64, Bool)
            switch op {
            case .subtract: (r, o) = x.subtractingReportingOverflow(y)
            case .multiply: (r, o) = x.multipliedReportingOverflow(by: y)
            case .divide:
                if y == 0 { throw .runtime("divide by zero") }
                (r, o) = x.dividedReportingOverflow(by: y)
            default:
                if y == 0 { throw .runtime("modulus by zero") }
                (r, o) = x.remainderReportingOverflow(dividingBy: y)
            }
            if o { throw .runtime("integer overflow") }
            return .int(r)
        case (.uint(let x), .uint(let y)):
            let (r, o): (UInt64, Bool)
            switch op {
            case .subtract: (r, o) = x.subtractingReportingOverflow(y)
            case .multiply: (r, o) = x.multipliedReportingOverflow(by: y)
            case .divide:
                if y == 0 { throw .runtime("divide by zero") }
                (r, o) = (x / y, false)
            default:
                if y == 0 { throw .runtime("modulus by zero") }
                (r, o) = (x % y, false)
            }
            if o { throw .runtime("unsigned integer overflow") }
            return .uint(r)
        case (.double(let x), .double(let y)) where op != .remainder:
            switch op {
            case .subtract: return .double(x - y)
            case .multiply: return .double(x * y)
            default: return .double(x / y)
            }
        default:
            throw .noOverload("_\(op.rawValue)_", a, b)
        }
    }
}
