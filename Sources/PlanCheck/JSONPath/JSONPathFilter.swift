/// Filter evaluation (§2.3.5.2): logical operators, existence tests and comparisons.

/// A comparable's value: a document node, a literal, a function result, or Nothing (an empty
/// singular query or a function without a result).
enum FilterValue {
    case nothing
    case node(Int32)
    case integer(Int64)
    case double(Double)
    case string([UInt8])
    case bool(Bool)
    case null

    init(_ literal: LiteralValue) {
        switch literal {
        case .integer(let v): self = .integer(v)
        case .double(let v): self = .double(v)
        case .string(let v): self = .string(v)
        case .bool(let v): self = .bool(v)
        case .null: self = .null
        }
    }
}

/// A number from either side of a comparison, compared exactly (an integer beyond 2^53 is not
/// rounded to a double before comparing).
enum ExactNumber {
    case integer(Int64)
    case double(Double)

    /// -1, 0, 1, or nil when either side is NaN.
    static func compare(_ a: ExactNumber, _ b: ExactNumber) -> Int? {
        switch (a, b) {
        case (.integer(let x), .integer(let y)): return x < y ? -1 : (x == y ? 0 : 1)
        case (.double(let x), .double(let y)):
            if x.isNaN || y.isNaN { return nil }
            return x < y ? -1 : (x == y ? 0 : 1)
        case (.integer(let x), .double(let y)):
            return compare(y, x).map { -$0 }
        case (.double(let x), .integer(let y)):
            return compare(x, y)
        }
    }

    private static func compare(_ d: Double, _ i: Int64) -> Int? {
        if d.isNaN { return nil }
        if d >= 9_223_372_036_854_775_808.0 { return 1 }
        if d < -9_223_372_036_854_775_808.0 { return -1 }
        let whole = d.rounded(.towardZero)
        let w = Int64(whole)
        if w != i { return w < i ? -1 : 1 }
        let fraction = d - whole
        return fraction > 0 ? 1 : (fraction < 0 ? -1 : 0)
    }
}

extension PathEvaluator {
    /// Whether `expression` holds for the filter's current node.
    func test(_ expression: FilterExpression, current: Int32) -> Bool {
        switch expression {
        case .or(let terms):
            for term in terms where test(term, current: current) { return true }
            return false
        case .and(let terms):
            for term in terms where !test(term, current: current) { return false }
            return true
        case .not(let operand):
            return !test(operand, current: current)
        case .exists(let query):
            return exists(query, current: current)
        case .compare(let left, let op, let right):
            let a = value(left, current: current), b = value(right, current: current)
            switch op {
            case .equal: return equal(a, b)
            case .notEqual: return !equal(a, b)
            case .less: return less(a, b)
            case .lessOrEqual: return less(a, b) || equal(a, b)
            case .greater: return less(b, a)
            case .greaterOrEqual: return less(b, a) || equal(a, b)
            }
        case .test(let call):
            return logical(call, current: current)
        }
    }

    func value(_ comparable: FilterComparable, current: Int32) -> FilterValue {
        switch comparable {
        case .literal(let literal): return FilterValue(literal)
        case .query(let query):
            let n = singular(query, current: current)
            return n >= 0 ? .node(n) : .nothing
        case .function(let call): return valueFunction(call, current: current)
        }
    }

    // MARK: comparison (§2.3.5.2.2)

    private enum Shape { case nothing, null, bool, number, string, list, map }

    private func shape(_ v: FilterValue) -> Shape {
        switch v {
        case .nothing: .nothing
        case .null: .null
        case .bool: .bool
        case .integer, .double: .number
        case .string: .string
        case .node(let n):
            switch view.kind(n) {
            case .null: .null
            case .bool: .bool
            case .integer, .double: .number
            case .string: .string
            case .list: .list
            case .map: .map
            }
        }
    }

    private func number(_ v: FilterValue) -> ExactNumber? {
        switch v {
        case .integer(let i): return .integer(i)
        case .double(let d): return .double(d)
        case .node(let n):
            switch view.kind(n) {
            case .integer: return .integer(view.number(n))
            case .double: return .double(Double(bitPattern: UInt64(bitPattern: view.number(n))))
            default: return nil
            }
        default: return nil
        }
    }

