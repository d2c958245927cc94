/// Runtime implementations of the builtin functions.
enum Functions {
    static func call(_ builtin: Builtin, _ args: [ExpressionValue], context: ExpressionContext) throws(ExpressionError) -> ExpressionValue {
        let a = args[0]
        switch builtin {
        case .size:
            switch a {
            case .string(let s): return .int(Int64(s.unicodeScalars.count))
            case .bytes(let b): return .int(Int64(b.count))
            case .list(let l): return .int(Int64(l.count))
            case .map(let m): return .int(Int64(m.count))
            case .node(let n): return .int(Int64(n.count))
            default: throw .noOverload("size", a)
            }
        case .contains, .startsWith, .endsWith:
            guard case .string(let s) = a, case .string(let t) = args[1] else { throw .noOverload(builtin.rawValue, a, args[1]) }
            // Compared as UTF-8 bytes: CEL does not normalize, and a UTF-8 match is always
            // aligned on code point boundaries.
            let x = Array(s.utf8), y = Array(t.utf8)
            switch builtin {
            case .startsWith: return .bool(x.starts(with: y))
            case .endsWith: return .bool(x.reversed().starts(with: y.reversed()))
            default: return .bool(y.isEmpty || x.firstRange(of: y) != nil)
            }
        case .matches:
            guard case .string(let s) = a, case .string(let pattern) = args[1] else { throw .noOverload("matches", a, args[1]) }
            do {
                return .bool(try Regex(pattern).matches(s))
            } catch {
                throw .runtime("invalid regular expression: \(error.message)")
            }
        case .int: return try Conversions.toInt(a)
        case .uint: return try Conversions.toUInt(a)
        case .double: return try Conversions.toDouble(a)
        case .string:
            switch a {
            case .null, .list, .map, .node, .type: throw .noOverload("string", a)
            default:
                guard let s = a.convertedToString else { throw .runtime("invalid UTF-8 in bytes converted to string") }
                return .string(s)
            }
        case .bool: return try Conversions.toBool(a)
        case .bytes:
            switch a {
            case .bytes: return a
            case .string(let s): return .bytes(Array(s.utf8))
            default: throw .noOverload("bytes", a)
            }
        case .type: return .type(a.type)
        case .dyn: return a
        case .date: return .date(try date(a, context))
        case .days: return .int(Int64(try date(a, context).days(to: try date(args[1], context))))
        case .quantity:
            switch a {
            case .int(let i): return .double(Double(i))
            case .uint(let u): return .double(Double(u))
            case .double: return a
            case .string(let s):
                guard let q = PlanQuantity.parse(s)?.value else { throw .runtime("cannot read '\(s)' as a quantity") }
                return .double(q)
            default: throw .noOverload("quantity", a)
            }
        case .greatest, .least, .abs, .sign, .sqrt, .pow, .ceil, .floor, .round, .trunc, .isNaN, .isInf, .isFinite:
            return try MathFunctions.call(builtin, args)
        case .getFullYear, .getMonth, .getDate, .getDayOfMonth, .getDayOfWeek, .getDayOfYear:
            guard case .date(let d) = a, let part = DateParts.part(builtin, of: d) else { throw .noOverload(builtin.rawValue, a) }
            return .int(Int64(part))
        }
    }

    /// A date from a date value or from text as plans write it (through the deadline parser;
    /// for a span such as `2011年6月底` the date is its end, the deadline).
    static func date(_ value: ExpressionValue, _ context: ExpressionContext) throws(ExpressionError) -> PlanDate {
        switch value {
        case .date(let d): return d
        case .string(let s):
            switch DeadlineParser.parse(s, planPeriod: context.planPeriod) {
            case .interval(let interval): return interval.end
            case .noFixedDeadline: throw .runtime("'\(s)' has no fixed date")
            case .ambiguous(let reason): throw .runtime("'\(s)' is ambiguous: \(reason)")
            case .unparseable: throw .runtime("cannot read '\(s)' as a date")
            }
        default:
            throw .noOverload("date", value)
        }
    }
}

/// Type conversions (`int`, `uint`, `double`, `bool`); out-of-range results are errors.
enum Conversions {
    static func toInt(_ a: ExpressionValue) throws(ExpressionError) -> ExpressionValue {
        switch a {
        case .int: return a
        case .uint(let u):
            guard u <= UInt64(Int64.max) else { throw .runtime("uint out of int range") }
            return .int(Int64(u))
        case .double(let d):
            // ±2^63 itself is rejected too, as the reference runtime does.
            guard d.isFinite, d > -9_223_372_036_854_775_808.0, d < 9_223_372_036_854_775_808.0 else { throw .runtime("double out of int range") }
            return .int(Int64(d.rounded(.towardZero)))
        case .string(let s):
            guard let i = Int64(trimmed(s)) else { throw .runtime("cannot convert '\(s)' to int") }
            return .int(i)
        case .bool(let b): return .int(b ? 1 : 0)
        default: throw .noOverload("int", a)
        }
    }

    static func toUInt(_ a: ExpressionValue) throws(ExpressionError) -> ExpressionValue {
        switch a {
        case .uint: return a
        case .int(let i):
            guard i >= 0 else { throw .runtime("int out of uint range") }
            return .uint(UInt64(i))
        case .double(let d):
            guard d.isFinite, d >= 0, d < 18_446_744_073_709_551_616.0 else { throw .runtime("double out of uint range") }
            return .uint(UInt64(d.rounded(.towardZero)))
        case .string(let s):
            guard let u = UInt64(trimmed(s)) else { throw .runtime("cannot convert '\(s)' to uint") }
            return .uint(u)
        default: throw .noOverload("uint", a)
        }
    }

    static func toDouble(_ a: ExpressionValue) throws(ExpressionError) -> ExpressionValue {
        switch a {
        case .double: return a
        case .int(let i): return .double(Double(i))
        case .uint(let u): return .double(Double(u))
        case .string(let s):
            guard let d = Double(trimmed(s)) else { throw .runtime("cannot convert '\(s)' to double") }
            return .double(d)
        default: throw .noOverload("double", a)
        }
    }

    static func toBool(_ a: ExpressionValue) throws(ExpressionError) -> ExpressionValue {
        switch a {
        case .bool: return a
        case .string(let s):
            switch s {
            case "1", "t", "T", "true", "TRUE", "True": return .bool(true)
            case "0", "f", "F", "false", "FALSE", "False": return .bool(false)
            default: throw .runtime("cannot convert '\(s)' to bool")
            }
        default: throw .noOverload("bool", a)
        }
    }

    /// Surrounding ASCII whitespace is ignored in numeric text, as the reference runtime does.
    static func trimmed(_ s: String) -> Substring {
        let space: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let first = s.firstIndex(where: { !space($0) }), let last = s.lastIndex(where: { !space($0) }) else { return "" }
        return s[first...last]
    }
}
