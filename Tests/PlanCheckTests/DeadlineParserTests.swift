import Testing
@testable import PlanCheck

@Suite struct DeadlineParserTests {
    static func d(_ iso: String) -> PlanDate { PlanDate(iso: iso)! }
    static func span(_ a: String, _ b: String) -> DeadlineParse { .interval(PlanDateInterval(start: d(a), end: d(b))) }
    static func day(_ a: String) -> DeadlineParse { span(a, a) }

    static let year2011 = PlanDateInterval(start: d("2011-01-01"), end: d("2011-12-31"))
    static let decade = PlanDateInterval(start: d("2011-01-01"), end: d("2020-12-31"))

    /// (text, plan period, expected). Every accepted form of docs/deadlines.md appears here.
    static let table: [(String, PlanDateInterval?, DeadlineParse)] = [
        // ISO and numeric days
        ("2011-06-30", nil, day("2011-06-30")),
        ("2011/6/30", nil, day("2011-06-30")),
        ("2011.6.30", nil, day("2011-06-30")),
        ("２０１１／６／３０", nil, day("2011-06-30")),
        ("2011-06", nil, span("2011-06-01", "2011-06-30")),
        // Chinese days with "by" suffixes and prefixes
        ("2011年6月30日", nil, day("2011-06-30")),
        ("2011年6月30日以前", nil, day("2011-06-30")),
        ("2011年6月30日之前", nil, day("2011-06-30")),
        ("2011年6月30日前", nil, day("2011-06-30")),
        ("于2011年6月30日以前", nil, day("2011-06-30")),
        ("2011年6月30号", nil, day("2011-06-30")),
        ("2011年6月30日前完成", nil, day("2011-06-30")),
        ("二〇一一年六月三十日", nil, day("2011-06-30")),
        ("2011 年 6 月 30 日", nil, day("2011-06-30")),
        // months
        ("2011年6月", nil, span("2011-06-01", "2011-06-30")),
        ("2011年6月底", nil, span("2011-06-01", "2011-06-30")),
        ("2011年6月底前", nil, span("2011-06-01", "2011-06-30")),
        ("2012年2月末", nil, span("2012-02-01", "2012-02-29")),
        ("2011年十二月", nil, span("2011-12-01", "2011-12-31")),
        ("2011年6月下旬", nil, span("2011-06-21", "2011-06-30")),
        ("2011年6月上旬", nil, span("2011-06-01", "2011-06-10")),
        ("2011年6月中旬", nil, span("2011-06-11", "2011-06-20")),
        // years
        ("2011年年底前", nil, span("2011-01-01", "2011-12-31")),
        ("2011年年底", nil, span("2011-01-01", "2011-12-31")),
        ("2011年底", nil, span("2011-01-01", "2011-12-31")),
        ("2011年底前", nil, span("2011-01-01", "2011-12-31")),
        ("2011年末", nil, span("2011-01-01", "2011-12-31")),
        ("2011年内", nil, span("2011-01-01", "2011-12-31")),
        ("2011年度", nil, span("2011-01-01", "2011-12-31")),
        ("2015年", nil, span("2015-01-01", "2015-12-31")),
        ("2015年前", nil, span("2015-01-01", "2015-12-31")),
        ("2015", nil, span("2015-01-01", "2015-12-31")),
        ("到2015年", nil, span("2015-01-01", "2015-12-31")),
        // halves and quarters
        ("2011年上半年", nil, span("2011-01-01", "2011-06-30")),
        ("2011年下半年", nil, span("2011-07-01", "2011-12-31")),
        ("2011年第一季度", nil, span("2011-01-01", "2011-03-31")),
        ("2011年第一季度末", nil, span("2011-01-01", "2011-03-31")),
        ("2011年第二季度", nil, span("2011-04-01", "2011-06-30")),
        ("2011年第三季度", nil, span("2011-07-01", "2011-09-30")),
        ("2011年第四季度", nil, span("2011-10-01", "2011-12-31")),
        ("2011年一季度", nil, span("2011-01-01", "2011-03-31")),
        ("2011年Q3", nil, span("2011-07-01", "2011-09-30")),
        // five-year plans
        ("十一五", nil, span("2006-01-01", "2010-12-31")),
        ("十二五", nil, span("2011-01-01", "2015-12-31")),
        ("“十二五”期间", nil, span("2011-01-01", "2015-12-31")),
        ("十二五时期", nil, span("2011-01-01", "2015-12-31")),
        ("十二五末", nil, span("2015-01-01", "2015-12-31")),
        ("十三五期间", nil, span("2016-01-01", "2020-12-31")),
        ("十四五", nil, span("2021-01-01", "2025-12-31")),
        ("十五五期间", nil, span("2026-01-01", "2030-12-31")),
        ("力争在“十二五”期间", nil, span("2011-01-01", "2015-12-31")),
        // ranges
        ("2011—2015年", nil, span("2011-01-01", "2015-12-31")),
        ("2011-2015年", nil, span("2011-01-01", "2015-12-31")),
        ("2011——2015年", nil, span("2011-01-01", "2015-12-31")),
        ("2011年至2015年", nil, span("2011-01-01", "2015-12-31")),
        ("2011年3月至6月", nil, span("2011-03-01", "2011-06-30")),
        ("2011年3月至2012年6月底", nil, span("2011-03-01", "2012-06-30")),
        // year-less forms take a one-year plan period's year
        ("6月30日以前", year2011, day("2011-06-30")),
        ("6月末", year2011, span("2011-06-01", "2011-06-30")),
        ("年内", year2011, span("2011-01-01", "2011-12-31")),
        ("年底前", year2011, span("2011-01-01", "2011-12-31")),
        ("上半年", year2011, span("2011-01-01", "2011-06-30")),
        ("下半年", year2011, span("2011-07-01", "2011-12-31")),
        ("第一季度", year2011, span("2011-01-01", "2011-03-31")),
        ("一季度", year2011, span("2011-01-01", "2011-03-31")),
        ("第四季度末", year2011, span("2011-10-01", "2011-12-31")),
        ("六月三十日前", year2011, day("2011-06-30")),
        ("3月至6月", year2011, span("2011-03-01", "2011-06-30")),
        ("今年", year2011, span("2011-01-01", "2011-12-31")),
        ("今年9月", year2011, span("2011-09-01", "2011-09-30")),
        ("2011/6", nil, span("2011-06-01", "2011-06-30")),
        ("2011年6月份", nil, span("2011-06-01", "2011-06-30")),
        ("2011年第4季度", nil, span("2011-10-01", "2011-12-31")),
        ("十二五规划期内", nil, span("2011-01-01", "2015-12-31")),
        ("十二五期末", nil, span("2015-01-01", "2015-12-31")),
        // open-ended and recurring
        ("长期坚持", nil, .noFixedDeadline),
        ("持续推进", decade, .noFixedDeadline),
        ("每年", nil, .noFixedDeadline),
        ("长期", nil, .noFixedDeadline),
        ("每年6月底前", year2011, .noFixedDeadline),
        ("常态化", nil, .noFixedDeadline),
        // invalid
        ("2011年2月30日", nil, .unparseable),
        ("2011-02-30", nil, .unparseable),
        ("2011年13月", nil, .unparseable),
        ("2011年第五季度", nil, .unparseable),
        ("2015—2011年", nil, .unparseable),
        ("尽快", nil, .unparseable),
        ("", nil, .unparseable),
        ("   ", nil, .unparseable),
        ("下一步", nil, .unparseable),
        ("十二五规划纲要确定的目标", nil, .unparseable),
        ("2011年6月30日以后", nil, .unparseable),
        ("20110630", nil, .unparseable),
        ("近期", nil, .unparseable),
        ("下个月", nil, .unparseable),
    ]