    /// The UTF-8 bytes of a string value (comparing them bytewise orders by code point).
    func stringBytes(_ v: FilterValue) -> ArraySlice<UInt8>? {
        switch v {
        case .string(let s): return s[...]
        case .node(let n) where view.kind(n) == .string: return view.bytes[view.stringRange(n)]
        default: return nil
        }
    }

    private func boolValue(_ v: FilterValue) -> Bool? {
        switch v {
        case .bool(let b): return b
        case .node(let n) where view.kind(n) == .bool: return view.payloads[Int(n)] != 0
        default: return nil
        }
    }

    func equal(_ a: FilterValue, _ b: FilterValue) -> Bool {
        let sa = shape(a), sb = shape(b)
        guard sa == sb else { return false }
        switch sa {
        case .nothing, .null: return true
        case .bool: return boolValue(a) == boolValue(b)
        case .number: return ExactNumber.compare(number(a)!, number(b)!) == 0
        case .string: return stringBytes(a)!.elementsEqual(stringBytes(b)!)
        case .list, .map:
            guard case .node(let x) = a, case .node(let y) = b else { return false }
            return NodeEquality.equal(x, in: view, y, in: view)
        }
    }

    func less(_ a: FilterValue, _ b: FilterValue) -> Bool {
        let sa = shape(a), sb = shape(b)
        guard sa == sb else { return false }
        switch sa {
        case .number: return ExactNumber.compare(number(a)!, number(b)!) == -1
        case .string: return stringBytes(a)!.lexicographicallyPrecedes(stringBytes(b)!)
        default: return false
        }
    }
}

/// Deep equality of JSON values (§2.3.5.2.2: arrays element-wise, objects by member set),
/// iterative so deeply nested documents cannot exhaust the stack.
enum NodeEquality {
    static func equal(_ a: Int32, in va: DocumentView, _ b: Int32, in vb: DocumentView) -> Bool {
        var stack = [(a, b)]
        while let (x, y) = stack.popLast() {
            let kx = va.kind(x), ky = vb.kind(y)
            switch (kx, ky) {
            case (.integer, .integer), (.integer, .double), (.double, .integer), (.double, .double):
                let nx: ExactNumber = kx == .integer ? .integer(va.number(x)) : .double(Double(bitPattern: UInt64(bitPattern: va.number(x))))
                let ny: ExactNumber = ky == .integer ? .integer(vb.number(y)) : .double(Double(bitPattern: UInt64(bitPattern: vb.number(y))))
                if ExactNumber.compare(nx, ny) != 0 { return false }
            case _ where kx != ky:
                return false
            case (.null, _):
                break
            case (.bool, _):
                if va.payloads[Int(x)] != vb.payloads[Int(y)] { return false }
            case (.string, _):
                if !va.bytes[va.stringRange(x)].elementsEqual(vb.bytes[vb.stringRange(y)]) { return false }
            case (.list, _):
                let c = va.count(x)
                guard c == vb.count(y) else { return false }
                let fx = va.firstChild(x), fy = vb.firstChild(y)
                for k in 0..<c { stack.append((va.children[fx + k], vb.children[fy + k])) }
            case (.map, _):
                let c = va.count(x)
                guard c == vb.count(y) else { return false }
                let fx = va.firstChild(x)
                for k in 0..<c {
                    let key = va.children[fx + 2 * k]
                    let other = vb.member(y, Array(va.bytes[va.stringRange(key)]))
                    if other < 0 { return false }
                    stack.append((va.children[fx + 2 * k + 1], other))
                }
            default:
                return false
            }
        }
        return true
    }
}

extension Node {
    /// Structural (JSON) equality: numbers by value, maps regardless of member order.
    func structurallyEquals(_ other: Node) -> Bool {
        NodeEquality.equal(index, in: DocumentView(document), other.index, in: DocumentView(other.document))
    }
}
