import Foundation
import Testing
@testable import PlanCheck

@Suite struct SuppressionTests {
    static let rules = TestRules.ownerAndDeadline

    static func run(_ plan: String, config: String = "", unused: Bool = false) throws -> (FindingFilter.Outcome, TemporaryDirectory) {
        let directory = try TemporaryDirectory()
        directory.write(".plancheck.yml", "rules: [rules.yml]\ndatasets: [plan.yaml]\n" + config)
        directory.write("rules.yml", rules)
        directory.write("plan.yaml", plan)
        let configuration = try Configuration.load(path: directory.path + "/.plancheck.yml")
        let project = try Project(configuration: configuration, jobs: 1)
        try FindingFilter.validate(ignores: configuration.ignores, ruleIDs: project.engine.rules.map(\.id))
        let result = project.engine.check(files: project.datasetFiles(paths: []))
        return (FindingFilter(ignores: configuration.ignores, reportUnusedSuppressions: unused).apply(result), directory)
    }

    static func names(_ outcome: FindingFilter.Outcome) -> [String] {
        outcome.result.findings.map { "\($0.rule) \($0.record)" }
    }

    @Test func commentAboveAndOnARecord() throws {
        let (outcome, _) = try Self.run("""
            tasks:
              # plancheck: disable=owner-required — appointed in Q3
              - id: T1
                due: 2011-12-31
              - {id: T2, due: 2011-12-31}  # plancheck: disable=owner-required,deadline-required -- pilot
              - {id: T3, due: 2011-12-31}
            """)
        #expect(Self.names(outcome) == ["owner-required T3"])
        #expect(outcome.suppressed == 2)
        #expect(outcome.result.errors.isEmpty)
    }

    @Test func aTrailingCommentDoesNotReachTheNextRecord() throws {
        let (outcome, _) = try Self.run("""
            tasks:
              - {id: T1, due: x}  # plancheck: disable=owner-required — ok
              - {id: T2, due: x}
            """)
        #expect(Self.names(outcome) == ["owner-required T2"])
    }

    @Test func aSuppressionWithoutReasonIsAnError() throws {
        let (outcome, _) = try Self.run("""
            tasks:
              - {id: T1, due: x}  # plancheck: disable=owner-required
            """)
        #expect(outcome.result.errors.count == 1)
        #expect(outcome.result.errors.first?.line == 2)
        #expect(outcome.result.errors.first?.message.contains("reason") == true)
    }

    @Test func unusedSuppressionsAreReportedOnRequest() throws {
        let plan = """
            tasks:
              # plancheck: disable=deadline-required — not needed
              - {id: T1, owner: x, due: 2011-12-31}
            """
        let ignore = "ignore:\n  - {rule: owner-required, records: [T9], reason: gone}\n"
        let (quiet, _) = try Self.run(plan, config: ignore)
        #expect(quiet.result.findings.isEmpty)
        let (loud, _) = try Self.run(plan, config: ignore, unused: true)
        #expect(loud.result.findings.map(\.rule) == [ToolRules.unusedSuppression, ToolRules.unusedSuppression])
        #expect(loud.result.findings.allSatisfy { $0.severity == .warning })
    }

    @Test func ignoreByRecordKeyAndByPath() throws {
        let (outcome, _) = try Self.run("""
            tasks:
              - {id: T1, due: x}
              - {id: T2, draft: true}
              - {id: T3, due: x}
            """, config: """
            ignore:
              - rule: owner-required
                records: [T1]
                reason: appointed later
              - rule: deadline-required
                paths: ["$.tasks[?@.draft == true]"]
                reason: drafts have no deadline yet
            """)
        #expect(Self.names(outcome) == ["owner-required T2", "owner-required T3"])
        #expect(outcome.suppressed == 2)
    }

    @Test func ignoreNeedsAReasonAndAKnownRule() throws {
        #expect(throws: LoadError.self) {
            _ = try Self.run("tasks: []\n", config: "ignore:\n  - {rule: owner-required, records: [T1]}\n")
        }
        #expect(throws: LoadError.self) {
            _ = try Self.run("tasks: []\n", config: "ignore:\n  - {rule: owner-requird, records: [T1], reason: x}\n")
        }
    }

    @Test func filesWithoutTheMarkerAreNotParsed() {
        let scanned = InlineSuppressions.scan(bytes: Array("tasks:\n  - {id: T1}  # an ordinary comment\n".utf8), file: "p.yaml")
        #expect(scanned.suppressions.isEmpty && scanned.errors.isEmpty)
    }

    /// The block pre-scan lets through every file with a directive (however it is spaced, and
    /// when it lies across a block boundary) and skips files whose comments hold none.
    @Test func thePreScanFindsDirectivesAndSkipsOtherComments() throws {
        let directory = try TemporaryDirectory()
        let filler = String(repeating: "  - {id: T, title: 任务}\n", count: 60_000) // > 1 MiB
        let cases: [(String, Bool)] = [
            ("tasks:\n  - {id: T1}  # an ordinary comment\n# another\n", false),
            ("tasks: []\n", false),
            ("tasks:\n  - {id: T1}  #plancheck: disable=x — y\n", true),
            ("tasks:\n  - {id: T1}  #  \tplancheck: disable=x — y\n", true),
            ("tasks:\n" + filler + "  # plancheck: disable=x — y\n  - {id: T2}\n", true),
            ("tasks:\n" + filler + "  # later\n", false),
        ]
        for (index, (text, expected)) in cases.enumerated() {
            let path = directory.write("p\(index).yaml", text)
            #expect(InlineSuppressions.mayContainDirective(file: path) == expected, "case \(index)")
        }
        // A directive whose `#` is the last byte of the first block still counts.
        let boundary = String(repeating: "a", count: (1 << 20) - 1) + "#plancheck: disable=x — y\n"
        let path = directory.write("boundary.yaml", boundary)
        #expect(InlineSuppressions.mayContainDirective(file: path))
    }
}

