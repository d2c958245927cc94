/// The parsed, name-resolved form of an expression. Built once per rule file and shared by
/// every evaluation, so everything that can be decided statically (which builtin a call means,
/// whether an identifier is a macro variable, the UTF-8 bytes of a field name) is decided here.
final class Expr: Sendable {
    let kind: ExprKind
    /// 0-based scalar offset of the construct in the source (for error messages).
    let offset: Int
    /// Height of the tree below this node; bounds evaluation recursion.
    let height: Int
    /// The statically known type (nil: known only at run time).
    let type: ExpressionType?

    init(_ kind: ExprKind, offset: Int, height: Int, type: ExpressionType?) {
        self.kind = kind
        self.offset = offset
        self.height = height
        self.type = type
    }
}

/// A bare identifier, resolved at compile time where possible.
enum Identifier: Sendable {
    /// A macro iteration variable: a slot in the evaluator's locals.
    case local(Int)
    /// `self`: the record.
    case record
    case asOf
    case root
    case collections
    /// Anything else: a context variable, else a record field, else a type name (at run time).
    case name(String, utf8: [UInt8])
}

enum UnaryOp: String, Sendable { case not = "!", negate = "-" }

enum BinaryOp: String, Sendable {
    case add = "+", subtract = "-", multiply = "*", divide = "/", remainder = "%"
    case equal = "==", notEqual = "!=", less = "<", lessEqual = "<=", greater = ">", greaterEqual = ">="
    case `in` = "in"
}

enum MacroKind: String, Sendable {
    case all, exists, existsOne = "exists_one", map, filter
}

indirect enum ExprKind: Sendable {
    case literal(ExpressionValue)
    case ident(Identifier)
    /// `operand.field`; `presence` is `has(operand.field)`.
    case select(Expr, field: String, utf8: [UInt8], presence: Bool)
    case index(Expr, Expr)
    /// A builtin function; a receiver (`s.size()`) is the first argument.
    case call(Builtin, [Expr])
    /// `s.matches('literal')`: the pattern compiled once, at load time.
    case match(Expr, Regex)
    case list([Expr])
    case map([(Expr, Expr)])
    case unary(UnaryOp, Expr)
    case binary(BinaryOp, Expr, Expr)
    case and(Expr, Expr)
    case or(Expr, Expr)
    case conditional(Expr, Expr, Expr)
    /// A macro over `range` binding the local slot `variable`; `filter` is the 3-argument
    /// `map`'s predicate.
    case comprehension(MacroKind, range: Expr, variable: Int, filter: Expr?, body: Expr)
}
