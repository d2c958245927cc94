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
        var configuration = try Configuration.load(path: folder + "/.plancheck.yml")
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
