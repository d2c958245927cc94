/// Walks a compiled tree for one record. Recursion depth is bounded by the tree height, which
/// the parser limits (`ExpressionLimits.maxDepth`).
struct Evaluator {
    let record: Node?
    let context: ExpressionContext
    /// Macro variables, one slot per nesting level of comprehensions.
    var locals: [ExpressionValue]

    init(record: Node?, context: ExpressionContext, localCount: Int) {
        self.record = record
        self.context = context
        self.locals = localCount == 0 ? [] : Array(repeating: .null, count: localCount)
    }

    mutating func eval(_ expr: Expr) throws(ExpressionError) -> ExpressionValue {
        switch expr.kind {
        case .literal(let value):
            return value
        case .ident(let identifier):
            return try resolve(identifier)
        case .select(let operand, let field, let utf8, let presence):
            return try select(try eval(operand), field, utf8, presence: presence)
        case .index(let operand, let index):
            return try self.index(try eval(operand), try eval(index))
        case .call(let builtin, let args):
            var values: [ExpressionValue] = []
            values.reserveCapacity(args.count)
            for arg in args { values.append(try eval(arg)) }
            return try Functions.call(builtin, values, context: context)
        case .match(let operand, let regex):
            let value = try eval(operand)
            guard case .string(let s) = value else { throw .noOverload("matches", value, .string(regex.pattern)) }
            return .bool(regex.matches(s))
        case .list(let items):
            var values: [ExpressionValue] = []
            values.reserveCapacity(items.count)
            for item in items { values.append(try eval(item)) }
            return .list(values)
        case .map(let entries):
            var map = ExpressionMap()
            for (key, value) in entries { try map.insert(try eval(key), try eval(value)) }
            return .map(map)
        case .unary(let op, let operand):
            return try Operators.unary(op, try eval(operand))
        case .binary(let op, let lhs, let rhs):
            return try Operators.binary(op, try eval(lhs), try eval(rhs))
        case .and(let lhs, let rhs):
            return try logical(lhs, rhs, absorbing: false)
        case .or(let lhs, let rhs):
            return try logical(lhs, rhs, absorbing: true)
        case .conditional(let condition, let then, let otherwise):
            let c = try eval(condition)
            guard case .bool(let b) = c else { throw .runtime("no matching overload for ?: with a \(c.typeName) condition") }
            return try eval(b ? then : otherwise)
        case .comprehension(let macro, let range, let slot, let filter, let body):
            return try comprehension(macro, try eval(range), slot, filter, body)
        }
    }

    // MARK: names and fields

    func resolve(_ identifier: Identifier) throws(ExpressionError) -> ExpressionValue {
        switch identifier {
        case .local(let slot): return locals[slot]
        case .record: return record.map(ExpressionValue.init(node:)) ?? .null
        case .asOf: return .date(context.asOf)
        case .root: return context.root.map(ExpressionValue.init(node:)) ?? .null
        case .collections: return context.collectionsValue
        case .name(let name, let utf8):
            if !context.variables.isEmpty, let value = context.variables[name] { return value }
            if let record, record.kind == .map,
               let node = utf8.withUnsafeBufferPointer({ record.value(forKeyBytes: $0) }) {
                return ExpressionValue(node: node)
            }
            if let type = ExpressionType.byName[name] { return .type(type) }
            if let record, record.kind == .map { throw .runtime("no such field '\(name)' in the record") }
            throw .runtime("undeclared reference to '\(name)'")
        }
    }

    func select(_ value: ExpressionValue, _ field: String, _ utf8: [UInt8], presence: Bool) throws(ExpressionError) -> ExpressionValue {
        switch value {
        case .node(let n) where n.kind == .map:
            let found = utf8.withUnsafeBufferPointer { n.value(forKeyBytes: $0) }
            if presence { return .bool(found != nil) }
            guard let found else { throw .runtime("no such key: '\(field)'") }
            return ExpressionValue(node: found)
        case .map(let m):
            let found = m.value(for: .string(field))
            if presence { return .bool(found != nil) }
            guard let found else { throw .runtime("no such key: '\(field)'") }
            return found
        default:
            throw .runtime("cannot select field '\(field)' of a \(value.typeName)")
        }
    }

