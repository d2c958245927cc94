import Testing
@testable import PlanCheck

@Suite struct DeadlineCheckerTests {
    func run(_ rule: String, _ data: String, asOf: String = "2011-07-01") throws -> [Finding] {
        try CheckerHarness.run(DeadlineChecker.self, rule: rule, data: data, asOf: PlanDate(iso: asOf)!)
    }

    @Test func overdueCountsDaysAndTheAsOfDayIsNotOverdue() throws {
        let data = """
            tasks:
              - {id: A, due: 2011年6月30日以前, status: in-progress}
              - {id: B, due: 2011-07-01, status: in-progress}
              - {id: C, due: 2011年6月20日, status: not-started}
            """
        let findings = try run("", data)
        #expect(findings.map(\.rule) == ["example.overdue", "example.overdue"])
        #expect(findings.map(\.record) == ["A", "C"])
        #expect(findings[0].message == "A: overdue by 1 day (due 2011-06-30, as of 2011-07-01)")
        #expect(findings[1].message.contains("11 days"))
    }

    @Test func dueSoonIsInfo() throws {
        let data = """
            tasks:
              - {id: A, due: 2011-07-05}
              - {id: B, due: 2011-07-01}
              - {id: C, due: 2011-09-01}
            """
        let findings = try run("dueSoonDays: 7", data)
        #expect(findings.map(\.record) == ["A", "B"])
        #expect(findings.allSatisfy { $0.rule == "example.due-soon" && $0.severity == .info })
        #expect(findings[1].message == "B: due today (2011-07-01)")
    }

    @Test func statusAndCompletionConsistency() throws {
        let data = """
            tasks:
              - {id: A, due: 2011年底, status: done}
              - {id: B, due: 2011年底, status: done, completed: 2011-08-01}
              - {id: C, due: 2011年3月, status: 已完成, completed: 2011-04-02}
              - {id: D, due: 2011年底, status: done, completed: 上周}
              - {id: E, due: 2011年3月, completed: 2011-03-02}
            """
        let findings = try run("", data)
        #expect(findings.map(\.rule) == ["example.done-without-date", "example.completed-in-future",
                                         "example.done-late", "example.completed-unreadable"])
        #expect(findings[2].message == "C: done 2 days late (completed 2011-04-02, due 2011-03-31)")
    }

    @Test func parseOutcomesHaveTheirOwnCodes() throws {
        let data = """
            plan: {period: {start: 2011-01-01, end: 2015-12-31}}
            tasks:
              - {id: A, due: 长期坚持}
              - {id: B, due: 6月底前}
              - {id: C, due: 下个月}
              - {id: D, due: 十三五期间}
              - {id: E, due: ""}
              - {id: F, due: 十二五期间}
            """
        let findings = try run("period: $.plan.period", data, asOf: "2011-01-01")
        #expect(findings.map(\.rule) == ["example.no-fixed-deadline", "example.ambiguous", "example.unparseable",
                                         "example.outside-period", "example.missing"])
        #expect(findings[0].severity == .warning)
        #expect(findings[1].message.contains("spans several years"))
        #expect(findings[3].message.contains("after the plan period ends 2015-12-31"))
    }

    @Test func unreadablePeriodIsReportedOnce() throws {
        let data = "plan: {period: 2011年}\ntasks:\n  - {id: A, due: 2011-05-01, status: done, completed: 2011-05-01}\n"
        let findings = try run("period: $.plan.period", data)
        #expect(findings.map(\.rule) == ["example.period"])
        #expect(findings[0].record == "$")
    }

    @Test func requireDueOff() throws {
        #expect(try run("requireDue: false", "tasks:\n  - {id: A}\n").isEmpty)
    }

    @Test func badOptionsAreLoadErrors() throws {
        #expect(throws: LoadError.self) { try DeadlineChecker(options: CheckerHarness.options("periodStart: 2011-01-01")) }
        #expect(throws: LoadError.self) { try DeadlineChecker(options: CheckerHarness.options("periodStart: 2012-01-01\nperiodEnd: 2011-01-01")) }
        #expect(throws: LoadError.self) { try DeadlineChecker(options: CheckerHarness.options("dueSoonDays: -1")) }
    }
}
