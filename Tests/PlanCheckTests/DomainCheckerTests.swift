import Testing
@testable import PlanCheck

@Suite struct SupportTests {
    @Test func editDistanceCountsCharactersNotBytes() {
        #expect(Suggestions.editDistance("市发改委", "发改委") == 1)
        #expect(Suggestions.editDistance("市发展改革委", "市发展改委") == 1)
        #expect(Suggestions.editDistance("", "港澳办") == 3)
    }

    @Test func suggestionsPreferCloseNamesAndSkipExactOnes() {
        let units = ["市发展改革委", "发展改革委", "市外办", "港澳办", "市科工贸信委"]
        #expect(Suggestions.closest(to: "市发展改委", among: units).first == "市发展改革委")
        #expect(Suggestions.closest(to: "市外事办", among: units) == ["市外办"])
        #expect(Suggestions.closest(to: "港澳办", among: units).isEmpty)
        #expect(Suggestions.closest(to: "完全无关的单位名称", among: units).isEmpty)
        #expect(Suggestions.closest(to: "x", among: ["a", "b", "c", "d"], limit: 2).count == 2)
    }

    @Test func unitSplitterHandlesChineseAndASCIISeparators() {
        #expect(UnitSplitter.split("市发展改革委、港澳办") == ["市发展改革委", "港澳办"])
        #expect(UnitSplitter.split("A,B；C;D／E/F\nG， H 、") == ["A", "B", "C", "D", "E", "F", "G", "H"])
        #expect(UnitSplitter.split("　市外办　") == ["市外办"])
        #expect(UnitSplitter.split("、,") == [])
    }

    @Test func quantitiesWithScalesAndBounds() throws {
        let gdp = try #require(PlanQuantity.parse("3500亿元"))
        #expect(gdp.number == 3500 && gdp.value == 3.5e11 && gdp.unit == "元")
        let u = try #require(PlanQuantity.parse("3.7%以内"))
        #expect(u.bound == .atMost && abs(u.value - 0.037) < 1e-12 && u.unit == "%")
        #expect(PlanQuantity.parse("60%以上")?.bound == .atLeast)
        #expect(PlanQuantity.parse("4.45‰")?.unit == "%")
        #expect(abs((PlanQuantity.parse("4.45‰")?.value ?? 0) - 0.00445) < 1e-12)
        #expect(PlanQuantity.parse("1.29万蒸吨")?.value == 12_900)
        #expect(PlanQuantity.parse("1.29万蒸吨")?.unit == "蒸吨")
        #expect(PlanQuantity.parse("3.8个百分点")?.unit == "个百分点")
        #expect(PlanQuantity.parse("年均增长18%")?.isGrowth == true)
        #expect(PlanQuantity.parse("不低于1.5%")?.bound == .atLeast)
        #expect(PlanQuantity.parse("１，２００万元")?.value == 1.2e7)
        #expect(PlanQuantity.parse("较大幅度提高") == nil)
        #expect(PlanQuantity.parse("") == nil)
        #expect(PlanQuantity.parse("18%")!.isComparable(with: PlanQuantity.parse("3.8个百分点")!) == false)
    }
}

@Suite struct AccountabilityCheckerTests {
    static let units = """
        units:
          - {name: 市发展改革委, aliases: [发展改革委, 市发改委]}
          - {name: 市港澳办, aliases: [港澳办]}
          - {name: 市外办, aliases: [外办]}
        """

    @Test func unknownUnitsGetSuggestions() throws {
        let findings = try CheckerHarness.run(AccountabilityChecker.self, rule: "in: $.units[*]", data: Self.units + """

            tasks:
              - {id: M1, lead: 市发展改委, participants: 市外事办}
            """)
        #expect(findings.map(\.rule) == ["example.unknown-lead", "example.unknown-participant"])
        #expect(findings[0].message.hasPrefix("M1: lead unit 市发展改委 is not in the unit registry (did you mean 市发展改革委, "))
        #expect(findings[1].message.contains("did you mean 市外办"))
    }

