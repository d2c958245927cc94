/// A compile-time or runtime error of an expression.
///
/// Runtime errors are values in CEL (`false && 1/0 == 1` is `false`), so evaluation reports them
/// as results rather than throwing; only `evaluateCondition` turns them into thrown errors.
public struct ExpressionError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    /// 0-based character offset in the source for compile errors; -1 at runtime.
    public var offset: Int

    public init(message: String, offset: Int = -1) {
        self.message = message
        self.offset = offset
    }

    public var description: String { offset >= 0 ? "\(message) (at offset \(offset))" : message }

    static func runtime(_ message: String) -> ExpressionError { ExpressionError(message: message, offset: -1) }

    static func noOverload(_ function: String, _ args: ExpressionValue...) -> ExpressionError {
        .runtime("no matching overload for \(function)(\(args.map { $0.typeName }.joined(separator: ", ")))")
    }
}

/// The outcome of evaluating an expression: a value or a CEL runtime error.
public enum ExpressionResult: Sendable {
    case value(ExpressionValue)
    case error(ExpressionError)

    public var value: ExpressionValue? {
        if case .value(let v) = self { v } else { nil }
    }

    public var error: ExpressionError? {
        if case .error(let e) = self { e } else { nil }
    }
}
