import Foundation
import Testing
@testable import PlanCheck

/// The library parts behind `check --format/--output` and `plancheck init`.
@Suite struct CLISupportTests {
    static func pairs(_ formats: [String], _ outputs: [String]) -> [String]? {
        try? ReportDestination.pair(formats: formats, outputs: outputs).get().map { "\($0.format)>\($0.output)" }
    }

    @Test func formatsAndOutputsPairByPosition() {
        #expect(Self.pairs([], []) == ["text>-"])
        #expect(Self.pairs([], ["r.txt"]) == ["text>r.txt"])
        #expect(Self.pairs(["text", "sarif"], ["-", "r.sarif"]) == ["text>-", "sarif>r.sarif"])
        #expect(Self.pairs(["sarif", "junit", "text"], ["r.sarif", "r.xml"]) == ["sarif>r.sarif", "junit>r.xml", "text>-"])
    }

    @Test func pairingMistakesAreRefused() {
        #expect(Self.pairs(["json", "csv"], []) == nil)             // two on stdout
        #expect(Self.pairs(["json"], ["a", "b"]) == nil)           // more outputs than formats
        #expect(Self.pairs(["json", "csv"], ["a", "./a"]) == nil)  // one file twice
        #expect(Self.pairs(["yaml"], []) == nil)                   // unknown format
    }

    @Test func initWritesAStarterThatRuns() throws {
        let directory = try TemporaryDirectory()
        directory.write("plan.yaml", """
            tasks:
              - {id: T1, title: 一, lead: 市发展改革委}
              - {id: T2, title: 二, lead: 市外办}
            units:
              - {id: U1, name: 市发展改革委}
              - {id: U2, name: 市外办}
            """)
        let files = try #require(StarterProject.make(directory: directory.path))
        #expect(files.collections.map(\.name) == ["tasks", "units"])
        directory.write(Configuration.fileName, files.config)
        directory.write(StarterProject.rulesFileName, files.rules)
        let project = try Project(configuration: Configuration.load(path: directory.path + "/" + Configuration.fileName), jobs: 1)
        #expect(project.engine.rules.map(\.id).contains("tasks-accountability"))
        let result = project.engine.check(files: project.datasetFiles(paths: []))
        #expect(result.errors.isEmpty)
        #expect(result.findings.isEmpty, "the starter rules pass on the data they were guessed from")
    }

    @Test func initFindsNothingInAnEmptyFolder() throws {
        #expect(StarterProject.make(directory: try TemporaryDirectory().path) == nil)
    }
}
