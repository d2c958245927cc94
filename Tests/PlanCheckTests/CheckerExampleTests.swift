import Testing
@testable import PlanCheck

/// Every registered checker's documented examples run here (SwiftLint's habit): an example that
/// claims to trigger must produce findings on exactly the listed records, one that claims not
/// to must produce none.
@Suite struct CheckerExampleTests {
    static let cases: [(String, Int)] = CheckerRegistry.builtIn.descriptors.flatMap { d in
        d.examples.indices.map { (d.name, $0) }
    }

    @Test(arguments: cases)
    func example(checker: String, index: Int) throws {
        let descriptor = try #require(CheckerRegistry.builtIn[checker]).descriptor
        let example = descriptor.examples[index]
        let findings = try ExampleRunner.findings(for: example, of: descriptor)
        #expect(findings.map(\.record) == example.triggers, "\(checker) example “\(example.title)”: \(findings.map(\.message))")
    }

    @Test func everyCheckerHasTriggeringAndPassingExamples() {
        for descriptor in CheckerRegistry.builtIn.descriptors {
            #expect(descriptor.examples.contains { $0.triggersFindings }, "\(descriptor.name) has no triggering example")
            #expect(descriptor.examples.contains { !$0.triggersFindings }, "\(descriptor.name) has no non-triggering example")
            #expect(!descriptor.summary.isEmpty)
        }
    }

    @Test func coreCheckersAreRegistered() {
        for name in ["required", "type", "unique", "reference"] {
            #expect(CheckerRegistry.builtIn[name] != nil, "\(name) is not registered")
        }
    }
}
