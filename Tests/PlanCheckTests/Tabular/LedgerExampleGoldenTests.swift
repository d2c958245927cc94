import Foundation
import Testing
@testable import PlanCheck

/// Examples/ledger-xlsx's reviewed output (`PLANCHECK_UPDATE_GOLDENS=1` rewrites it).
@Suite struct LedgerExampleGoldenTests {
    @Test func textReportMatchesGolden() throws {
        let folder = repositoryRoot + "/Examples/ledger-xlsx"
        let project = try Project(configuration: Configuration.load(path: folder + "/.plancheck.yml"), jobs: 1)
        let result = project.engine.check(files: project.datasetFiles(paths: []))
        let text = TextReport().render(ReportInput(result: result, rules: project.engine.rules, asOf: project.engine.asOf))
            .replacingOccurrences(of: repositoryRoot + "/", with: "")
        let goldenPath = folder + "/expected.txt"
        if ProcessInfo.processInfo.environment["PLANCHECK_UPDATE_GOLDENS"] != nil {
            try text.write(toFile: goldenPath, atomically: true, encoding: .utf8)
        }
        #expect(text == (try String(contentsOfFile: goldenPath, encoding: .utf8)))
    }
}
