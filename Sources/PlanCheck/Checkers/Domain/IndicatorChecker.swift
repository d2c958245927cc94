#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `indicator`: plan indicators (指标) are met — binding (约束性) misses are errors, expected
/// (预期性) misses warnings — or, before the target year, on track.
public struct IndicatorChecker: Checker {
    public static let descriptor = CheckerDescriptor(
        name: "indicator",
        summary: "Indicators reach their targets in the stated direction; binding misses are errors, expected misses warnings.",
        discussion: """
        Each indicator record has a kind (`binding`/`约束性` or `expected`/`预期性`), a direction \
        (`at-least`/`不低于`/`达到`/`以上`, or `at-most`/`以内`/`不超过`/`控制在`), a target and \
        usually an actual. Quantities are read with their units: `3500亿元`, `1.29万蒸吨`, `3.7%`, \
        `4.45‰`, `60%以上`, `3.8个百分点`, `年均增长18%`; a bare number takes the record's `unit` \
        field (`亿元`), or the other side's unit. Percentages and percentage points, or 亿元 and \
        万人, are never compared: that is a `unit-mismatch` (error).

        When the actual's year is before the target year (the `targetYear` field, else the end \
        of the plan `period`), the actual is compared with the compound path from the baseline \
        to the target and a shortfall is `behind-trajectory` (warning); without a baseline a \
        mid-term actual is not judged. Otherwise a shortfall is `missed`, with severity \
        `bindingSeverity` (error) or `expectedSeverity` (warning). A target written as a growth \
        rate (`年均增长18%`) is compared with the actual growth rate.

        Growth targets (`growth: 18`, 年均增长18%) are compared with `actualGrowth` on their own \
        (`growth-missed`, same severities); an indicator whose only target is a growth rate has \
        no level to miss.

        Other codes: `target-missing`, `target-non-numeric`, `actual-missing` (binding only, \
        with `requireActual`), `actual-non-numeric`, `kind-unknown`, `direction-unknown`. The \
        option for the target field is `targetField` because `target` is the rule's record \
        selector.
        """,
        options: [
            OptionSpec("targetField", .string, default: "target", "The field holding the target value."),
            OptionSpec("actual", .string, default: "actual", "The field holding the latest actual value."),
            OptionSpec("direction", .string, default: "direction", "The field holding the direction (at-least / at-most, or Chinese)."),
            OptionSpec("kind", .string, default: "kind", "The field holding binding/expected (约束性/预期性)."),
            OptionSpec("unit", .string, default: "unit", "The field holding the unit bare numbers are in (`亿元`, `%`)."),
            OptionSpec("name", .string, default: "name", "The field naming the indicator in messages."),
            OptionSpec("baseline", .string, default: "baseline", "The field holding the baseline value (for the trajectory)."),
            OptionSpec("baselineYear", .string, default: "baselineYear", "The field holding the baseline's year (default: the year before the plan period)."),
            OptionSpec("targetYear", .string, default: "targetYear", "The field holding the target's year (default: the plan period's last year)."),
            OptionSpec("actualYear", .string, default: "actualYear", "The field holding the actual's year."),
            OptionSpec("growth", .string, default: "growth", "The field holding the target annual growth rate (`18` or `18%` = 年均增长18%)."),
            OptionSpec("actualGrowth", .string, default: "actualGrowth", "The field holding the actual annual growth rate."),
            OptionSpec("targetText", .string, default: "targetText", "The field holding a target written without a number, quoted when the target is missing."),
            OptionSpec("period", .jsonPath, "A JSONPath to the plan period `{start, end}` supplying default baseline and target years."),
            OptionSpec("bindingSeverity", .oneOf(["error", "warning", "info"]), default: "error", "Severity of a missed binding indicator."),
            OptionSpec("expectedSeverity", .oneOf(["error", "warning", "info"]), default: "warning", "Severity of a missed expected indicator."),
            OptionSpec("requireActual", .boolean, default: "true", "Report binding indicators without an actual."),
        ],
        examples: [
            CheckerExample("A binding target missed, an unreadable target", rule: "", data: """
                indicators:
                  - id: I07
                    name: 城镇登记失业率
                    kind: 约束性
                    target: 3.7%以内
                    actual: 3.9%
                  - id: I08
                    name: 研发经费占GDP比重
                    kind: expected
                    target: 较大幅度提高
                    actual: 1.2%
                """, triggers: ["I07", "I08"], target: "$.indicators[*]"),
            CheckerExample("Mid-term actual ahead of the compound path", rule: "period: $.plan.period", data: """
                plan:
                  period: {start: 2011-01-01, end: 2015-12-31}
                indicators:
                  - id: I01
                    name: 地区生产总值
                    kind: binding
                    unit: 亿元
                    baseline: 1311
                    target: 3500
                    direction: at-least
                    actual: 2002
                    actualYear: 2012
                  - id: I02
                    name: 现代服务业占服务业比重
                    kind: 预期性
                    target: 60%以上
                    actual: 61.5%
                """, triggers: [], target: "$.indicators[*]"),
        ])

