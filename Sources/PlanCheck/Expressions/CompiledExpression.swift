/// An expression parsed and checked once (when the rule file loads) and evaluated per record.
///
/// Names: bare identifiers are the record's fields (`status == 'done'`); `self` is the whole
/// record; `asOf` is the run's as-of date; `root` is the document root; `collections.units`
/// is a named collection. Context variables take precedence over record fields; the reserved
/// names above take precedence over both (reach a field named `root` as `self.root`).
public struct CompiledExpression: Sendable {
    public let source: String
    let tree: Expr
    let localCount: Int

    public static func compile(_ source: String) throws(ExpressionError) -> CompiledExpression {
        let (tree, locals) = try Parser.parse(source)
        return CompiledExpression(source: source, tree: tree, localCount: locals)
    }

    /// The statically known result type, if any (lets callers reject a non-bool `when:` early).
    public var staticType: ExpressionType? { tree.type }

    /// Evaluates against one record. Never throws: CEL runtime errors are results.
    public func evaluate(record: Node?, context: ExpressionContext) -> ExpressionResult {
        var evaluator = Evaluator(record: record, context: context, localCount: localCount)
        do {
            return .value(try evaluator.eval(tree))
        } catch {
            return .error(error)
        }
    }

    /// Evaluates a condition (`when:`, `assert:`): an error or a non-bool result is thrown, so
    /// that a failing condition is never silently taken as true or false.
    public func evaluateCondition(record: Node?, context: ExpressionContext) throws(ExpressionError) -> Bool {
        switch evaluate(record: record, context: context) {
        case .value(.bool(let b)): return b
        case .value(let other):
            throw ExpressionError(message: "the condition gives \(other.typeName) \(other.celLiteral), not a bool", offset: -1)
        case .error(let error):
            throw error
        }
    }
}
