import Testing
@testable import PlanCheck

/// Runs a checker the way the engine does, without the engine: rule options from YAML, records
/// selected by JSONPath, one reporter, findings in report order.
enum CheckerHarness {
    static func options(_ rule: String, id: String = "example") throws -> RuleOptions {
        let doc = try YAMLLoader.load(bytes: Array(("id: \(id)\n" + rule).utf8), file: "rule.yml")
        return RuleOptions(node: doc.root!, ruleID: id)
    }

    static func run<C: Checker>(_ type: C.Type, rule: String, data: String, target: String = "$.tasks[*]",
                                asOf: PlanDate = PlanDate(year: 2011, month: 12, day: 31),
                                collections: [String: [Node]] = [:], message: String? = nil) throws -> [Finding] {
        let checker = try C(options: options(rule))
        let doc = try YAMLLoader.load(bytes: Array(data.utf8), file: "data.yml")
        let root = try #require(doc.root)
        let context = CheckContext(asOf: asOf, root: root, collections: collections)
        let header = RuleHeader(id: "example", checker: C.descriptor.name, severity: .error, severityIsExplicit: false,
                                message: try message.map { try ExpressionTemplate.compile($0) })
        var reporter = FindingReporter(header: header, context: context)
        var state = checker.makeState(context: context)
        for node in try JSONPath(target).select(root) {
            checker.check(Record(node: node, keyField: "id"), state: &state, report: &reporter)
        }
        checker.finish(state: &state, report: &reporter)
        return reporter.findings.sorted(by: Finding.reportOrder)
    }

    static func run<C: Checker>(_ type: C.Type, example: CheckerExample) throws -> [Finding] {
        try run(type, rule: example.rule, data: example.data, target: example.target, asOf: example.asOf)
    }

    /// Opens the existential so examples of every registered checker can run.
    static func run(any type: any Checker.Type, example: CheckerExample) throws -> [Finding] {
        try run(type, example: example)
    }
}

@Suite struct DomainCheckerExampleTests {
    static let examples: [(String, Int)] = DomainCheckers.all.flatMap { type in
        type.descriptor.examples.indices.map { (type.descriptor.name, $0) }
    }

    @Test(arguments: examples) func example(_ name: String, _ index: Int) throws {
        let type = try #require(DomainCheckers.all.first { $0.descriptor.name == name })
        let example = type.descriptor.examples[index]
        let findings = try CheckerHarness.run(any: type, example: example)
        let dump = findings.map { "\($0.rule) \($0.message)" }.joined(separator: "\n")
        #expect(findings.map(\.record) == example.triggers, "\(name): \(example.title)\n\(dump)")
    }

    @Test func everyDomainCheckerIsDocumented() {
        for type in DomainCheckers.all {
            let d = type.descriptor
            #expect(!d.summary.isEmpty && !d.discussion.isEmpty, "\(d.name)")
            #expect(d.examples.contains { $0.triggersFindings }, "\(d.name) needs a triggering example")
            #expect(d.examples.contains { !$0.triggersFindings }, "\(d.name) needs a non-triggering example")
            #expect(!d.options.isEmpty)
        }
    }
}
