/// The functions of the language: CEL's standard ones plus PlanCheck's domain functions.
/// Calls are resolved to a case of this enum when the expression is compiled, so unknown
/// functions and wrong arities are load-time errors and evaluation dispatches on a small enum.
enum Builtin: String, Sendable, CaseIterable {
    case size, contains, startsWith, endsWith, matches
    case int, uint, double, string, bool, bytes, type, dyn
    case date, days, quantity
    /// CEL's `math` extension (as in cel-go and cel-cpp), called by qualified name; `math.pow`
    /// is PlanCheck's own (neither reference runtime has a power function).
    case greatest = "math.greatest", least = "math.least"
    case abs = "math.abs", sign = "math.sign", sqrt = "math.sqrt", pow = "math.pow"
    case ceil = "math.ceil", floor = "math.floor", round = "math.round", trunc = "math.trunc"
    case isNaN = "math.isNaN", isInf = "math.isInf", isFinite = "math.isFinite"
    /// Parts of a `date`, named and numbered like CEL's timestamp accessors (UTC).
    case getFullYear, getMonth, getDate, getDayOfMonth, getDayOfWeek, getDayOfYear

    /// How the function may be called: as `f(args)` and/or as `receiver.f(args)`, and the total
    /// argument count including the receiver.
    var styles: (global: Bool, receiver: Bool, arity: ClosedRange<Int>) {
        switch self {
        case .size: (true, true, 1...1)
        case .contains, .startsWith, .endsWith: (false, true, 2...2)
        case .matches: (true, true, 2...2)
        case .days, .pow: (true, false, 2...2)
        case .greatest, .least: (true, false, 1...Int.max)
        case .getFullYear, .getMonth, .getDate, .getDayOfMonth, .getDayOfWeek, .getDayOfYear: (false, true, 1...1)
        default: (true, false, 1...1)
        }
    }

    /// The namespace of the qualified functions (`math.abs(x)`), resolved before receiver calls.
    static let namespaces: Set<String> = ["math"]

    /// Resolves a call written in the source.
    static func resolve(_ name: String, receiver: Bool, argumentCount: Int) -> Result<Builtin, CheckFailure> {
        guard let builtin = Builtin(rawValue: name) else {
            let known = allCases.map(\.rawValue).joined(separator: ", ")
            return .failure(CheckFailure("unknown function '\(name)' (known: \(known), and the macros has, all, exists, exists_one, map, filter)"))
        }
        let (global, recv, arity) = builtin.styles
        if receiver, !recv { return .failure(CheckFailure("'\(name)' is not called on a receiver: write \(name)(…)")) }
        if !receiver, !global { return .failure(CheckFailure("'\(name)' is called on a receiver: write x.\(name)(…)")) }
        let total = argumentCount + (receiver ? 1 : 0)
        guard arity.contains(total) else {
            let shown = receiver ? arity.lowerBound - 1 : arity.lowerBound
            let count = arity.upperBound == Int.max ? "at least \(shown)" : "\(shown)"
            return .failure(CheckFailure("'\(name)' takes \(count) argument\(shown == 1 ? "" : "s"), not \(argumentCount)"))
        }
        return .success(builtin)
    }

    /// Static typing: the result type for known argument types (nil = dynamic), or a message
    /// when the known types cannot match any overload.
    func check(_ args: [ExpressionType?]) -> Result<ExpressionType?, CheckFailure> {
        func accepts(_ i: Int, _ allowed: [ExpressionType]) -> Bool {
            guard let t = args[i] else { return true }
            return allowed.contains(t)
        }
        func fail() -> Result<ExpressionType?, CheckFailure> {
            .failure(CheckFailure("no matching overload for \(rawValue)(\(args.map { $0?.name ?? "dyn" }.joined(separator: ", ")))"))
        }
        switch self {
        case .size:
            return accepts(0, [.string, .bytes, .list, .map]) ? .success(.int) : fail()
        case .contains, .startsWith, .endsWith, .matches:
            return accepts(0, [.string]) && accepts(1, [.string]) ? .success(.bool) : fail()
        case .int: return accepts(0, [.int, .uint, .double, .string, .bool]) ? .success(.int) : fail()
        case .uint: return accepts(0, [.int, .uint, .double, .string]) ? .success(.uint) : fail()
        case .double: return accepts(0, [.int, .uint, .double, .string]) ? .success(.double) : fail()
        case .string:
            return accepts(0, [.int, .uint, .double, .string, .bool, .bytes, .date]) ? .success(.string) : fail()
        case .bool: return accepts(0, [.bool, .string]) ? .success(.bool) : fail()
        case .bytes: return accepts(0, [.bytes, .string]) ? .success(.bytes) : fail()
        case .type: return .success(.type)
        case .dyn: return .success(nil)
        case .date: return accepts(0, [.string, .date]) ? .success(.date) : fail()
        case .days: return accepts(0, [.string, .date]) && accepts(1, [.string, .date]) ? .success(.int) : fail()
        case .quantity: return accepts(0, [.string, .int, .uint, .double]) ? .success(.double) : fail()
        case .greatest, .least, .abs, .sign, .sqrt, .pow, .ceil, .floor, .round, .trunc, .isNaN, .isInf, .isFinite:
            return MathFunctions.check(self, args).map { .success($0) } ?? fail()
        case .getFullYear, .getMonth, .getDate, .getDayOfMonth, .getDayOfWeek, .getDayOfYear:
            return accepts(0, [.date]) ? .success(.int) : fail()
        }
    }
}

/// Why a call does not type-check (turned into an `ExpressionError` with the call's offset).
struct CheckFailure: Error {
    let message: String
    init(_ message: String) { self.message = message }
}
