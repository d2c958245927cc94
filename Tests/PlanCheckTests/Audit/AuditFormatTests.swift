import Foundation
import Testing
@testable import PlanCheck

/// Goldens of the small formats for the audit example, and the comparison between two audits.
/// After an intended change: `PLANCHECK_UPDATE_GOLDENS=1 swift test --filter Audit`, read the diff.
@Suite struct AuditFormatTests {
    @Test(arguments: [("expected-audit.txt", AuditOutputFormat.text, AuditLanguage.zh),
                      ("expected-audit.md", .markdown, .zh),
                      ("expected-audit.en.txt", .text, .en)])
    func goldens(_ file: String, _ format: AuditOutputFormat, _ language: AuditLanguage) throws {
        let text = AuditRenderer.render(try AuditDemo.report(language: language), format: format)
        let path = AuditDemo.folder + "/" + file
        if ProcessInfo.processInfo.environment["PLANCHECK_UPDATE_GOLDENS"] != nil {
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        }
        #expect(text == (try String(contentsOfFile: path, encoding: .utf8)))
    }

    @Test func csvTables() throws {
        let report = try AuditDemo.report()
        let units = AuditRenderer.render(report, format: .csv, table: .units)
        #expect(units.hasPrefix("\u{FEFF}rank,name,registered,"))
        let lines = units.dropFirst().components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines.count == report.units.count + 1)
        #expect(lines[1] == "1,市城管局,true,4,1,1,0,0,2,31,30,25,0,0,5,T03 T11,0")
        let tasks = AuditRenderer.render(report, format: .csv, table: .tasks)
        #expect(tasks.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count == report.tasks.count + 1)
        #expect(AuditCSV.field("a,\"b\"") == "\"a,\"\"b\"\"\"")
    }

    /// The previous audit: the same plan on 2021-04-15, before T01 was done and with I3 at 85 %.
    @Test func comparisonWithPreviousAudit() throws {
        let current = try AuditDemo.report()
        let dir = try TemporaryDirectory()
        var text = try String(contentsOfFile: AuditDemo.folder + "/plan.yaml", encoding: .utf8)
        text = text.replacingOccurrences(of: "status: done\n    completed: 2021-03-20", with: "status: in-progress")
            .replacingOccurrences(of: "target: 95, direction: at-least, actual: 90", with: "target: 95, direction: at-least, actual: 85")
        let file = dir.write("plan.yaml", text)
        let project = try Project(configuration: Configuration.load(path: AuditDemo.folder + "/.plancheck.yml"),
                                  asOf: PlanDate(year: 2021, month: 4, day: 15), jobs: 1)
        let previous = AuditBuilder.audit(project: project, files: [file])
        // Through JSON, as `--compare` reads it.
        let decoded = try AuditRenderer.decode(json: Array(AuditRenderer.json(previous).utf8))
        let c = AuditComparison.between(previous: decoded, current: current)
        #expect(c.previousAsOf == "2021-04-15")
        #expect(c.newlyOverdue == ["T03", "T11"])   // T07 was already overdue on 04-15
        #expect(c.newlyCompleted == ["T01"])
        #expect(c.noLongerOverdue == ["T01"])      // overdue on 04-15 (due 03-31), done since
        #expect(c.addedTasks.isEmpty && c.removedTasks.isEmpty)
        #expect((c.overdueBefore, c.overdueNow) == (2, 3))
        #expect(c.indicatorsMoved.map(\.id) == ["I3"] && c.indicatorsMoved[0].previousActual == 85)
        // 市城管局 1 → 2 (T01 out, T03 and T11 in), 市住建局 0 → 1 (T03); 市交通局 stays at 1.
        #expect(Set(c.unitsMoved.map(\.name)) == ["市城管局", "市住建局"])
        var withChanges = current
        withChanges.comparison = c
        let rendered = AuditRenderer.render(withChanges, format: .text)
        #expect(rendered.contains("新增逾期: T03, T11"))
        #expect(rendered.contains("新完成: T01"))
        let same = AuditComparison.between(previous: current, current: current)
        #expect(same.isEmpty && ComparisonLines.make(same, AuditStrings(.zh)).isEmpty)
    }
}
