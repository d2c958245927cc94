import Testing
@testable import PlanCheck

/// Issue 15 (12): `plancheck init` on a plan with a unit list, leads, deadlines, indicators and
/// permits writes the rules of the matching packs, with the plan period, and today as the
/// sample as-of date.
@Suite struct InitPackRulesTests {
    static let plan = """
        plan:
          title: 某区2021年重点工作
          issued: 2021-01-10
          period: {start: 2021-01-01, end: 2021-12-31}
        units:
          - {id: U1, name: 市城管局, aliases: [城管局]}
          - {id: U2, name: 市住建局}
        tasks:
          - {id: T1, title: 一, lead: 城管局, participants: 市住建局, owner: 张三, due: 2021年3月底, status: done, completed: 2021-03-20}
          - {id: T2, title: 二, lead: 市住建局, participants: 市住建局, owner: 李四, due: 2021年5月底, status: 推进中}
        indicators:
          - {id: I1, name: 覆盖率, kind: 约束性, target: 95%, actual: 90%}
        projects:
          - {id: P1, name: 甲, permits: {site_selection: true, land_use: true, construction: true}}
          - {id: P2, name: 乙, permits: {site_selection: true, land_use: true, construction: false}}
        """

    @Test func writesThePacksRulesForWhatThePlanHolds() throws {
        let directory = try TemporaryDirectory()
        directory.write("plan.yaml", Self.plan)
        let today = PlanDate(year: 2026, month: 12, day: 1)
        let files = try #require(StarterProject.make(directory: directory.path, today: today))
        #expect(files.config.contains("# asOf: 2026-12-01"))
        #expect(files.rules.contains("period: \"$.plan.period\""))
        #expect(files.rules.contains("fields: [\"permits.site_selection\", \"permits.land_use\", \"permits.construction\"]"))
        directory.write(Configuration.fileName, files.config + "asOf: 2021-06-30\n")
        directory.write(StarterProject.rulesFileName, files.rules)
        let project = try Project(configuration: Configuration.load(path: directory.path + "/" + Configuration.fileName), jobs: 1)
        let ids = Set(project.engine.rules.map(\.id))
        for id in ["tasks-accountability", "tasks-deadline", "indicators-indicator", "projects-permits"] {
            #expect(ids.contains(id), "\(id) in \(ids.sorted())")
        }
        let result = project.engine.check(files: project.datasetFiles(paths: []))
        #expect(result.errors.isEmpty)
        // The defects the packs would find: the lead repeated, the overdue task, the missed
        // binding indicator, the project without its construction permit and the rate.
        #expect(Set(result.findings.map(\.rule)) == [
            "tasks-accountability.lead-also-participant", "tasks-deadline.overdue", "indicators-indicator.missed",
            "projects-permits.short", "projects-permits.rate",
        ])
        // The registry: the alias 城管局 is known.
        #expect(!result.findings.contains { $0.rule.hasSuffix("unknown-lead") })
    }

    /// Two plans in one folder both hold `tasks`: one set of rules for both (a rule id written
    /// twice would make the starter configuration unusable), required fields those both fill.
    @Test func twoDatasetsWithTheSameListGetOneSetOfRules() throws {
        let directory = try TemporaryDirectory()
        directory.write("a.yaml", "tasks:\n  - {id: A1, title: 一, lead: 市城管局, owner: 张三}\n")
        directory.write("b.yaml", "tasks:\n  - {id: B1, title: 二, lead: 市住建局, due: 2021年6月底}\n"
                        + "plan-tasks:\n  - {id: P1}\nplan:\n  tasks:\n    - {id: Q1}\n")
        let files = try #require(StarterProject.make(directory: directory.path, today: PlanDate(year: 2026, month: 12, day: 1)))
        #expect(files.collections.map(\.name) == ["tasks", "plan-tasks", "plan.tasks"])
        #expect(files.rules.contains("# tasks: 2 records in a.yaml, b.yaml"))
        #expect(files.rules.contains("fields: [\"id\", \"title\", \"lead\"]"), "owner and due are not in both: \(files.rules)")
        directory.write(Configuration.fileName, files.config + "asOf: 2021-12-31\n")
        directory.write(StarterProject.rulesFileName, files.rules)
        let project = try Project(configuration: Configuration.load(path: directory.path + "/" + Configuration.fileName), jobs: 1)
        let ids = project.engine.rules.map(\.id)
        #expect(ids.count == Set(ids).count, "\(ids)")
        #expect(ids.contains("plan-tasks-required") && ids.contains("plan-tasks-2-required"), "\(ids)")
        let result = project.engine.check(files: project.datasetFiles(paths: []))
        #expect(result.errors.isEmpty, "\(result.errors)")
        // The deadline rule (b's `due`) runs on a's task too: a has no deadline.
        #expect(result.findings.map(\.record).contains("A1"), "\(result.findings.map(\.message))")
    }
}
