import Testing
@testable import PlanCheck

/// Runs a checker like `CheckerHarness`, collecting its assessments too.
enum AssessingHarness {
    static func run<C: Checker>(_ type: C.Type, rule: String, data: String, target: String,
                                asOf: PlanDate = PlanDate(year: 2011, month: 12, day: 31)) throws -> (findings: [Finding], assessments: [Assessment]) {
        let checker = try C(options: CheckerHarness.options(rule))
        let doc = try YAMLLoader.load(bytes: Array(data.utf8), file: "data.yml")
        let root = try #require(doc.root)
        let context = CheckContext(asOf: asOf, root: root, assess: true)
        let header = RuleHeader(id: "example", checker: C.descriptor.name, severity: .error, severityIsExplicit: false, message: nil)
        var reporter = FindingReporter(header: header, context: context)
        var state = checker.makeState(context: context)
        for node in try JSONPath(target).select(root) {
            checker.check(Record(node: node, keyField: "id"), state: &state, report: &reporter)
        }
        checker.finish(state: &state, report: &reporter)
        return (reporter.findings.sorted(by: Finding.reportOrder), reporter.assessments)
    }

    static func indicators(_ data: String, rule: String = "", asOf: PlanDate = PlanDate(year: 2016, month: 6, day: 30)) throws
        -> (findings: [Finding], judged: [String: IndicatorAssessment]) {
        let run = try run(IndicatorChecker.self, rule: rule, data: data, target: "$.indicators[*]", asOf: asOf)
        var judged: [String: IndicatorAssessment] = [:]
        for a in run.assessments { if case .indicator(let i) = a.value { judged[a.record] = i } }
        return (run.findings, judged)
    }

    static func tasks(_ data: String, rule: String = "periodStart: 2021-01-01\nperiodEnd: 2021-12-31",
                      asOf: PlanDate = PlanDate(year: 2021, month: 6, day: 30)) throws -> (findings: [Finding], judged: [String: TaskAssessment]) {
        let run = try run(DeadlineChecker.self, rule: rule, data: data, target: "$.tasks[*]", asOf: asOf)
        var judged: [String: TaskAssessment] = [:]
        for a in run.assessments { if case .task(let t) = a.value { judged[a.record] = t } }
        return (run.findings, judged)
    }
}

