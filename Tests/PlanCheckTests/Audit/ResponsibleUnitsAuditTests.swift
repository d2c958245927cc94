import Testing
@testable import PlanCheck

/// A plan that names only responsible units (责任单位) for a task: the audit counts each of
/// them as answerable for it (as a co-lead), shows them as responsible, and still lists the
/// task as having no lead — it never pretends the plan marked one.
@Suite struct ResponsibleUnitsAuditTests {
    static let plan = """
        tasks:
          - {id: T1, title: 修路, responsible: 市交通局、市财政局, due: 2021-06-30, status: 未开始}
          - {id: T2, title: 建园, lead: 市城管局, responsible: 市财政局, due: 2021-12-31, status: 推进中}
        """

    @Test func responsibleUnitsAnswerForTasksWithoutALead() throws {
        let directory = try TemporaryDirectory()
        directory.write("plan.yaml", Self.plan)
        var configuration = Configuration()
        configuration.packs = ["plan-basics", "deadlines"]
        let project = try Project(configuration: configuration, asOf: PlanDate(year: 2021, month: 9, day: 30), jobs: 1)
        let report = AuditBuilder.audit(project: project, files: [directory.path + "/plan.yaml"], language: .zh)
        let t1 = try #require(report.tasks.first { $0.id == "T1" })
        #expect(t1.leads.isEmpty && t1.responsible == ["市交通局", "市财政局"])
        #expect(t1.status == .overdue)
        // T2 has a lead: its other units are not "responsible" for the ranking.
        #expect(report.tasks.first { $0.id == "T2" }?.responsible == nil)
        let units = Dictionary(uniqueKeysWithValues: report.units.map { ($0.name, $0) })
        #expect(units["市交通局"]?.led.overdue == 1)
        #expect(units["市财政局"]?.led.tasks == 1)
        #expect(units["市城管局"]?.led.tasks == 1)
        #expect(report.dataQuality.noLead == ["T1"])
        let text = AuditRenderer.render(report, format: .text, table: .units)
        #expect(text.contains("市交通局、市财政局（责任单位）"), "\(text)")
        // The check says the same: a warning that no lead is marked, not a missing lead.
        let result = project.engine.check(files: [directory.path + "/plan.yaml"])
        #expect(result.findings.contains { $0.record == "T1" && $0.rule == "task-lead.responsible-without-lead" && $0.severity == .warning })
        #expect(!result.findings.contains { $0.rule.hasSuffix("missing-lead") })
    }
}