    func index(_ container: ExpressionValue, _ key: ExpressionValue) throws(ExpressionError) -> ExpressionValue {
        if container.isMap {
            guard let found = container.mapValue(for: key) else { throw .runtime("no such key: \(key.celLiteral)") }
            return found
        }
        let position: Int64
        switch key {
        case .int(let i): position = i
        case .uint(let u): position = u > UInt64(Int64.max) ? Int64.max : Int64(u)
        case .double(let d) where d == d.rounded(.towardZero) && abs(d) < 9.2e18: position = Int64(d)
        default:
            guard container.listItems != nil else { throw .noOverload("_[_]", container, key) }
            throw .runtime("a list index must be an integer, not \(key.typeName) \(key.celLiteral)")
        }
        switch container {
        case .list(let items):
            guard position >= 0, position < items.count else { throw .runtime("index \(position) out of range (size \(items.count))") }
            return items[Int(position)]
        case .node(let n) where n.kind == .list:
            guard position >= 0, position < n.count, let item = n[Int(position)] else {
                throw .runtime("index \(position) out of range (size \(n.count))")
            }
            return ExpressionValue(node: item)
        default:
            throw .noOverload("_[_]", container, key)
        }
    }

    // MARK: logic

    /// `&&` (absorbing = false) and `||` (absorbing = true) with CEL's commutative error
    /// handling: the deciding value (false for &&, true for ||) wins over an error on either side.
    mutating func logical(_ lhs: Expr, _ rhs: Expr, absorbing: Bool) throws(ExpressionError) -> ExpressionValue {
        let op = absorbing ? "||" : "&&"
        var leftError: ExpressionError?
        do {
            let l = try eval(lhs)
            if case .bool(let b) = l {
                if b == absorbing { return .bool(absorbing) }
            } else {
                leftError = .noOverload(op, l)
            }
        } catch {
            leftError = error
        }
        let r: ExpressionValue
        do {
            r = try eval(rhs)
        } catch {
            throw leftError ?? error
        }
        guard case .bool(let b) = r else { throw leftError ?? .noOverload(op, r) }
        if b == absorbing { return .bool(absorbing) }
        if let leftError { throw leftError }
        return .bool(!absorbing)
    }

    // MARK: macros

    mutating func comprehension(_ macro: MacroKind, _ range: ExpressionValue, _ slot: Int,
                                _ filter: Expr?, _ body: Expr) throws(ExpressionError) -> ExpressionValue {
        let elements: [ExpressionValue]
        if let items = range.listItems {
            elements = items
        } else if range.isMap {
            elements = range.mapKeys
        } else {
            throw .runtime("\(macro.rawValue)() applies to a list or a map, not \(range.typeName)")
        }
        switch macro {
        case .all, .exists:
            let deciding = macro == .exists
            var firstError: ExpressionError?
            for element in elements {
                locals[slot] = element
                do {
                    let v = try eval(body)
                    guard case .bool(let b) = v else {
                        firstError = firstError ?? .noOverload(deciding ? "||" : "&&", v)
                        continue
                    }
                    if b == deciding { return .bool(deciding) }
                } catch {
                    firstError = firstError ?? error
                }
            }
            if let firstError { throw firstError }
            return .bool(!deciding)
        case .existsOne:
            var count = 0
            for element in elements {
                locals[slot] = element
                let v = try eval(body)
                guard case .bool(let b) = v else { throw .noOverload("exists_one", v) }
                if b { count += 1 }
            }
            return .bool(count == 1)
        case .map, .filter:
            var out: [ExpressionValue] = []
            for element in elements {
                locals[slot] = element
                if let predicate = macro == .filter ? body : filter {
                    let keep = try eval(predicate)
                    guard case .bool(let b) = keep else { throw .noOverload(macro.rawValue, keep) }
                    if !b { continue }
                }
                out.append(macro == .filter ? element : try eval(body))
            }
            return .list(out)
        }
    }
}
