import Foundation
import Testing
@testable import PlanCheck

/// The audit's figures against counts made by hand from Examples/audit-demo/plan.yaml
/// (as of 2021-06-30; the file's comments say which task holds which case).
@Suite struct AuditModelTests {
    @Test func statusOfEveryTask() throws {
        let report = try AuditDemo.report()
        let status = Dictionary(uniqueKeysWithValues: report.tasks.map { ($0.id, $0.status) })
        #expect(status == [
            "T01": .doneOnTime, "T02": .doneLate, "T03": .overdue, "T11": .overdue, "T04": .inProgress,
            "T05": .notStarted, "T06": .inProgress, "T12": .doneOnTime, "T07": .overdue, "T08": .notStarted,
            "T09": .inProgress, "T10": .doneDateUnknown,     // done without a completion date
        ])
        let task = Dictionary(uniqueKeysWithValues: report.tasks.map { ($0.id, $0) })
        #expect(task["T03"]?.daysOverdue == 30)         // 2021-05-31 → 2021-06-30
        #expect(task["T07"]?.daysOverdue == 91)         // 2021年第一季度 = 2021-03-31
        #expect(task["T11"]?.daysOverdue == 1)
        #expect(task["T04"]?.daysOverdue == nil)        // due on the as-of day: not overdue
        #expect(task["T02"]?.daysLate == 10)            // 2021年4月底 → completed 2021-05-10
        #expect(task["T05"]?.deadline == "2021-09-30")  // 三季度, year from the plan period
        #expect(task["T09"]?.deadlineProblem == "no-fixed-deadline")
        #expect(task["T03"]?.leads == ["市城管局", "市住建局"])  // co-lead string, split
        #expect(task["T02"]?.leads == ["市城管局"])             // alias resolved
        #expect(task["T11"]?.leads == ["市城管局"] && task["T11"]?.leadsInherited == true)
        #expect(task["T03"]?.participants == ["市交通局"])
        #expect(task["T11"]?.findings == ["task-deadline.overdue", "task-lead.missing-lead", "task-owner"])
    }

    @Test func totals() throws {
        let t = try AuditDemo.report().totals
        #expect((t.tasks, t.doneOnTime, t.doneLate, t.doneDateUnknown, t.inProgress, t.notStarted) == (12, 2, 1, 1, 3, 2))
        #expect(t.overdue == 3)
        #expect((t.daysOverdue, t.maxDaysOverdue) == (122, 91))
        // 2 on time of 6 whose deadline has come (2 + 1 late + 3 overdue); T10, done without a
        // completion date, is outside the rate.
        #expect(t.onTimeRate == 33.3)
        #expect(t.done == 4)
    }

    @Test func unitsRankedWorstFirst() throws {
        let units = try AuditDemo.report().units
        #expect(units.map(\.name) == ["市城管局", "市交通局", "市住建局", "区政府办", "市财政局"])
        #expect(units.map(\.rank) == [1, 2, 3, 4, 5])
        let cgj = units[0]
        #expect((cgj.led.tasks, cgj.led.doneOnTime, cgj.led.doneLate, cgj.led.overdue, cgj.led.daysOverdue) == (4, 1, 1, 2, 31))
        #expect(cgj.onTimeRate == 25)
        #expect(cgj.overdueTasks.map(\.id) == ["T03", "T11"] && cgj.lateTasks.map(\.id) == ["T02"])
        #expect(cgj.findings == 5)      // T02 done late; T03 overdue; T11 overdue, no lead, no owner
        let jtj = units[1]
        #expect((jtj.led.tasks, jtj.led.overdue, jtj.led.daysOverdue, jtj.led.inProgress, jtj.led.doneDateUnknown) == (3, 1, 91, 1, 1))
        #expect((jtj.participated.tasks, jtj.participated.overdue) == (3, 2))   // T01, T03, T11
        #expect(jtj.onTimeRate == 0)    // T07 overdue; T10 done without a date is not credited as on time
        let zjj = units[2]
        #expect((zjj.led.tasks, zjj.led.doneOnTime, zjj.led.inProgress, zjj.led.notStarted, zjj.led.overdue) == (4, 1, 1, 1, 1))
        #expect(units[3].registered == false && units[3].onTimeRate == nil)
        #expect(units[4].led.tasks == 0 && units[4].participated.tasks == 1)
    }

    @Test func groups() throws {
        let groups = try AuditDemo.report().groups
        #expect(groups.map(\.id) == ["A1", "A2", "A3", ""])
        #expect(groups.map(\.counts.tasks) == [4, 4, 3, 1])
        #expect(groups.map(\.counts.overdue) == [2, 0, 1, 0])
        #expect(groups.map(\.progress) == [50, 25, 0, 100])
    }

    @Test func indicatorsAndRatios() throws {
        let report = try AuditDemo.report()
        let status = report.indicators.map(\.status)
        // I4's growth 8 % against 10 % a year is `growth-missed` in `check`, so missed here too.
        #expect(status == [.met, .onTrack, .missed, .missed, .noData])
        #expect(report.indicators[1].basis.hasPrefix("actual 80户 vs 70.71户 on the path"))
        #expect(report.indicators[0].attainment == 119 && report.indicators[0].gap == -0.8) // at most 5 %, actual 4.2 %
        #expect(report.indicators[2].gap == -5 && report.indicators[2].attainment == 94.7)
        let ratio = try #require(report.ratios.first)
        #expect((ratio.id, ratio.satisfied, ratio.total, ratio.rate, ratio.meetsDeclared) == ("permits-yishu-liangzheng", 3, 4, 75, false))
        #expect(ratio.shortfalls.map(\.id) == ["P4"] && ratio.shortfalls[0].missing == ["建设工程规划许可证"])
    }

    @Test func dataQuality() throws {
        let q = try AuditDemo.report().dataQuality
        #expect(q.noLead == ["T08"])
        #expect(q.noOwner.sorted() == ["T05", "T06", "T08", "T09", "T10", "T11", "T12"])
        #expect(q.noDeadline == ["T06"] && q.unreadableDeadline == ["T09"])
        #expect(q.noStatus == ["T12"] && q.doneWithoutDate == ["T10"])
        #expect(q.unregisteredUnits == ["区政府办"])
    }

    @Test func headline() throws {
        let zh = try AuditDemo.report().headline
        #expect(zh.hasPrefix("截至2021-06-30，12项任务中3项逾期未完成"))
        #expect(zh.contains("3个牵头单位（市城管局、市交通局、市住建局）占其中3项"))
        let en = try AuditDemo.report(language: .en).headline
        #expect(en.hasPrefix("As of 2021-06-30, 3 of 12 tasks are overdue"))
        #expect(en.contains("3 units (市城管局, 市交通局, 市住建局) account for 3 of them."))
        #expect(en.contains("1 task names no lead unit and 1 has no deadline."))
    }

    /// English counts agree with their number ("1 unit … accounts", "1 warning", never "infos").
    @Test func englishCountsAgreeWithTheirNumber() throws {
        let project = try Project(configuration: Configuration.load(path: repositoryRoot + "/Examples/district-mapping/.plancheck.yml"), jobs: 1)
        let report = AuditBuilder.audit(project: project, files: project.datasetFiles(paths: []), language: .en)
        #expect(report.headline.contains("1 unit (区政务服务局) accounts for 1 of them."))
        let text = AuditText.render(report, AuditStrings(.en))
        #expect(text.contains("11 errors, 1 warning, 1 info\n"))
        #expect(!text.contains("infos"))
        #expect(AuditStrings(.zh).findingCounts(error: 1, warning: 1, info: 1) == "1 错误, 1 警告, 1 提示")
    }

    @Test func languageDetection() {
        var sample = LanguageSample()
        sample.add("拆除违法建设")
        #expect(sample.language == .zh)
        var english = LanguageSample()
        english.add("Clear the main roads")
        #expect(english.language == .en)
        #expect(LanguageSample().language == .en)
    }

    /// The JSON field names are an interface (docs/audit.md): renaming one breaks `--compare`
    /// against older reports and every script reading them.
    @Test func jsonRoundTripsAndKeepsFieldNames() throws {
        let report = try AuditDemo.report()
        let json = AuditRenderer.json(report)
        #expect(try AuditRenderer.decode(json: Array(json.utf8)) == report)
        for key in ["schemaVersion", "asOf", "headline", "totals", "units", "groups", "tasks", "indicators", "ratios",
                    "dataQuality", "findings", "doneOnTime", "doneLate", "inProgress", "notStarted", "overdue",
                    "daysOverdue", "onTimeRate", "overdueTasks", "participated", "led", "attainment", "shortfalls",
                    "noLead", "noOwner", "noDeadline"] {
            #expect(json.contains("\"\(key)\" :") || json.contains("\"\(key)\":"), "missing field \(key)")
        }
    }
}
