import Foundation
import Testing
@testable import PlanCheck

/// Each built-in check belongs to exactly one pack: with any two packs on any example, no two
/// findings say the same thing (same checker, code and message) about the same record at the same place.
@Suite struct PackOverlapTests {
    static var pairs: [(String, String)] {
        let names = Project.packNames
        return names.indices.flatMap { i in names.indices.filter { $0 > i }.map { (names[i], names[$0]) } }
    }

    @Test(arguments: ExampleGoldenTests.examples)
    func noTwoPacksReportTheSameFinding(_ example: String) throws {
        let folder = repositoryRoot + "/Examples/" + example
        try Self.checkPairs(try Configuration.load(path: folder + "/.plancheck.yml"), example: example)
    }

    /// A plan holding one of each defect the packs look for, so every check of every pack fires
    /// (the examples do not repeat a lead among the participants, for one).
    @Test func noTwoPacksReportTheSameFindingOnEveryDefect() throws {
        let directory = try TemporaryDirectory()
        let file = directory.write("plan.yaml", Self.defects)
        var configuration = Configuration()
        configuration.datasets = [file]
        configuration.asOf = PlanDate(year: 2021, month: 6, day: 30)
        try Self.checkPairs(configuration, example: "every defect")
    }

    static let defects = """
        plan:
          title: 各类问题
          issued: 2021-01-10
          period: {start: 2021-01-01, end: 2021-12-31}
        units:
          - {name: 市城管局, aliases: [城管局]}
          - {name: 市住建局}
        actions:
          - {id: A1, title: 行动, lead: 市城管局, participants: [城管局, 市发改委]}
          - {id: A1}
        tasks:
          - {id: T1, title: 一, lead: 城管局, participants: [市城管局, 市住建局, 市住建局], due: 2021年3月底, status: 推进中}
          - {id: T1, lead: 市发改委, due: 2022年底, status: 待议}
          - {id: T3, title: 三, participants: 市住建局, due: 尽快, status: done}
          - {id: T4, title: 四, lead: 市住建局, owner: 张三, due: 长期坚持, status: done, completed: 2021-13-40}
        indicators:
          - {id: I1, name: 覆盖率, kind: 约束性, direction: at_least, target: 95%, actual: 90%}
          - {id: I1, kind: 重要, target: 较大幅度提高}
        projects:
          - {id: P1, permits: {siteSelection: true, landUse: true, construction: false}}
          - {id: P1, permits: {siteSelection: true}}
        totals:
          - {id: S1, of: "$.indicators[*]", declared: 3}
        """

    static func checkPairs(_ base: Configuration, example: String) throws {
        var configuration = base
        configuration.ruleFiles = []
        configuration.severityOverrides = [:]
        for (a, b) in Self.pairs {
            configuration.packs = [a, b]
            let project = try Project(configuration: configuration, jobs: 1)
            let findings = project.engine.check(files: project.datasetFiles(paths: [])).findings
            var seen: [String: String] = [:]
            for finding in findings {
                let code = finding.rule.split(separator: ".", maxSplits: 1).dropFirst().first.map(String.init) ?? ""
                // The meaning: checker, code and what the checker says (a `required` rule on
                // `due` and one on `owner` say different things about the same record).
                let meaning = [finding.file, String(finding.line), String(finding.column), finding.path, finding.record, finding.checker, code,
                               finding.message].joined(separator: "|")
                let rule = finding.rule.split(separator: ".").first.map(String.init) ?? finding.rule
                if let other = seen[meaning], other != rule {
                    Issue.record("\(example) with packs \(a) + \(b): \(other) and \(rule) both report \(finding.checker) `\(code)` on \(finding.record) at \(finding.line):\(finding.column)")
                }
                seen[meaning] = rule
            }
        }
    }

    @Test func thePairsCoverEveryPack() {
        #expect(Set(Self.pairs.flatMap { [$0.0, $0.1] }) == Set(Project.packNames))
        #expect(Self.pairs.count == Project.packNames.count * (Project.packNames.count - 1) / 2)
    }
}