    enum Kind { case binding, expected }

    let targetField, actualField, directionField, kindField, unitField, nameField: String
    let baselineField, baselineYearField, targetYearField, actualYearField: String
    let growthField, actualGrowthField, targetTextField: String
    let periodPath: JSONPath?
    let bindingSeverity: Severity
    let expectedSeverity: Severity
    let requireActual: Bool

    public init(options: RuleOptions) throws(LoadError) {
        targetField = options.string("targetField") ?? "target"
        actualField = options.string("actual") ?? "actual"
        directionField = options.string("direction") ?? "direction"
        kindField = options.string("kind") ?? "kind"
        unitField = options.string("unit") ?? "unit"
        nameField = options.string("name") ?? "name"
        baselineField = options.string("baseline") ?? "baseline"
        baselineYearField = options.string("baselineYear") ?? "baselineYear"
        targetYearField = options.string("targetYear") ?? "targetYear"
        actualYearField = options.string("actualYear") ?? "actualYear"
        growthField = options.string("growth") ?? "growth"
        actualGrowthField = options.string("actualGrowth") ?? "actualGrowth"
        targetTextField = options.string("targetText") ?? "targetText"
        periodPath = try options.jsonPath("period")
        bindingSeverity = options.string("bindingSeverity").flatMap(Severity.init(rawValue:)) ?? .error
        expectedSeverity = options.string("expectedSeverity").flatMap(Severity.init(rawValue:)) ?? .warning
        requireActual = options.bool("requireActual") ?? true
    }

    public struct State: Sendable {
        var period: PlanDateInterval?
    }

    public func makeState(context: CheckContext) -> State {
        State(period: periodPath?.select(context.root).first.flatMap(FieldValues.interval))
    }

    static func kind(_ text: String) -> Kind? {
        switch text.lowercased() {
        case "binding", "约束性", "约束", "mandatory": .binding
        case "expected", "预期性", "预期", "indicative", "anticipatory": .expected
        default: nil
        }
    }

    static func direction(_ text: String) -> PlanQuantity.Bound? {
        switch text.lowercased() {
        case "at-least", "atleast", "min", ">=", "≥", "不低于", "不少于", "达到", "以上", "至少", "高于", "增长": .atLeast
        case "at-most", "atmost", "max", "<=", "≤", "within", "不超过", "不高于", "以内", "以下", "控制在", "低于", "下降": .atMost
        default: nil
        }
    }