    @Test func aliasesAreTheSameUnit() throws {
        let findings = try CheckerHarness.run(AccountabilityChecker.self, rule: "in: $.units[*]", data: Self.units + """

            tasks:
              - {id: M1, lead: [市发改委], participants: "市发展改革委、外办、市外办"}
            """)
        #expect(findings.map(\.rule).sorted() == ["example.duplicate-unit", "example.lead-also-participant"])
    }

    @Test func coLeadsOwnersAndCollections() throws {
        let registry = try YAMLLoader.load(bytes: Array(Self.units.utf8), file: "units.yml")
        let collection = try JSONPath("$.units[*]").select(registry.root!)
        let findings = try CheckerHarness.run(AccountabilityChecker.self, rule: "collection: units\nmaxLeads: 1\nrequireOwner: true", data: """
            tasks:
              - {id: M1, lead: 市发改委、港澳办, owner: 张三}
              - {id: M2, lead: 外办, owner: ""}
            """, collections: ["units": collection])
        #expect(findings.map(\.rule) == ["example.too-many-leads", "example.missing-owner"])
    }

    @Test func missingCollectionIsReportedOnceWhenNamesAreSeen() throws {
        let findings = try CheckerHarness.run(AccountabilityChecker.self, rule: "collection: units", data: """
            tasks:
              - {id: M1, lead: 市发改委}
              - {id: M2, lead: 港澳办}
            """)
        #expect(findings.map(\.rule) == ["example.registry-empty"])
        #expect(findings[0].message.contains("not configured"))
    }

    @Test func summaryCountsLedAndJoined() throws {
        let findings = try CheckerHarness.run(AccountabilityChecker.self, rule: "in: $.units[*]\nsummary: true", data: Self.units + """

            tasks:
              - {id: M1, lead: 市发改委, participants: 港澳办}
              - {id: M2, lead: 发展改革委}
            """)
        #expect(findings.filter { $0.rule == "example.unit-summary" }.map(\.message).sorted()
                == ["市港澳办: leads 0, joins 1", "市发展改革委: leads 2, joins 0"].sorted())
        #expect(findings.allSatisfy { $0.severity == .info })
    }
}

@Suite struct RatioCheckerTests {
    static let rule = "fields: [permits.siteSelection, permits.landUse, permits.construction]\nlabel: 一书两证执行率"

    @Test func rateMessageAndShortRecords() throws {
        var projects = (1...29).map { "  - {id: P\($0), permits: {siteSelection: true, landUse: true, construction: true}}" }
        projects.append("  - {id: P30, permits: {siteSelection: 否, landUse: true}}")
        let findings = try CheckerHarness.run(RatioChecker.self, rule: Self.rule, data: "projects:\n" + projects.joined(separator: "\n"),
                                              target: "$.projects[*]")
        #expect(findings.map(\.rule) == ["example.rate", "example.short"])
        #expect(findings[0].message == "一书两证执行率 96.7 %（29/30）, required 100 %")
        #expect(findings[1].message.contains("`permits.siteSelection`, `permits.construction`"))
    }

