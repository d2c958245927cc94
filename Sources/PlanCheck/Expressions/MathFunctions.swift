#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// CEL's `math` extension (the functions of cel-go's `ext/math` and cel-cpp's `math_ext` that
/// plans need), with their semantics: `greatest`/`least` compare across int, uint and double and
/// return the winning argument unchanged (the first one on ties); rounding functions take
/// doubles only; `abs` of the smallest int overflows. `math.pow` is a PlanCheck extension.
enum MathFunctions {
    static let numbers: Set<ExpressionType> = [.int, .uint, .double]

    /// The static result type (nil = dynamic), or nil wrapped in `.none` when the known argument
    /// types match no overload.
    static func check(_ builtin: Builtin, _ args: [ExpressionType?]) -> ExpressionType?? {
        func all(_ allowed: Set<ExpressionType>) -> Bool { args.allSatisfy { $0.map(allowed.contains) ?? true } }
        switch builtin {
        case .greatest, .least:
            // One argument may be a list of numbers; several must each be a number.
            if args.count == 1 { return all(numbers.union([.list])) ? .some(args[0] == .list ? nil : args[0]) : nil }
            guard all(numbers) else { return nil }
            let known = Set(args.compactMap { $0 })
            return .some(known.count == 1 && !args.contains(nil) ? known.first : nil)
        case .abs, .sign: return all(numbers) ? .some(args[0]) : nil
        case .sqrt, .pow: return all(numbers) ? .some(.double) : nil
        case .ceil, .floor, .round, .trunc: return all([.double]) ? .some(.double) : nil
        case .isNaN, .isInf, .isFinite: return all([.double]) ? .some(.bool) : nil
        default: return nil
        }
    }

    static func call(_ builtin: Builtin, _ args: [ExpressionValue]) throws(ExpressionError) -> ExpressionValue {
        let a = args[0]
        switch builtin {
        case .greatest: return try extreme(args, keepsLarger: true, name: builtin.rawValue)
        case .least: return try extreme(args, keepsLarger: false, name: builtin.rawValue)
        case .abs:
            switch a {
            case .int(let i):
                guard i != .min else { throw .runtime("integer overflow") }
                return .int(Swift.abs(i))
            case .uint: return a
            case .double(let d): return .double(Swift.abs(d))
            default: throw .noOverload(builtin.rawValue, a)
            }
        case .sign:
            switch a {
            case .int(let i): return .int(i.signum())
            case .uint(let u): return .uint(u == 0 ? 0 : 1)
            // NaN stays NaN; both zeros give 0.0, as in the reference runtime.
            case .double(let d): return .double(d.isNaN ? d : (d > 0 ? 1 : (d < 0 ? -1 : 0)))
            default: throw .noOverload(builtin.rawValue, a)
            }
        case .sqrt: return .double(try double(a, builtin).squareRoot())
        case .pow: return .double(power(try double(a, builtin), try double(args[1], builtin)))
        case .ceil, .floor, .round, .trunc:
            guard case .double(let d) = a else { throw .noOverload(builtin.rawValue, a) }
            let rule: FloatingPointRoundingRule = switch builtin {
            case .ceil: .up
            case .floor: .down
            case .round: .toNearestOrAwayFromZero
            default: .towardZero
            }
            return .double(d.rounded(rule))
        case .isNaN, .isInf, .isFinite:
            guard case .double(let d) = a else { throw .noOverload(builtin.rawValue, a) }
            return .bool(builtin == .isNaN ? d.isNaN : builtin == .isInf ? d.isInfinite : d.isFinite)
        default:
            throw .noOverload(builtin.rawValue, a)
        }
    }

    /// `math.greatest`/`math.least`: over the arguments, or over the items of a single list
    /// argument. A candidate replaces the current one only when strictly larger (smaller), so
    /// ties keep the first and a NaN neither wins against nor loses its place to a number.
    static func extreme(_ args: [ExpressionValue], keepsLarger: Bool, name: String) throws(ExpressionError) -> ExpressionValue {
        var candidates = args
        if args.count == 1, let items = args[0].listItems {
            guard !items.isEmpty else { throw .runtime("\(name)() of an empty list") }
            candidates = items
        }
        var best = candidates[0]
        guard best.type == .int || best.type == .uint || best.type == .double else { throw .noOverload(name, best) }
        for candidate in candidates.dropFirst() {
            guard let order = ExpressionValue.compareNumbers(candidate, best) else {
                if numbers.contains(candidate.type) { continue }   // a NaN on either side
                throw .noOverload(name, best, candidate)
            }
            if keepsLarger ? order > 0 : order < 0 { best = candidate }
        }
        return best
    }

    static func double(_ value: ExpressionValue, _ builtin: Builtin) throws(ExpressionError) -> Double {
        switch value {
        case .int(let i): return Double(i)
        case .uint(let u): return Double(u)
        case .double(let d): return d
        default: throw .noOverload(builtin.rawValue, value)
        }
    }

    /// `x` to the power `y` with IEEE 754 semantics (C's `pow`): `pow(-8, 1.0/3.0)` is NaN,
    /// `pow(0, -1)` is infinity.
    static func power(_ x: Double, _ y: Double) -> Double {
        #if canImport(Glibc)
        Glibc.pow(x, y)
        #else
        Darwin.pow(x, y)
        #endif
    }
}
