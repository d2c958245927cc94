@testable import PlanCheck

/// Helpers shared by the expression tests.
enum ExprTest {
    static let context = ExpressionContext(asOf: PlanDate(year: 2012, month: 1, day: 1))

    static func record(_ yaml: String) throws -> Node? {
        try YAMLLoader.load(bytes: Array(yaml.utf8), file: "record.yaml").root
    }

    /// Evaluates and renders the result as a CEL literal, or `error: …`.
    static func eval(_ source: String, record: Node? = nil, context: ExpressionContext = context) throws -> String {
        let compiled = try CompiledExpression.compile(source)
        switch compiled.evaluate(record: record, context: context) {
        case .value(let v): return v.celLiteral
        case .error(let e): return "error: \(e.message)"
        }
    }

    static func compileError(_ source: String) -> ExpressionError? {
        do {
            _ = try CompiledExpression.compile(source)
            return nil
        } catch {
            return error
        }
    }
}