    @Test func emptyTargetSetIsUndefinedNotADivisionByZero() throws {
        let findings = try CheckerHarness.run(RatioChecker.self, rule: Self.rule, data: "projects: []", target: "$.projects[*]")
        #expect(findings.map(\.message) == ["一书两证执行率 undefined: no records"])
        #expect(try CheckerHarness.run(RatioChecker.self, rule: Self.rule + "\nrequireRecords: false", data: "projects: []",
                                       target: "$.projects[*]").isEmpty)
    }

    @Test func thresholdAsPercentage() throws {
        let data = "projects:\n  - {id: P1, ok: true}\n  - {id: P2, ok: true}\n  - {id: P3, ok: true}\n  - {id: P4, ok: false}\n"
        #expect(try CheckerHarness.run(RatioChecker.self, rule: "fields: ok\nmin: 75", data: data, target: "$.projects[*]").map(\.rule) == ["example.short"])
        #expect(try CheckerHarness.run(RatioChecker.self, rule: "fields: ok\nmin: 0.8", data: data, target: "$.projects[*]").map(\.rule) == ["example.rate", "example.short"])
    }

    @Test func conditionJoinsFields() throws {
        let data = "projects:\n  - {id: P1, ok: true, n: 2}\n  - {id: P2, ok: true, n: 0}\n  - {id: P3, ok: false, n: 5}\n"
        let findings = try CheckerHarness.run(RatioChecker.self, rule: "fields: ok\ncondition: \"n > 1\"", data: data, target: "$.projects[*]")
        #expect(findings.map(\.record) == ["$", "P2", "P3"])
        #expect(findings[0].message == "rate 33.3 %（1/3）, required 100 %")
        #expect(findings[1].message.contains("is false"))
    }

    @Test func badOptions() {
        #expect(throws: LoadError.self) { try RatioChecker(options: CheckerHarness.options("fields: a\ncondition: \"a ==\"")) }
        #expect(throws: LoadError.self) { try RatioChecker(options: CheckerHarness.options("fields: a\nmin: 150")) }
        #expect(throws: LoadError.self) { try RatioChecker(options: CheckerHarness.options("label: x")) }
    }
}

@Suite struct IndicatorCheckerTests {
    func run(_ rule: String, _ indicators: String) throws -> [Finding] {
        try CheckerHarness.run(IndicatorChecker.self, rule: rule, data: "indicators:\n" + indicators, target: "$.indicators[*]")
    }

    @Test func bindingMissesAreErrorsExpectedWarnings() throws {
        let findings = try run("", """
              - {id: A, kind: 约束性, target: 3.7%, direction: 以内, actual: 3.9%}
              - {id: B, kind: 预期性, target: 60, unit: "%", actual: 57.38}
              - {id: C, kind: binding, target: 3500亿元, actual: 3600}
            """)
        #expect(findings.map(\.rule) == ["example.missed", "example.missed"])
        #expect(findings.map(\.severity) == [.error, .warning])
        #expect(findings[1].message == "B: expected (预期性) target at least 60% missed: actual 57.38%")
    }

    @Test func nonNumericAndMissingValues() throws {
        let findings = try run("", """
              - {id: A, kind: binding, target: 较大幅度提高}
              - {id: B, kind: binding, target: 10}
              - {id: C, kind: expected, target: 10}
              - {id: D, kind: binding, target: 10, actual: 约一半}
              - {id: E, kind: 重要, target: 10, actual: 11}
              - {id: F, kind: binding, target: 10, direction: sideways, actual: 1}
            """)
        // F's direction is unreadable: one finding, and the record is still judged (at least: missed).
        #expect(findings.map(\.rule) == ["example.target-non-numeric", "example.actual-missing", "example.actual-non-numeric",
                                         "example.kind-unknown", "example.direction-unknown", "example.missed"])
    }

    @Test func unitMismatchIsAnErrorNotAComparison() throws {
        let findings = try run("severity: warning", """
              - {id: A, kind: expected, target: 18%, actual: 3.8个百分点}
              - {id: B, kind: expected, target: 3500亿元, actual: 2002万人}
            """)
        #expect(findings.map(\.rule) == ["example.unit-mismatch", "example.unit-mismatch"])
        #expect(findings.allSatisfy { $0.severity == .error })
    }

    @Test func trajectoryBeforeTheTargetYear() throws {
        let findings = try run("", """
              - {id: A, kind: binding, unit: 亿元, baseline: 1311, baselineYear: 2010, target: 3500, targetYear: 2015, actual: 1500, actualYear: 2012}
              - {id: B, kind: binding, unit: 亿元, baseline: 1311, baselineYear: 2010, target: 3500, targetYear: 2015, actual: 2002, actualYear: 2012}
              - {id: C, kind: binding, unit: 亿元, target: 3500, targetYear: 2015, actual: 100, actualYear: 2012}
              - {id: D, kind: binding, unit: "%", baseline: 5, baselineYear: 2010, target: 3.7, direction: at-most, targetYear: 2015, actual: 5, actualYear: 2012}
            """)
        #expect(findings.map(\.record) == ["A", "D"])
        // Binding indicators behind their path take `bindingSeverity` (error), like a missed target.
        #expect(findings.allSatisfy { $0.rule == "example.behind-trajectory" && $0.severity == .error })
        #expect(findings[0].message.contains("expects at least 1941"))
    }

    @Test func growthTargets() throws {
        let findings = try run("", """
              - {id: A, kind: expected, growth: 18, actualGrowth: 16.3}
              - {id: B, kind: expected, growth: 17, actualGrowth: 26.81}
              - {id: C, kind: binding, target: 年均增长12%, actual: 11%}
            """)
        #expect(findings.map(\.rule) == ["example.growth-missed", "example.missed"])
        #expect(findings[0].message == "A: expected (预期性) growth target at least 18% a year missed: actual 16.3%")
        #expect(findings[1].message.contains("growth target"))
    }
}

