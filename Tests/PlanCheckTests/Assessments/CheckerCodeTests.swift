import Testing
@testable import PlanCheck

/// Each checker's reference lists every finding code with its default severity, and the
/// checkers keep to it: every finding of every documented example has a listed code, with the
/// listed severity.
@Suite struct CheckerCodeTests {
    static let checkers = CheckerRegistry.builtIn.descriptors.filter { $0.name != "plugin" }

    @Test(arguments: checkers.map(\.name))
    func findingsUseDeclaredCodesAndSeverities(_ name: String) throws {
        let descriptor = try #require(Self.checkers.first { $0.name == name })
        #expect(!descriptor.codes.isEmpty, "\(name) lists no finding codes")
        let codes = Dictionary(descriptor.codes.map { ($0.code, $0.severity) }, uniquingKeysWith: { a, _ in a })
        #expect(codes.count == descriptor.codes.count, "\(name) lists a code twice")
        for example in descriptor.examples {
            for finding in try ExampleRunner.findings(for: example, of: descriptor) {
                let code = finding.rule.split(separator: ".", maxSplits: 1).dropFirst().first.map(String.init) ?? ""
                guard let declared = codes[code] else {
                    Issue.record("\(name): finding code `\(code)` is not in the descriptor's codes")
                    continue
                }
                switch declared {
                case .rule: #expect(finding.severity == .error, "\(name).\(code)")
                case .fixed(let level): #expect(finding.severity == level, "\(name).\(code)")
                case .options: #expect(finding.severity == .error || finding.severity == .warning, "\(name).\(code)")
                }
            }
        }
    }

    @Test func referenceStatesDefaultSeverities() throws {
        let deadline = try #require(Self.checkers.first { $0.name == "deadline" })
        let text = CheckerDocumentation.markdown(deadline)
        #expect(text.contains("| `due-soon` | info |"))
        #expect(text.contains("| `overdue` | error (the rule's `severity:`) |"))
        let indicator = try #require(Self.checkers.first { $0.name == "indicator" })
        #expect(CheckerDocumentation.markdown(indicator).contains("| `behind-trajectory` | `bindingSeverity` (error) or `expectedSeverity` (warning), by kind |"))
    }
}
