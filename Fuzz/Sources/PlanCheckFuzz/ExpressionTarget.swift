import PlanCheck

/// Compiles the input as a CEL expression (`when:` conditions, the `expression` checker) and
/// evaluates it against a small record; then the same text as a message template.
struct ExpressionTarget: FuzzTarget {
    let task: Node?
    let context: ExpressionContext

    init() {
        let record = try! DatasetLoader.load(bytes: Array("""
            tasks:
              - {id: T1, lead: [市发展改革委, 市财政局], deadline: 2024-06-30, progress: 0.5, done: false, n: 3}
            """.utf8), file: "record.yaml")
        task = record.root?["tasks"]?[0]
        context = ExpressionContext(asOf: PlanDate(year: 2024, month: 7, day: 1), root: record.root)
    }

    func run(_ bytes: [UInt8]) {
        let text = String(decoding: bytes, as: UTF8.self)
        if let expression = try? CompiledExpression.compile(text) {
            _ = expression.evaluate(record: task, context: context)
        }
        // The same text as a message template (`{{ … }}` holes).
        if let template = try? ExpressionTemplate.compile(text) {
            _ = template.render(record: task, context: context)
        }
    }
}