@Suite struct TotalCheckerTests {
    @Test func countsSumsAndGroups() throws {
        let findings = try CheckerHarness.run(TotalChecker.self, rule: "", data: """
            totals:
              - {id: T1, declared: 3, of: "$.items[*]"}
              - {id: T2, declared: 2, of: "$.items[*]"}
              - {id: T3, declared: 10万元, of: "$.items[*]", sumField: cost}
              - {id: T4, declared: 3, of: "$.items[*]", groupBy: kind, groups: {a: 2, b: 2}}
              - {id: T5, declared: 很多, of: "$.items[*]"}
              - {id: T6, declared: 3}
              - {id: T7, declared: 3, of: "items"}
            items:
              - {kind: a, cost: 5}
              - {kind: a, cost: 3万元}
              - {kind: b, cost: 2万元}
            """, target: "$.totals[*]")
        #expect(findings.map(\.rule) == ["example.mismatch", "example.group-mismatch", "example.declared-non-numeric",
                                         "example.of-missing", "example.of-invalid"])
        #expect(findings.map(\.record) == ["T2", "T4", "T5", "T6", "T7"])
        #expect(findings[0].message == "T2: declared 2, counted 3 ($.items[*])")
        #expect(findings[1].message.contains("b declared 2, counted 1"))
    }

    @Test func sumMismatchAndTolerance() throws {
        let data = """
            totals:
              - {id: T1, declared: 4293亿元, of: "$.projects[*]"}
            projects:
              - {investment: 4000亿元}
              - {investment: 290}
            """
        let findings = try CheckerHarness.run(TotalChecker.self, rule: "sumField: investment", data: data, target: "$.totals[*]")
        #expect(findings.map(\.message) == ["T1: declared 4293亿元, summed 4290亿元 (investment of 2 in $.projects[*])"])
        #expect(try CheckerHarness.run(TotalChecker.self, rule: "sumField: investment\ntolerance: 5", data: data, target: "$.totals[*]").isEmpty)
    }

    @Test func ruleLevelPathAndExpectedGroups() throws {
        let findings = try CheckerHarness.run(TotalChecker.self, rule: "path: $.indicators[*]\ngroupBy: kind\nexpected: {binding: 11, expected: 14}", data: """
            plan: {id: p, declared: 25}
            indicators: [{kind: binding}, {kind: expected}]
            """, target: "$.plan")
        #expect(findings.map(\.rule).sorted() == ["example.group-mismatch", "example.mismatch"])
        #expect(throws: LoadError.self) { try TotalChecker(options: CheckerHarness.options("expected: [1, 2]")) }
    }
}