    @Test(arguments: table.indices) func form(_ i: Int) {
        let (text, period, expected) = Self.table[i]
        #expect(DeadlineParser.parse(text, planPeriod: period) == expected, "\(text)")
    }

    @Test func yearlessIsAmbiguousWithoutAOneYearPeriod() {
        for text in ["6月30日以前", "年底前", "上半年", "第二季度", "6月末", "年内"] {
            guard case .ambiguous(let reason) = DeadlineParser.parse(text, planPeriod: Self.decade) else {
                Issue.record("\(text) should be ambiguous with a ten-year period"); continue
            }
            #expect(reason.contains("spans several years"))
            guard case .ambiguous = DeadlineParser.parse(text, planPeriod: nil) else {
                Issue.record("\(text) should be ambiguous without a period"); continue
            }
        }
    }

    @Test func leapDayResolvesThroughThePeriodYear() {
        let leap = PlanDateInterval(start: Self.d("2012-01-01"), end: Self.d("2012-12-31"))
        #expect(DeadlineParser.parse("2月29日", planPeriod: leap) == Self.day("2012-02-29"))
        #expect(DeadlineParser.parse("2月29日", planPeriod: Self.year2011) == .unparseable)
    }

    @Test func chineseNumerals() {
        #expect(DeadlineParser.convertChineseNumerals("二〇一一年十二月二十一日") == "2011年12月21日")
        #expect(DeadlineParser.convertChineseNumerals("十月") == "10月")
    }
}