/// The shared vocabulary: the spellings real ledgers use, understood without configuration.
@Suite struct VocabularyTests {
    @Test(arguments: ["at-least", "at_least", "atLeast", "AT LEAST", "min", "不低于", "不少于", "≥", ">=", "以上", "达到"])
    func atLeast(_ word: String) { #expect(Vocabulary.direction(word) == .atLeast) }

    @Test(arguments: ["at-most", "at_most", "atMost", "max", "不高于", "不超过", "≤", "<=", "以内", "以下", "控制在"])
    func atMost(_ word: String) { #expect(Vocabulary.direction(word) == .atMost) }

    @Test func statusWords() {
        for word in ["done", "Completed", "finished", "closed", "已完成", "完成", "办结", "已办结"] { #expect(Vocabulary.progress(word) == .done, "\(word)") }
        for word in ["in progress", "in_progress", "in-progress", "InProgress", "ongoing", "推进中", "进行中", "正在推进"] {
            #expect(Vocabulary.progress(word) == .inProgress, "\(word)")
        }
        for word in ["not started", "not_started", "未开始", "未启动"] { #expect(Vocabulary.progress(word) == .notStarted, "\(word)") }
        for word in ["delayed", "滞后", "延期"] { #expect(Vocabulary.progress(word) == .delayed, "\(word)") }
        #expect(Vocabulary.progress("待议") == nil)
    }

    @Test func kinds() {
        for word in ["binding", "Binding", "约束性", "约束"] { #expect(Vocabulary.kind(word) == .binding) }
        for word in ["expected", "预期性", "指导性"] { #expect(Vocabulary.kind(word) == .expected) }
        #expect(Vocabulary.kind("县区") == nil)
    }

    /// The district plan's spelling: `at_least` was rejected and the record skipped, so a missed
    /// binding target went unreported.
    @Test func underscoredDirectionStillJudgesTheRecord() throws {
        let run = try AssessingHarness.indicators("""
            plan: {period: {start: 2011-01-01, end: 2015-12-31}}
            indicators:
              - {id: I1, name: 污水处理率, kind: 约束性, direction: at_least, target: 95%, actual: 90%}
              - {id: I2, name: 某指标, kind: binding, direction: sideways, target: 95, actual: 90}
            """, rule: "period: $.plan.period")
        #expect(run.findings.map(\.rule) == ["example.missed", "example.direction-unknown", "example.missed"])
        #expect(run.findings[0].severity == .error)
        #expect(run.judged["I1"]?.status == .missed && run.judged["I2"]?.status == .missed)
    }

    @Test func structuredValues() throws {
        let run = try AssessingHarness.indicators("""
            indicators:
              - id: I1
                kind: binding
                direction: at-least
                baseline: {year: 2020, value: 1000}
                target: {year: 2025, value: 1500}
                actual: {year: 2022, value: 1050, unit: 亿元}
                unit: 亿元
              - id: I2
                kind: expected
                target: {value: 3500, unit: 亿元}
                actual: 3600亿元
              - id: I3
                kind: binding
                target: {year: 2025}
                actual: 1
            """, asOf: PlanDate(year: 2023, month: 3, day: 1))
        let i1 = try #require(run.judged["I1"])
        // Target year 2025 after the as-of year 2023: judged on the path, at the actual's year 2022.
        #expect(i1.basis == .path && i1.targetYear == 2025 && i1.actualYear == 2022 && i1.baselineYear == 2020)
        #expect(i1.status == .behind)   // 1000 × 1.5^(2/5) = 1176.2 > 1050
        #expect(i1.unit == "亿元" && i1.target == 1500 && i1.actual == 1050)
        #expect(run.judged["I2"]?.status == .met)
        #expect(run.judged["I3"]?.status == .unreadable)
        #expect(run.findings.map(\.rule) == ["example.behind-trajectory", "example.target-non-numeric"])
    }

    @Test func deadlineStatusWords() throws {
        let run = try AssessingHarness.tasks("""
            tasks:
              - {id: T1, due: 2021-03-31, status: 已办结, completed: 2021-03-01}
              - {id: T2, due: 2021-03-31, status: in_progress}
              - {id: T3, due: 2021-03-31, status: 推进中}
              - {id: T4, due: 2021-12-31, status: 滞后}
              - {id: T5, due: 2021-03-31, status: 待议}
              - {id: T6, due: 2021-03-31, status: 完成}
              - {id: T7, due: 2022-03-31, status: 未启动}
            """)
        let j = run.judged
        #expect(j["T1"]?.state == .doneOnTime && j["T1"]?.progress == .done)
        #expect(j["T2"]?.state == .overdue && j["T2"]?.progress == .inProgress && j["T2"]?.daysOverdue == 91)
        #expect(j["T3"]?.state == .overdue && j["T4"]?.state == .due && j["T4"]?.progress == .delayed)
        // An unknown status: one finding, and the task is still judged (not done: overdue).
        #expect(j["T5"]?.state == .overdue && j["T5"]?.progress == nil)
        // Done without a completion date: the date is unknown, not "on time".
        #expect(j["T6"]?.state == .doneDateUnknown)
        #expect(j["T7"]?.state == .due && j["T7"]?.outsidePeriod == true)
        #expect(run.findings.map { $0.record + " " + $0.rule } == [
            "T2 example.overdue", "T3 example.overdue", "T5 example.overdue", "T5 example.status-unknown",
            "T6 example.done-without-date", "T7 example.outside-period",
        ])
    }

    @Test func customDoneWordsReplaceTheVocabularys() throws {
        let run = try AssessingHarness.tasks("""
            tasks:
              - {id: T1, due: 2021-03-31, status: 验收通过, completed: 2021-03-01}
              - {id: T2, due: 2021-03-31, status: 推进中}
            """, rule: "done: [验收通过]")
        #expect(run.judged["T1"]?.state == .doneOnTime && run.judged["T2"]?.state == .overdue)
        #expect(run.findings.map(\.rule) == ["example.overdue"])
    }
}