    public func check(_ record: Record, state: inout State, report: inout FindingReporter) {
        let name = record[nameField]?.scalarText.map { "\(record.key) \($0)" } ?? record.key

        var kind = Kind.expected
        if let kindNode = record[kindField], !kindNode.isEmpty, let text = kindNode.scalarText {
            if let k = Self.kind(UnitSplitter.trim(Substring(text))) {
                kind = k
            } else {
                report.report(record, at: kindNode, message: "\(name): kind `\(text)` is neither binding (约束性) nor expected (预期性)",
                              code: "kind-unknown", severity: .warning, values: ["field": kindField, "value": text])
            }
        }
        let kindWord = kind == .binding ? "binding (约束性)" : "expected (预期性)"

        // The direction the field states; else the target's wording (`60%以上`), else at least.
        var statedDirection: PlanQuantity.Bound?
        if let directionNode = record[directionField], !directionNode.isEmpty, let text = directionNode.scalarText {
            if let d = Self.direction(UnitSplitter.trim(Substring(text))) {
                statedDirection = d
            } else {
                report.report(record, at: directionNode, message: "\(name): direction `\(text)` is neither at-least nor at-most",
                              code: "direction-unknown", values: ["field": directionField, "value": text])
                return
            }
        }

        // A growth target (`growth: 18` = 年均增长18%) is checked against the actual growth.
        let growthNode = record[growthField].flatMap { $0.isEmpty ? nil : $0 }
        if let growthNode, let actualGrowthNode = record[actualGrowthField], !actualGrowthNode.isEmpty {
            checkGrowth(record, name: name, kind: kind, kindWord: kindWord, direction: statedDirection ?? .atLeast,
                        target: growthNode, actual: actualGrowthNode, report: &report)
        }

        guard let targetNode = record[targetField], !targetNode.isEmpty else {
            // A growth rate alone is a target; the level has nothing to be compared with.
            if growthNode != nil { return }
            let written = record[targetTextField]?.scalarText.map { " (written: \($0))" } ?? ""
            report.report(record, at: record[targetField], message: "\(name): no numeric target (`\(targetField)`)\(written)", code: "target-missing",
                          values: ["field": targetField])
            return
        }
        guard var target = PlanQuantity.from(targetNode) else {
            report.report(record, at: targetNode, message: "\(name): target `\(FieldValues.display(targetNode))` is not a number",
                          code: "target-non-numeric", values: ["field": targetField, "value": FieldValues.display(targetNode)])
            return
        }
        let direction = statedDirection ?? target.bound ?? .atLeast

        guard let actualNode = record[actualField], !actualNode.isEmpty else {
            if kind == .binding && requireActual {
                report.report(record, at: record[actualField], message: "\(name): binding indicator has no actual (`\(actualField)`)",
                              code: "actual-missing", values: ["field": actualField])
            }
            return
        }
        guard var actual = PlanQuantity.from(actualNode) else {
            report.report(record, at: actualNode, message: "\(name): actual `\(FieldValues.display(actualNode))` is not a number",
                          code: "actual-non-numeric", values: ["field": actualField, "value": FieldValues.display(actualNode)])
            return
        }

        // Bare numbers take the record's unit, else the other side's.
        let unitText = record[unitField]?.scalarText.map { UnitSplitter.trim(Substring($0)) } ?? ""
        if !unitText.isEmpty, let unit = PlanQuantity.parse("1" + unitText) {
            target = target.inUnit(of: unit)
            actual = actual.inUnit(of: unit)
        }
        actual = actual.inUnit(of: target)
        target = target.inUnit(of: actual)
        guard target.unit == actual.unit else {
            report.report(record, at: actualNode,
                          message: "\(name): actual \(show(actual, unitText)) and target \(show(target, unitText)) are in different units (\(unitName(actual)) vs \(unitName(target)))",
                          code: "unit-mismatch", severity: .error, values: ["field": actualField])
            return
        }

        let directionWord = direction == .atLeast ? "at least" : "at most"
        let targetYear = record[targetYearField]?.integer.map(Int.init) ?? state.period?.end.year
        let actualYear = record[actualYearField]?.integer.map(Int.init)
        var values = ["target": target.text, "actual": actual.text, "kind": kind == .binding ? "binding" : "expected"]

        // Before the target year: judge against the path from the baseline, if there is one.
        if !target.isGrowth, let targetYear, let actualYear, actualYear < targetYear {
            let baselineYear = record[baselineYearField]?.integer.map(Int.init) ?? state.period.map { $0.start.year - 1 }
            guard let baselineNode = record[baselineField], var baseline = PlanQuantity.from(baselineNode), let baselineYear,
                  baselineYear < actualYear else { return }
            if !unitText.isEmpty, let unit = PlanQuantity.parse("1" + unitText) { baseline = baseline.inUnit(of: unit) }
            baseline = baseline.inUnit(of: target)
            guard baseline.unit == target.unit else { return }
            let share = Double(actualYear - baselineYear) / Double(targetYear - baselineYear)
            let expected = baseline.value > 0 && target.value > 0
                ? baseline.value * pow(target.value / baseline.value, share)
                : baseline.value + (target.value - baseline.value) * share
            let behind = direction == .atLeast ? actual.value < expected - 1e-9 * abs(expected) : actual.value > expected + 1e-9 * abs(expected)
            if behind {
                let expectedText = FieldValues.number(expected / target.scale) + (target.unit.isEmpty ? unitText : target.unit)
                values["expected"] = expectedText
                report.report(record, at: actualNode,
                              message: "\(name): behind trajectory: \(show(actual, unitText)) in \(actualYear), the path from \(show(baseline, unitText)) (\(baselineYear)) to \(show(target, unitText)) (\(targetYear)) expects \(directionWord) \(expectedText)",
                              code: "behind-trajectory", severity: .warning, values: values)
            }
            return
        }

        let missed = direction == .atLeast ? actual.value < target.value - 1e-9 * abs(target.value)
                                           : actual.value > target.value + 1e-9 * abs(target.value)
        guard missed else { return }
        let what = target.isGrowth ? "growth target" : "target"
        report.report(record, at: actualNode,
                      message: "\(name): \(kindWord) \(what) \(directionWord) \(show(target, unitText)) missed: actual \(show(actual, unitText))\(actualYear.map { " (\($0))" } ?? "")",
                      code: "missed", severity: kind == .binding ? bindingSeverity : expectedSeverity, values: values)
    }

