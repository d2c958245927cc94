import Foundation
import Testing
@testable import PlanCheck

/// The shipped examples' output is reviewed and kept in `Examples/<name>/expected.txt`.
/// After an intended change: `PLANCHECK_UPDATE_GOLDENS=1 swift test --filter ExampleGolden`,
/// then read the diff.
@Suite struct ExampleGoldenTests {
    static let examples = ["shenzhen-2011", "urumqi-2013", "city-construction", "civilized-city-2020", "hangzhou-2009", "ledger-xlsx", "audit-demo", "district-mapping", "plan-documents"]

    @Test(arguments: examples)
    func textReportMatchesGolden(_ name: String) throws {
        let folder = repositoryRoot + "/Examples/" + name
        let project = try Project(configuration: Configuration.load(path: folder + "/.plancheck.yml"), jobs: 1)
        let result = project.engine.check(files: project.datasetFiles(paths: []))
        let text = TextReport().render(ReportInput(result: result, rules: project.engine.rules, asOf: project.engine.asOf))
            .replacingOccurrences(of: repositoryRoot + "/", with: "")
        let goldenPath = folder + "/expected.txt"
        if ProcessInfo.processInfo.environment["PLANCHECK_UPDATE_GOLDENS"] != nil {
            try text.write(toFile: goldenPath, atomically: true, encoding: .utf8)
        }
        let golden = try String(contentsOfFile: goldenPath, encoding: .utf8)
        #expect(text == golden)
    }

    @Test func outputDoesNotDependOnThreadCount() throws {
        let folder = repositoryRoot + "/Examples/shenzhen-2011"
        var outputs: [String] = []
        for jobs in [1, 2, 8] {
            let project = try Project(configuration: Configuration.load(path: folder + "/.plancheck.yml"), jobs: jobs)
            let result = project.engine.check(files: project.datasetFiles(paths: []))
            outputs.append(JSONReport().render(ReportInput(result: result, rules: project.engine.rules, asOf: project.engine.asOf)))
        }
        #expect(Set(outputs).count == 1)
    }
}
