import Foundation
import Testing
@testable import PlanCheck

/// The shipped example plugins (Examples/plugins) against the demo project.
@Suite struct ExamplePluginTests {
    static let folder = repositoryRoot + "/Examples/plugins"
    static let ownerCheck = folder + "/swift-owner-check/.build/release/owner-check"

    func check(allowing programs: [String], off: [String]) throws -> CheckResult {
        var configuration = try Configuration.load(path: Self.folder + "/.plancheck.yml")
        for rule in off { configuration.severityOverrides[rule] = .some(nil) }
        let project = try Project(configuration: configuration, jobs: 1, pluginPermissions: PluginPermissions(paths: programs))
        return project.engine.check(files: project.datasetFiles(paths: []))
    }

    @Test(.enabled(if: Python.available, "python3 is not installed: the Python example plugin is not run"))
    func pythonBudgetCheck() throws {
        let result = try check(allowing: [Self.folder + "/budget_check.py"], off: ["task-owner-named"])
        #expect(result.errors.isEmpty, "\(result.errors)")
        #expect(result.findings.map { "\($0.line):\($0.column) \($0.rule) \($0.record)" } == [
            "12:13 large-budget-finance.no-finance-unit T2",
            "13:5 task-lead-required T3",
        ])
        #expect(result.findings.first?.message == "T2: budget 1800000 exceeds 1,000,000 but no finance unit (市财政局, 财政局) takes part")
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: ownerCheck),
                   "Examples/plugins/swift-owner-check is not built (swift build -c release --package-path Examples/plugins/swift-owner-check)"))
    func swiftOwnerCheck() throws {
        let result = try check(allowing: [Self.ownerCheck], off: ["large-budget-finance"])
        #expect(result.errors.isEmpty, "\(result.errors)")
        #expect(result.findings.map { "\($0.line):\($0.column) \($0.rule) \($0.severity) \($0.record)" } == [
            "11:12 task-owner-named.placeholder warning T2",
            "13:5 task-lead-required error T3",
        ])
    }
}