    /// Compares an actual growth rate with the target rate; bare numbers are percentages.
    func checkGrowth(_ record: Record, name: String, kind: Kind, kindWord: String, direction: PlanQuantity.Bound,
                     target targetNode: Node, actual actualNode: Node, report: inout FindingReporter) {
        let percent = PlanQuantity(number: 1, scale: 0.01, unit: "%", text: "1%")
        guard let target = PlanQuantity.from(targetNode)?.inUnit(of: percent) else {
            report.report(record, at: targetNode, message: "\(name): growth target `\(FieldValues.display(targetNode))` is not a number",
                          code: "target-non-numeric", values: ["field": growthField])
            return
        }
        guard let actual = PlanQuantity.from(actualNode)?.inUnit(of: percent) else {
            report.report(record, at: actualNode, message: "\(name): actual growth `\(FieldValues.display(actualNode))` is not a number",
                          code: "actual-non-numeric", values: ["field": actualGrowthField])
            return
        }
        guard target.unit == actual.unit else {
            report.report(record, at: actualNode, message: "\(name): actual growth \(actual.text) and growth target \(target.text) are in different units",
                          code: "unit-mismatch", severity: .error, values: ["field": actualGrowthField])
            return
        }
        let missed = direction == .atLeast ? actual.value < target.value - 1e-12 : actual.value > target.value + 1e-12
        guard missed else { return }
        let show: (PlanQuantity) -> String = { $0.unit == "%" && !$0.text.hasSuffix("%") ? $0.text + "%" : $0.text }
        report.report(record, at: actualNode,
                      message: "\(name): \(kindWord) growth target \(direction == .atLeast ? "at least" : "at most") \(show(target)) a year missed: actual \(show(actual))",
                      code: "growth-missed", severity: kind == .binding ? bindingSeverity : expectedSeverity,
                      values: ["target": show(target), "actual": show(actual), "field": actualGrowthField])
    }

    /// A quantity as written, with the record's unit appended to a bare number.
    func show(_ q: PlanQuantity, _ unitText: String) -> String {
        let bare = q.text.allSatisfy { $0.isASCIIDigitChar || $0 == "." || $0 == "-" }
        return bare ? q.text + unitText : q.text
    }

    func unitName(_ q: PlanQuantity) -> String {
        q.unit.isEmpty ? "a bare number" : q.unit == "%" ? "percent" : q.unit
    }
}
