/// The function extensions of §2.4: length, count, value (ValueType results) and match, search
/// (LogicalType results, using the linear-time I-Regexp engine).
extension PathEvaluator {
    func valueFunction(_ call: FunctionCall, current: Int32) -> FilterValue {
        switch call.function {
        case .length:
            guard case .value(let argument) = call.arguments[0] else { return .nothing }
            let v = value(argument, current: current)
            if let bytes = stringBytes(v) {
                // Unicode scalar values: every byte that does not continue a sequence starts one.
                var n: Int64 = 0
                for b in bytes where b & 0xC0 != 0x80 { n += 1 }
                return .integer(n)
            }
            if case .node(let node) = v, view.kind(node) == .list || view.kind(node) == .map {
                return .integer(Int64(view.count(node)))
            }
            return .nothing
        case .count:
            guard case .nodes(let query) = call.arguments[0] else { return .nothing }
            if query.isSingular { return .integer(singular(query, current: current) >= 0 ? 1 : 0) }
            return .integer(Int64(nodes(query, current: current).count))
        case .value:
            guard case .nodes(let query) = call.arguments[0] else { return .nothing }
            if query.isSingular {
                let n = singular(query, current: current)
                return n >= 0 ? .node(n) : .nothing
            }
            let list = nodes(query, current: current)
            return list.count == 1 ? .node(list[0].node) : .nothing
        case .match, .search:
            return .nothing // LogicalType: not reached, the parser rejects them as values
        }
    }

    func logical(_ call: FunctionCall, current: Int32) -> Bool {
        switch call.function {
        case .match, .search:
            guard case .value(let a) = call.arguments[0], case .value(let b) = call.arguments[1],
                  let subject = stringBytes(value(a, current: current)) else { return false }
            let regex: IRegexp?
            if let constant = call.constantPattern {
                regex = constant
            } else {
                guard let pattern = stringBytes(value(b, current: current)) else { return false }
                regex = patterns.regex(for: pattern)
            }
            guard let regex else { return false } // not an I-Regexp: LogicalFalse (§2.4.6)
            return call.function == .match ? regex.matchesWhole(subject) : regex.containsMatch(subject)
        case .length, .count, .value:
            return false // ValueType: not reached, the parser rejects them as tests
        }
    }
}
