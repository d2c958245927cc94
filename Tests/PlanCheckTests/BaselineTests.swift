import Foundation
import Testing
@testable import PlanCheck

/// Baselines hide accepted findings by rule, record and fingerprint — not by line — so they
/// survive moving records, reordering files and moving the whole checkout.
@Suite struct BaselineTests {
    static let rules = TestRules.ownerAndDeadline

    static func check(_ folder: String) throws -> CheckResult {
        let configuration = try Configuration.load(path: folder + "/.plancheck.yml")
        let project = try Project(configuration: configuration, jobs: 1)
        return project.engine.check(files: project.datasetFiles(paths: []))
    }

    static func makeProject(_ directory: TemporaryDirectory, plan: String) {
        directory.write(".plancheck.yml", "rules: [rules.yml]\ndatasets: [plans]\n")
        directory.write("rules.yml", rules)
        directory.write("plans/plan.yaml", plan)
        directory.write("plans/other.yaml", "tasks:\n  - {id: X1, owner: 李四}\n")
    }

    @Test func hidesExactlyTheOldStillPresentFindings() throws {
        let directory = try TemporaryDirectory()
        Self.makeProject(directory, plan: """
            tasks:
              - {id: T1, title: 一}
              - {id: T2, owner: 张三, title: 二}
              - {id: T3, title: 三, due: 2011-12-31}
            """)
        let before = try Self.check(directory.path)
        // T1: owner, due; T2: due; T3: owner; other.yaml X1: due.
        #expect(before.findings.count == 5)
        let baseline = Baseline(findings: before.findings, repositoryRoot: directory.path)
        #expect(baseline.entries.allSatisfy { !$0.file.hasPrefix("/") })

        // Move records (T3 first, T1 last, with extra lines), fix T2's deadline, add T4 without
        // an owner, and reorder the files' contents.
        directory.write("plans/plan.yaml", """
            # reordered
            tasks:
              - {id: T3, title: 三, due: 2011-12-31}

              - {id: T4, title: 四, due: 2012-06-30}
              - {id: T2, owner: 张三, title: 二, due: 2012-01-01}
              - id: T1
                title: 一
            """)
        let after = try Self.check(directory.path)
        let applied = baseline.apply(to: after.findings, repositoryRoot: directory.path)
        #expect(applied.kept.map { "\($0.rule) \($0.record)" } == ["owner-required T4"])
        #expect(applied.hidden == 4)  // T1 ×2, T3 owner, X1 due
        #expect(applied.stale.map(\.record) == ["T2"])
        #expect(applied.stale.allSatisfy { $0.rule == ToolRules.staleBaselineEntry && $0.severity == .info })
    }

    @Test func survivesARoundTripAndAMovedCheckout() throws {
        let first = try TemporaryDirectory()
        Self.makeProject(first, plan: "tasks:\n  - {id: T1}\n  - {id: T2, owner: x}\n")
        let findings = try Self.check(first.path).findings
        let file = first.write("baseline.json", Baseline(findings: findings, repositoryRoot: first.path).text())
        let loaded = try Baseline.load(path: file)
        #expect(loaded.entries.count == findings.count)

        // The same repository checked out elsewhere, with the records swapped.
        let second = try TemporaryDirectory()
        Self.makeProject(second, plan: "tasks:\n  - {id: T2, owner: x}\n  - {id: T1}\n")
        let applied = loaded.apply(to: try Self.check(second.path).findings, repositoryRoot: second.path)
        #expect(applied.kept.isEmpty)
        #expect(applied.stale.isEmpty)
        #expect(applied.hidden == findings.count)
    }

    @Test func staleEntriesPointIntoTheBaselineFile() throws {
        let directory = try TemporaryDirectory()
        let file = directory.write("b.json", Baseline(entries: [
            .init(file: "plan.yaml", rule: "r", record: "T9", fingerprint: "00", message: "gone"),
        ]).text())
        let applied = try Baseline.load(path: file).apply(to: [], repositoryRoot: directory.path)
        #expect(applied.stale.count == 1)
        #expect(applied.stale[0].file == file)
        #expect(applied.stale[0].line == 5)
    }

    @Test func fingerprintIgnoresPositionAndNumbers() {
        let a = Finding(rule: "r", checker: "c", severity: .error, message: "overdue by 31 days (2011-12-01)",
                        file: "f", line: 3, column: 1, path: "$['tasks'][4]['due']", record: "T1")
        var b = a
        b.line = 40
        b.path = "$['tasks'][12]['due']"
        b.message = "overdue by 32 days (2011-12-01)"
        #expect(a.stableFingerprint == b.stableFingerprint)
        b.record = "T2"
        #expect(a.stableFingerprint != b.stableFingerprint)
        #expect(Finding.positionFree("$['tasks'][12]['a1']") == "$['tasks'][*]['a1']")
    }

    @Test func rejectsAnUnknownVersion() throws {
        let directory = try TemporaryDirectory()
        let file = directory.write("b.json", "{\"version\": 9, \"entries\": []}")
        #expect(throws: LoadError.self) { try Baseline.load(path: file) }
    }
}
