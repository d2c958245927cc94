import Testing
@testable import PlanCheck

/// Issue 15 (1, 3): quantities keep the data's unit in every message and figure; behind-trajectory
/// follows the kind's severity; the as-of date decides between path and final target.
@Suite struct IndicatorJudgementTests {
    static let gdp = """
        plan: {period: {start: 2011-01-01, end: 2015-12-31}}
        indicators:
          - {id: I1, name: 生产总值, kind: 约束性, unit: 亿元, baseline: 1000, target: 3500, actual: 1200, actualYear: 2013}
        """

    /// Every code path that prints a quantity: the path value, target, actual and baseline of
    /// `behind-trajectory`; `missed`; `unit-mismatch`; `growth-missed`; a sum in `total`; and
    /// the audit's figures.
    @Test func quantitiesKeepTheirScaleWord() throws {
        let behind = try AssessingHarness.indicators(Self.gdp, rule: "period: $.plan.period", asOf: PlanDate(year: 2013, month: 12, day: 31))
        let message = try #require(behind.findings.first).message
        // 1000 × 3.5^(3/5) = 2120.51亿元; never `元` alone.
        #expect(message.contains("expects at least 2120.51亿元"), "\(message)")
        #expect(message.contains("1200亿元 in 2013") && message.contains("from 1000亿元 (2010) to 3500亿元 (2015)"), "\(message)")
        #expect(behind.judged["I1"]?.pathValue.map { ($0 * 100).rounded() / 100 } == 2120.51)
        #expect(behind.judged["I1"]?.unit == "亿元")

        let missed = try AssessingHarness.indicators("""
            indicators:
              - {id: I1, kind: binding, target: 3500亿元, actual: 2900}
              - {id: I2, kind: binding, target: 5万人, actual: 4.5}
              - {id: I3, kind: binding, target: 5%, actual: 3个百分点}
              - {id: I4, kind: expected, growth: 18, actualGrowth: 16.3}
            """)
        let texts = missed.findings.map(\.message)
        #expect(texts.contains { $0.contains("at least 3500亿元 missed: actual 2900亿元") }, "\(texts)")
        #expect(texts.contains { $0.contains("at least 5万人 missed: actual 4.5万人") }, "\(texts)")
        #expect(texts.contains { $0.contains("actual 3个百分点 and target 5%") }, "\(texts)")
        #expect(texts.contains { $0.contains("at least 18% a year missed: actual 16.3%") }, "\(texts)")
        #expect(missed.judged["I2"]?.unit == "万人" && missed.judged["I2"]?.actual == 4.5)

        let total = try CheckerHarness.run(TotalChecker.self, rule: "", data: """
            projects:
              - {id: P1, investment: 100亿元}
              - {id: P2, investment: 200亿元}
            totals:
              - {id: S1, of: "$.projects[*]", sumField: investment, declared: 400亿元}
            """, target: "$.totals[*]")
        #expect(total.map(\.message).contains { $0.contains("summed 300亿元") }, "\(total.map(\.message))")
    }

    @Test func writtenUnits() throws {
        #expect(PlanQuantity.parse("3500亿元")?.writtenUnit == "亿元")
        #expect(PlanQuantity.parse("4.45‰")?.writtenUnit == "‰")
        #expect(PlanQuantity.parse("3.7%")?.writtenUnit == "%")
        #expect(PlanQuantity.parse("1.29万蒸吨")?.writtenUnit == "万蒸吨")
        #expect(PlanQuantity.parse("3500亿元")?.format(127_542_000_000) == "1275.42亿元")
    }

    @Test func behindTrajectoryFollowsTheKindsSeverity() throws {
        let asOf = PlanDate(year: 2013, month: 12, day: 31)
        let binding = try AssessingHarness.indicators(Self.gdp, rule: "period: $.plan.period", asOf: asOf)
        #expect(binding.findings.map(\.severity) == [.error])
        let expected = try AssessingHarness.indicators(Self.gdp.replacingOccurrences(of: "约束性", with: "预期性"), rule: "period: $.plan.period", asOf: asOf)
        #expect(expected.findings.map(\.severity) == [.warning])
        let relaxed = try AssessingHarness.indicators(Self.gdp, rule: "period: $.plan.period\nbindingSeverity: info", asOf: asOf)
        #expect(relaxed.findings.map(\.severity) == [.info])
    }

    /// The as-of date, not the actual's year, decides: once the target year has come, an old
    /// actual is judged on the final target.
    @Test func asOfDateDecidesPathOrTarget() throws {
        let early = try AssessingHarness.indicators(Self.gdp, rule: "period: $.plan.period", asOf: PlanDate(year: 2014, month: 6, day: 30))
        #expect(early.judged["I1"]?.basis == .path && early.findings.map(\.rule) == ["example.behind-trajectory"])
        let late = try AssessingHarness.indicators(Self.gdp, rule: "period: $.plan.period", asOf: PlanDate(year: 2016, month: 3, day: 1))
        #expect(late.judged["I1"]?.basis == .finalTarget && late.judged["I1"]?.status == .missed)
        #expect(late.findings.map(\.rule) == ["example.missed"])
        // Before the target year, no actual year: the path at the as-of year.
        let noYear = try AssessingHarness.indicators("""
            plan: {period: {start: 2011-01-01, end: 2015-12-31}}
            indicators:
              - {id: I1, kind: binding, unit: 亿元, baseline: 1000, target: 3500, actual: 3000}
            """, rule: "period: $.plan.period", asOf: PlanDate(year: 2013, month: 6, day: 30))
        #expect(noYear.judged["I1"]?.basis == .path && noYear.judged["I1"]?.status == .onTrack)
        // Before the target year, an actual already at the final target is met, path or no path.
        let early2 = try AssessingHarness.indicators("""
            plan: {period: {start: 2011-01-01, end: 2015-12-31}}
            indicators:
              - {id: I1, kind: binding, target: 3.7%以内, actual: 3.5%}
            """, rule: "period: $.plan.period", asOf: PlanDate(year: 2013, month: 6, day: 30))
        #expect(early2.judged["I1"]?.status == .met && early2.findings.isEmpty)
    }
}
