/// CEL equality and ordering.
///
/// Equality is heterogeneous: values of different types are unequal (not an error), except that
/// int, uint and double compare by numeric value; NaN equals nothing. Ordering is defined within
/// bool, string, bytes and date, and across the numeric types.
extension ExpressionValue {
    func celEquals(_ other: ExpressionValue) -> Bool {
        switch (self, other) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.string(let a), .string(let b)): return a.utf8.elementsEqual(b.utf8)
        case (.bytes(let a), .bytes(let b)): return a == b
        case (.date(let a), .date(let b)): return a == b
        case (.type(let a), .type(let b)): return a == b
        case (.int, _), (.uint, _), (.double, _):
            return Self.compareNumbers(self, other) == 0
        case (.node(let a), .node(let b)) where a.document === b.document && a.index == b.index:
            return true
        default:
            break
        }
        if let a = listItems, let b = other.listItems {
            return a.count == b.count && zip(a, b).allSatisfy { $0.celEquals($1) }
        }
        if isMap, other.isMap {
            let a = mapEntries, b = other.mapEntries
            guard a.count == b.count else { return false }
            for (key, value) in a {
                guard let theirs = other.mapValue(for: key), theirs.celEquals(value) else { return false }
            }
            return true
        }
        return false
    }

    /// -1, 0 or 1 for two numbers; nil when either is not a number or a NaN is involved.
    static func compareNumbers(_ a: ExpressionValue, _ b: ExpressionValue) -> Int? {
        switch (a, b) {
        case (.int(let x), .int(let y)): return x < y ? -1 : (x == y ? 0 : 1)
        case (.uint(let x), .uint(let y)): return x < y ? -1 : (x == y ? 0 : 1)
        case (.double(let x), .double(let y)):
            if x.isNaN || y.isNaN { return nil }
            return x < y ? -1 : (x == y ? 0 : 1)
        case (.int(let x), .uint(let y)):
            if x < 0 { return -1 }
            return compareNumbers(.uint(UInt64(x)), .uint(y))
        case (.uint, .int):
            return compareNumbers(b, a).map { -$0 }
        case (.int(let x), .double(let y)): return compareInt(x, y)
        case (.double, .int): return compareNumbers(b, a).map { -$0 }
        case (.uint(let x), .double(let y)):
            if y.isNaN { return nil }
            if y < 0 { return 1 }
            if y >= 18_446_744_073_709_551_616.0 { return -1 }
            let t = y.rounded(.down)
            let ty = UInt64(t)
            if x != ty { return x < ty ? -1 : 1 }
            return t == y ? 0 : -1
        case (.double, .uint): return compareNumbers(b, a).map { -$0 }
        default: return nil
        }
    }

    /// Exact comparison of an int with a double (no rounding of large ints through Double).
    private static func compareInt(_ x: Int64, _ y: Double) -> Int? {
        if y.isNaN { return nil }
        if y >= 9_223_372_036_854_775_808.0 { return -1 }
        if y < -9_223_372_036_854_775_808.0 { return 1 }
        let t = y.rounded(.down)
        let ty = Int64(t)
        if x != ty { return x < ty ? -1 : 1 }
        return t == y ? 0 : -1
    }

    var isNumber: Bool {
        switch self {
        case .int, .uint, .double: true
        default: false
        }
    }

    /// Ordering for `<`, `<=`, `>`, `>=`; nil for NaN comparisons (all false); throws when the
    /// types are not ordered against each other.
    func celCompare(_ other: ExpressionValue, op: String) throws(ExpressionError) -> Int? {
        switch (self, other) {
        case (.bool(let a), .bool(let b)): return a == b ? 0 : (a ? 1 : -1)
        case (.string(let a), .string(let b)):
            // UTF-8 byte order is code point order.
            if a.utf8.elementsEqual(b.utf8) { return 0 }
            return a.utf8.lexicographicallyPrecedes(b.utf8) ? -1 : 1
        case (.bytes(let a), .bytes(let b)):
            if a == b { return 0 }
            return a.lexicographicallyPrecedes(b) ? -1 : 1
        case (.date(let a), .date(let b)): return a == b ? 0 : (a < b ? -1 : 1)
        default:
            if isNumber, other.isNumber { return Self.compareNumbers(self, other) }
            throw .noOverload(op, self, other)
        }
    }

    // MARK: maps (literal or document)

    /// (key, value) pairs of a map value, in order.
    var mapEntries: [(ExpressionValue, ExpressionValue)] {
        switch self {
        case .map(let m): return Array(zip(m.keys, m.values))
        case .node(let n) where n.kind == .map:
            return zip(n.keys, n.values).map { (ExpressionValue(node: $0), ExpressionValue(node: $1)) }
        default: return []
        }
    }

    var mapKeys: [ExpressionValue] {
        switch self {
        case .map(let m): m.keys
        case .node(let n) where n.kind == .map: n.keys.map(ExpressionValue.init(node:))
        default: []
        }
    }

    /// The value stored under `key`, or nil when absent.
    func mapValue(for key: ExpressionValue) -> ExpressionValue? {
        switch self {
        case .map(let m): return m.value(for: key)
        case .node(let n):
            guard case .string(var s) = key else {
                // Document keys are strings except for unusual YAML; compare by value then.
                for (k, v) in zip(n.keys, n.values) where ExpressionValue(node: k).celEquals(key) {
                    return ExpressionValue(node: v)
                }
                return nil
            }
            return s.withUTF8 { n.value(forKeyBytes: $0) }.map(ExpressionValue.init(node:))
        default: return nil
        }
    }
}
