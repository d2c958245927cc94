/// `expression`: a CEL assertion that must hold for every target record.
public struct ExpressionChecker: Checker {
    public static let descriptor = CheckerDescriptor(
        name: "expression",
        summary: "A CEL expression (`assert`) must hold for every target record.",
        discussion: """
        For the one rule no declarative checker covers ("a task with a budget over 1000万 needs a \
        finance participant"). Record fields are bare names (`status`, `lead`); `self` is the \
        record, `asOf` the run's date, `collections.units` a configured collection; `date()`, \
        `days()`, `quantity()` read Chinese deadlines and quantities. See docs/expressions.md. \
        An assertion that cannot be evaluated on a record (a missing field, a bad conversion) is \
        a finding on that record, never a silent pass. Write the finding's text with `message:` \
        (templates embed expressions: `{{ days(date(due), asOf) }}`).
        """,
        options: [
            OptionSpec("assert", .string, required: true, "The CEL expression that must be true."),
        ],
        examples: [
            CheckerExample("A big budget without a finance participant", rule: """
                assert: "quantity(budget) <= quantity('1000万') || participants.exists(p, p == '市财政委')"
                """, data: """
                tasks:
                  - {id: T1, budget: 2000万元, participants: [市财政委]}
                  - {id: T2, budget: 5000万元, participants: [市发展改革委]}
                  - {id: T3, budget: 80万元, participants: []}
                """, triggers: ["T2"]),
            CheckerExample("Done tasks carry an acceptance document", rule: """
                assert: "status != 'done' || has(self.acceptance)"
                """, data: """
                tasks:
                  - {id: T1, status: done, acceptance: 验收报告.pdf}
                  - {id: T2, status: in-progress}
                """, triggers: []),
            CheckerExample("An assertion that cannot be evaluated is a finding", rule: """
                assert: "quantity(budget) > 0.0"
                """, data: """
                tasks:
                  - {id: T1, budget: 100万}
                  - {id: T2}
                """, triggers: ["T2"]),
        ],
        codes: [
            FindingCode("", .rule, "The assertion is false for the record."),
            FindingCode("error", .rule, "The assertion could not be evaluated for the record (a missing field, a type error)."),
        ])

    let assertion: CompiledExpression

    public init(options: RuleOptions) throws(LoadError) {
        let node = options["assert"]!
        assertion = try RuleFileLoader.compileCondition(node.string ?? "", at: node, what: "rule `\(options.ruleID)`: `assert`")
    }

    public struct State: Sendable {
        let context: ExpressionContext
    }

    public func makeState(context: CheckContext) -> State { State(context: context.expressionContext) }

    public func check(_ record: Record, state: inout State, report: inout FindingReporter) {
        do throws(ExpressionError) {
            if try assertion.evaluateCondition(record: record.node, context: state.context) { return }
            report.report(record, message: "\(record.key): assertion failed: \(assertion.source)")
        } catch {
            report.report(record, message: "\(record.key): `\(assertion.source)` could not be evaluated: \(error.message)", code: "error",
                          isEvaluationError: true)
        }
    }
}
