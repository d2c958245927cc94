import Foundation
import Testing
@testable import PlanCheck

/// `plan:` gives datasets without a plan period of their own (a CSV ledger) the plan's period
/// and issue date, from another file, a collection, or the configuration itself.
@Suite struct PlanMetadataTests {
    static let ledger = "序号,任务,牵头单位,完成时限,状态\nL1,甲,财政局,2027年6月底前,进行中\nL2,乙,财政局,2024年底前,进行中\n"

    @Test func aCSVLedgerTakesThePeriodFromThePlanFile() throws {
        let project = try MappingProject(config: """
            packs: [deadlines]
            asOf: 2023-12-31
            plan: {file: plan.yaml, path: $.plan}
            mapping:
              plan: {fields: {规划期: period, 印发日期: issued}}
            """, files: [
            "plan.yaml": "plan:\n  印发日期: 2021-06-15\n  规划期: {start: 2021-01-01, end: 2025-12-31}\n",
            "ledger.csv": Self.ledger,
        ])
        let metadata = try #require(try project.project().engine.plan)
        #expect(metadata.period == PlanDateInterval(start: PlanDate(year: 2021, month: 1, day: 1), end: PlanDate(year: 2025, month: 12, day: 31)))
        #expect(metadata.issued == PlanDate(year: 2021, month: 6, day: 15))
        #expect(try project.check(["ledger.csv"]) == [
            "ledger.csv:2:4: error: L1: deadline `2027年6月底前` ends 2027-06-30, after the plan period ends 2025-12-31 [task-deadline.outside-period]",
        ])
    }

    @Test func withoutPlanTheLedgerHasNoPeriodToBeOutsideOf() throws {
        let project = try MappingProject(config: "packs: [deadlines]\nasOf: 2023-12-31\n", files: ["ledger.csv": Self.ledger])
        let findings = try project.check(["ledger.csv"])
        #expect(!findings.contains { $0.contains("outside-period") })
        #expect(findings.contains { $0.contains("task-deadline.period") }, "\(findings)")
    }

    @Test func aLiteralPlanAndACollectionWorkToo() throws {
        let literal = try MappingProject(config: """
            packs: [deadlines]
            asOf: 2023-12-31
            plan: {period: {start: 2021-01-01, end: 2025-12-31}, issued: 2021-06-15}
            """, files: ["ledger.csv": Self.ledger])
        #expect(try literal.check(["ledger.csv"]).count == 1)
        let collection = try MappingProject(config: """
            packs: [deadlines]
            asOf: 2023-12-31
            collections: {meta: {file: meta.yaml, path: $.plan}}
            plan: {collection: meta}
            """, files: ["ledger.csv": Self.ledger, "meta.yaml": "plan: {period: {start: 2021-01-01, end: 2025-12-31}}\n"])
        #expect(try collection.check(["ledger.csv"]).count == 1)
    }

    @Test func theDatasetsOwnPeriodWins() throws {
        let project = try MappingProject(config: """
            packs: [deadlines]
            asOf: 2023-12-31
            plan: {period: {start: 2021-01-01, end: 2030-12-31}}
            """, files: ["plan.yaml": "plan: {period: {start: 2021-01-01, end: 2025-12-31}}\ntasks: [{id: T1, due: 2027年底前, status: in-progress}]\n"])
        #expect(try project.check(["plan.yaml"]).contains { $0.contains("outside-period") })
    }

    @Test func badPlanSettingsAreLocatedErrors() throws {
        let cases: [(String, [String: String], String, Int)] = [
            ("plan: {file: plan.yaml, path: $.nothing}", ["plan.yaml": "plan: {}\n"], "selects nothing", 2),
            ("plan: {file: plan.yaml}", ["plan.yaml": "plan: {title: x}\n"], "neither a readable `period", 2),
            ("plan: {collection: mata}\ncollections: {meta: {file: m.yaml}}", ["m.yaml": "[]\n"], "did you mean `meta`", 2),
            ("plan: {period: {start: 2025-01-01, end: 2021-01-01}}", [:], "`plan.period` is {start", 2),
            ("plan: {issued: soon}", [:], "`plan.issued` is a date", 2),
            ("plan: {peroid: {start: 2021-01-01, end: 2025-12-31}}", [:], "did you mean `period`", 2),
            ("plan: {file: a.yaml, period: {start: 2021-01-01, end: 2025-12-31}}", [:], "give one of them", 2),
        ]
        for (yaml, files, expected, line) in cases {
            let project = try MappingProject(config: "packs: [deadlines]\n" + yaml + "\n", files: files)
            let error = try #require(project.configError(), "\(yaml)")
            #expect(error.message.contains(expected), "\(yaml): \(error.message)")
            #expect(error.line == line && error.file.hasSuffix(".plancheck.yml"), "\(yaml): \(error)")
        }
    }
}
