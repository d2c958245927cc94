/// Maps checker names to checker modules. The built-in list is closed and guarded by a test;
/// library users add their own checkers with `registering(_:)`.
public struct CheckerRegistry: Sendable {
    public private(set) var checkers: [String: any Checker.Type] = [:]

    public init(_ types: [any Checker.Type] = []) {
        for type in types { checkers[type.descriptor.name] = type }
    }

    /// Every checker shipped with PlanCheck.
    public static let builtIn = CheckerRegistry(CoreCheckers.all + DomainCheckers.all)

    /// A copy with `type` added (replacing a checker of the same name).
    public func registering(_ type: any Checker.Type) -> CheckerRegistry {
        var copy = self
        copy.checkers[type.descriptor.name] = type
        return copy
    }

    public subscript(name: String) -> (any Checker.Type)? { checkers[name] }

    /// Descriptors sorted by name (for `rules list` and docs).
    public var descriptors: [CheckerDescriptor] {
        checkers.values.map { $0.descriptor }.sorted { $0.name < $1.name }
    }
}

/// The checkers of the foundation: required, type, unique, reference.
public enum CoreCheckers {
    public static let all: [any Checker.Type] = [
        RequiredChecker.self,
        TypeChecker.self,
        UniqueChecker.self,
        ReferenceChecker.self,
        ExpressionChecker.self,
    ]
}
