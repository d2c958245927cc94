import Foundation
import Testing
@testable import PlanCheck

/// What recognition cannot settle reaches `check` as `import.*` findings: info by default,
/// located at the line or paragraph, and set or turned off through `severity:` like any rule.
@Suite struct ImportFindingTests {
    /// A plan whose second task has a deadline but names no unit, and whose units in the first
    /// task carry no 牵头单位 label.
    static let plan = """
    深圳市工作方案
    一、主要任务
    （一）建设平台。（市发展改革委牵头，市财政委配合）
    （二）完善制度，2011年6月底前完成。

    """

    func findings(severity: String) throws -> [Finding] {
        let folder = try TemporaryDirectory()
        folder.write("plan.txt", Self.plan)
        let config = folder.write(".plancheck.yml", "packs: [plan-basics]\ndatasets: [plan.txt]\nasOf: 2011-12-31\n" + severity)
        let project = try Project(configuration: Configuration.load(path: config), jobs: 1)
        return project.engine.check(files: project.datasetFiles(paths: [])).findings.filter { $0.checker == ImportRules.checker }
    }

    @Test func notesBecomeInfoFindingsAtTheirLine() throws {
        let found = try findings(severity: "")
        let noUnits = try #require(found.first { $0.rule == ImportRules.noUnits })
        #expect(noUnits.severity == .info)
        #expect(noUnits.line == 4 && noUnits.file.hasSuffix("plan.txt"))
        let unlabelled = try #require(found.first { $0.rule == ImportRules.unlabelledUnits })
        #expect(unlabelled.line == 3)
        #expect(found.allSatisfy { ImportRules.description(of: $0.rule) != nil })
    }

    @Test func severityOverridesOneRuleOrAllOfThem() throws {
        let raised = try findings(severity: "severity: {import.no-units: warning}\n")
        #expect(raised.first { $0.rule == ImportRules.noUnits }?.severity == .warning)
        #expect(raised.first { $0.rule == ImportRules.unlabelledUnits }?.severity == .info)
        #expect(try findings(severity: "severity: {import.unlabelled-units: off}\n").map(\.rule) == [ImportRules.noUnits])
        #expect(try findings(severity: "severity: {import: off}\n").isEmpty)
    }

    @Test func anUnknownImportRuleInSeverityIsStillAnError() throws {
        let folder = try TemporaryDirectory()
        let config = folder.write(".plancheck.yml", "packs: [plan-basics]\nseverity: {import.no-unit: off}\n")
        #expect(throws: LoadError.self) { try Project(configuration: Configuration.load(path: config), jobs: 1) }
    }

    @Test func mappingKeepsTheNotes() throws {
        // Renaming a field rebuilds the document; the notes must come along.
        let mapping = "mapping:\n  tasks:\n    fields: {title: name}\n"
        #expect(try findings(severity: mapping).contains { $0.rule == ImportRules.noUnits })
    }

    @Test func rulesListAndExplainNameThem() throws {
        let cli = CLITests()
        let list = try cli.run(["rules", "list", "--config", "Examples/plan-documents/.plancheck.yml"])
        #expect(list.stdout.contains("import.unread-table"))
        #expect(list.stdout.contains("import.no-units") && list.stdout.contains("info"))
        let explain = try cli.run(["rules", "explain", "import.several-deadlines"])
        #expect(explain.status == 0)
        #expect(explain.stdout.contains("`due` is the last"))
    }
}
