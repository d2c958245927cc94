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
        Each indicator record has a kind (`binding`/`约束性` or `expected`/`预期性`; `指导性` \
        counts as expected), a direction (`at-least`/`at_least`/`atLeast`/`不低于`/`≥`/`以上`, or \
        `at-most`/`不超过`/`≤`/`以内`/`控制在` — the shared vocabulary, docs/vocabulary.md), a \
        target and usually an actual. Quantities are read with their units: `3500亿元`, \
        `1.29万蒸吨`, `3.7%`, `4.45‰`, `60%以上`, `3.8个百分点`, `年均增长18%`; a bare number takes \
        the record's `unit` field (`亿元`), or the other side's unit. Baseline, target and actual \
        may also be structured: `{year: 2025, value: 1500}` (the year stands for `targetYear`, \
        `actualYear` or `baselineYear` when those fields are absent) or `{value: 1500, unit: 亿元}`. \
        Percentages and percentage points, or 亿元 and 万人, are never compared: that is a \
        `unit-mismatch` (error). Every figure a message prints is in the data's own unit \
        (`1275.42亿元`, never `元`).

        The **as-of date** decides how an actual is judged: while the target year (the \
        `targetYear` field, else the target's `year`, else the end of the plan `period`) is \
        still after the as-of year, the actual is compared with the compound path from the \
        baseline to the target at the actual's year (else the as-of year), and a shortfall is \
        `behind-trajectory`; without a baseline a mid-term actual is not judged. From the target \
        year on, the actual — however old — is compared with the final target and a shortfall is \
        `missed`. Both take `bindingSeverity` (error) or `expectedSeverity` (warning) by kind. A \
        target written as a growth rate (`年均增长18%`) is compared with the actual growth rate.

        Growth targets (`growth: 18`, 年均增长18%) are compared with `actualGrowth` on their own \
        (`growth-missed`, same severities); an indicator whose only target is a growth rate has \
        no level to miss.

        An unreadable kind or direction is one finding (`kind-unknown`, `direction-unknown`) and \
        the record is still judged (as expected; in the direction the target's wording gives, \
        else at least). Other codes: `target-missing`, `target-non-numeric`, `actual-missing` \
        (binding only, with `requireActual`), `actual-non-numeric`. The option for the target \
        field is `targetField` because `target` is the rule's record selector.

        For the audit the checker assesses each indicator: met, missed, on track, behind the \
        path, no data or unreadable, with the basis (final target, path, growth), the path value \
        and the figures in the data's unit.
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
            OptionSpec("bindingSeverity", .oneOf(["error", "warning", "info"]), default: "error", "Severity of a binding indicator that misses its target, its path or its growth rate."),
            OptionSpec("expectedSeverity", .oneOf(["error", "warning", "info"]), default: "warning", "Severity of an expected indicator that misses its target, its path or its growth rate."),
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
        ],
        codes: [
            FindingCode("missed", .options("`bindingSeverity` (error) or `expectedSeverity` (warning), by kind"), "From the target year on, the actual misses the final target."),
            FindingCode("behind-trajectory", .options("`bindingSeverity` (error) or `expectedSeverity` (warning), by kind"), "Before the target year, the actual is behind the path from the baseline."),
            FindingCode("growth-missed", .options("`bindingSeverity` (error) or `expectedSeverity` (warning), by kind"), "The actual growth rate misses the target growth rate."),
            FindingCode("unit-mismatch", .fixed(.error), "Actual and target are in units that cannot be compared."),
            FindingCode("target-missing", .rule, "No numeric target."),
            FindingCode("target-non-numeric", .rule, "The target (or growth target) is not a number."),
            FindingCode("actual-missing", .rule, "A binding indicator has no actual (with `requireActual`)."),
            FindingCode("actual-non-numeric", .rule, "The actual (or actual growth) is not a number."),
            FindingCode("kind-unknown", .fixed(.warning), "The kind is neither binding nor expected; judged as expected."),
            FindingCode("direction-unknown", .rule, "The direction is neither at-least nor at-most; the target's wording, else at-least, is used."),
        ])

    typealias Kind = Vocabulary.IndicatorKind

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

    static func kind(_ text: String) -> Kind? { Vocabulary.kind(text) }

    static func direction(_ text: String) -> PlanQuantity.Bound? { Vocabulary.direction(text) }

    /// A value field read flat (`3500亿元`, `1500`) or structured (`{year: 2025, value: 1500}`,
    /// `{value: 1500, unit: 亿元}`): the quantity, the year it states, and the node to point at.
    /// `quantity` is nil when the value cannot be read.
    struct Reading {
        var quantity: PlanQuantity?
        var year: Int?
        var node: Node
    }

    static func read(_ node: Node) -> Reading {
        guard node.kind == .map else { return Reading(quantity: PlanQuantity.from(node), year: nil, node: node) }
        let year = node["year"]?.integer.map(Int.init)
        guard let valueNode = node["value"], !valueNode.isEmpty else { return Reading(quantity: nil, year: year, node: node) }
        var quantity = PlanQuantity.from(valueNode)
        if let unit = node["unit"]?.scalarText.map({ UnitSplitter.trim(Substring($0)) }), !unit.isEmpty,
           let scale = PlanQuantity.parse("1" + unit) {
            quantity = quantity?.inUnit(of: scale)
        }
        return Reading(quantity: quantity, year: year, node: valueNode)
    }

    public func check(_ record: Record, state: inout State, report: inout FindingReporter) {
        let name = record[nameField]?.scalarText.map { "\(record.key) \($0)" } ?? record.key
        var judged = report.isAssessing ? IndicatorAssessment(status: .noData) : nil
        judged?.name = record[nameField]?.scalarText
        defer { if let judged { report.assess(record, .indicator(judged)) } }

        var kind = Kind.expected
        if let kindNode = record[kindField], !kindNode.isEmpty, let text = kindNode.scalarText {
            if let k = Self.kind(text) {
                kind = k
                judged?.kind = k
            } else {
                judged?.kindText = text
                report.report(record, at: kindNode, message: "\(name): kind `\(text)` is neither binding (约束性) nor expected (预期性)",
                              code: "kind-unknown", severity: .warning, values: ["field": kindField, "value": text])
            }
        }
        let kindWord = kind == .binding ? "binding (约束性)" : "expected (预期性)"
        let severity = kind == .binding ? bindingSeverity : expectedSeverity

        // The direction the field states; else the target's wording (`60%以上`), else at least.
        // An unreadable direction is one finding; the record is still judged.
        var statedDirection: PlanQuantity.Bound?
        if let directionNode = record[directionField], !directionNode.isEmpty, let text = directionNode.scalarText {
            if let d = Self.direction(text) {
                statedDirection = d
            } else {
                report.report(record, at: directionNode, message: "\(name): direction `\(text)` is neither at-least nor at-most; the target's own wording, else at-least, is used",
                              code: "direction-unknown", values: ["field": directionField, "value": text])
            }
        }
        judged?.direction = statedDirection ?? .atLeast

        // A growth target (`growth: 18` = 年均增长18%) is checked against the actual growth.
        let growthNode = record[growthField].flatMap { $0.isEmpty ? nil : $0 }
        var growthStatus: IndicatorAssessment.Status?
        if let growthNode, let actualGrowthNode = record[actualGrowthField], !actualGrowthNode.isEmpty {
            growthStatus = checkGrowth(record, name: name, kindWord: kindWord, severity: severity, direction: statedDirection ?? .atLeast,
                                       target: growthNode, actual: actualGrowthNode, judged: &judged, report: &report)
        }
        // The level's status; the worse of it and the growth's is the indicator's.
        var levelStatus = IndicatorAssessment.Status.noData
        defer {
            if let growthStatus, Self.rank(growthStatus) > Self.rank(levelStatus) {
                judged?.status = growthStatus
                judged?.basis = .growth
            } else {
                judged?.status = levelStatus
            }
        }

        guard let targetField = record[targetField], !targetField.isEmpty else {
            // A growth rate alone is a target; the level has nothing to be compared with.
            if growthNode != nil { return }
            let written = record[targetTextField]?.scalarText.map { " (written: \($0))" } ?? ""
            report.report(record, at: record[self.targetField], missing: self.targetField, message: "\(name): no numeric target (`\(self.targetField)`)\(written)", code: "target-missing",
                          values: ["field": self.targetField])
            return
        }
        let targetReading = Self.read(targetField)
        guard var target = targetReading.quantity else {
            levelStatus = .unreadable
            report.report(record, at: targetReading.node, message: "\(name): target `\(FieldValues.display(targetReading.node))` is not a number",
                          code: "target-non-numeric", values: ["field": self.targetField, "value": FieldValues.display(targetReading.node)])
            return
        }
        let direction = statedDirection ?? target.bound ?? .atLeast
        judged?.direction = direction
        let targetYear = record[targetYearField]?.integer.map(Int.init) ?? targetReading.year ?? state.period?.end.year
        judged?.targetYear = targetYear

        // Bare numbers take the record's unit, else the other side's.
        let unitText = record[unitField]?.scalarText.map { UnitSplitter.trim(Substring($0)) } ?? ""
        let recordUnit = unitText.isEmpty ? nil : PlanQuantity.parse("1" + unitText)
        if let recordUnit { target = target.inUnit(of: recordUnit) }
        judged?.target = target.inWrittenUnit(target.value)
        judged?.unit = Self.unitLabel(target, unitText)
        var baseline: PlanQuantity?
        var baselineYear: Int?
        if let baselineNode = record[baselineField], !baselineNode.isEmpty {
            let reading = Self.read(baselineNode)
            baselineYear = record[baselineYearField]?.integer.map(Int.init) ?? reading.year
            if var value = reading.quantity {
                if let recordUnit { value = value.inUnit(of: recordUnit) }
                value = value.inUnit(of: target)
                if value.unit == target.unit {
                    baseline = value
                    judged?.baseline = target.inWrittenUnit(value.value)
                }
            }
        }
        baselineYear = baselineYear ?? state.period.map { $0.start.year - 1 }
        judged?.baselineYear = baselineYear

        guard let actualField = record[actualField], !actualField.isEmpty else {
            if kind == .binding && requireActual {
                report.report(record, at: record[self.actualField], missing: self.actualField, message: "\(name): binding indicator has no actual (`\(self.actualField)`)",
                              code: "actual-missing", values: ["field": self.actualField])
            }
            return
        }
        let actualReading = Self.read(actualField)
        guard var actual = actualReading.quantity else {
            levelStatus = .unreadable
            report.report(record, at: actualReading.node, message: "\(name): actual `\(FieldValues.display(actualReading.node))` is not a number",
                          code: "actual-non-numeric", values: ["field": self.actualField, "value": FieldValues.display(actualReading.node)])
            return
        }
        let actualNode = actualReading.node
        if let recordUnit { actual = actual.inUnit(of: recordUnit) }
        actual = actual.inUnit(of: target)
        target = target.inUnit(of: actual)
        guard target.unit == actual.unit else {
            levelStatus = .unreadable
            report.report(record, at: actualNode,
                          message: "\(name): actual \(show(actual)) and target \(show(target)) are in different units (\(unitName(actual)) vs \(unitName(target)))",
                          code: "unit-mismatch", severity: .error, values: ["field": self.actualField])
            return
        }
        let actualYear = record[actualYearField]?.integer.map(Int.init) ?? actualReading.year
        judged?.actual = target.inWrittenUnit(actual.value)
        judged?.actualYear = actualYear
        judged?.target = target.inWrittenUnit(target.value)
        judged?.unit = Self.unitLabel(target, unitText)

        let directionWord = direction == .atLeast ? "at least" : "at most"
        var values = ["target": show(target), "actual": show(actual), "kind": kind == .binding ? "binding" : "expected"]
        let meets: (Double) -> Bool = { goal in
            direction == .atLeast ? actual.value >= goal - 1e-9 * abs(goal) : actual.value <= goal + 1e-9 * abs(goal)
        }

        // The as-of date decides: while the target year is still ahead, the actual is judged on
        // the path from the baseline (at the actual's year, else the as-of year); from the
        // target year on, on the final target — however old the latest actual is.
        if !target.isGrowth, let targetYear, report.context.asOf.year < targetYear {
            // Already at the final target: met early, whatever the path (it never lies beyond it).
            if meets(target.value) {
                judged?.basis = .finalTarget
                levelStatus = .met
                return
            }
            judged?.basis = .path
            let pathYear = actualYear ?? report.context.asOf.year
            guard let baseline, let baselineYear, baselineYear < pathYear, baselineYear < targetYear else { return }
            let share = Double(min(pathYear, targetYear) - baselineYear) / Double(targetYear - baselineYear)
            let expected = baseline.value > 0 && target.value > 0
                ? baseline.value * pow(target.value / baseline.value, share)
                : baseline.value + (target.value - baseline.value) * share
            judged?.pathValue = target.inWrittenUnit(expected)
            if meets(expected) {
                levelStatus = .onTrack
                return
            }
            levelStatus = .behind
            let expectedText = target.format(expected)
            values["expected"] = expectedText
            report.report(record, at: actualNode,
                          message: "\(name): \(kindWord) indicator behind trajectory: \(show(actual)) in \(pathYear), the path from \(show(baseline)) (\(baselineYear)) to \(show(target)) (\(targetYear)) expects \(directionWord) \(expectedText)",
                          code: "behind-trajectory", severity: severity, values: values)
            return
        }

        judged?.basis = .finalTarget
        if meets(target.value) {
            levelStatus = .met
            return
        }
        levelStatus = .missed
        let what = target.isGrowth ? "growth target" : "target"
        report.report(record, at: actualNode,
                      message: "\(name): \(kindWord) \(what) \(directionWord) \(show(target)) missed: actual \(show(actual))\(actualYear.map { " (\($0))" } ?? "")",
                      code: "missed", severity: severity, values: values)
    }

    /// Worse statuses win when the level and the growth rate disagree.
    static func rank(_ status: IndicatorAssessment.Status) -> Int {
        switch status {
        case .noData: 0
        case .met: 1
        case .onTrack: 2
        case .unreadable: 3
        case .behind: 4
        case .missed: 5
        }
    }

    /// The unit the assessment's values are in: the target's written unit, else the record's.
    static func unitLabel(_ target: PlanQuantity, _ unitText: String) -> String? {
        let unit = target.writtenUnit
        return unit.isEmpty ? (unitText.isEmpty ? nil : unitText) : unit
    }

    /// Compares an actual growth rate with the target rate; bare numbers are percentages.
    func checkGrowth(_ record: Record, name: String, kindWord: String, severity: Severity, direction: PlanQuantity.Bound,
                     target targetNode: Node, actual actualNode: Node, judged: inout IndicatorAssessment?,
                     report: inout FindingReporter) -> IndicatorAssessment.Status {
        let percent = PlanQuantity(number: 1, scale: 0.01, unit: "%", text: "1%")
        guard let target = PlanQuantity.from(targetNode)?.inUnit(of: percent) else {
            report.report(record, at: targetNode, message: "\(name): growth target `\(FieldValues.display(targetNode))` is not a number",
                          code: "target-non-numeric", values: ["field": growthField])
            return .unreadable
        }
        guard let actual = PlanQuantity.from(actualNode)?.inUnit(of: percent) else {
            report.report(record, at: actualNode, message: "\(name): actual growth `\(FieldValues.display(actualNode))` is not a number",
                          code: "actual-non-numeric", values: ["field": actualGrowthField])
            return .unreadable
        }
        guard target.unit == actual.unit else {
            report.report(record, at: actualNode, message: "\(name): actual growth \(actual.text) and growth target \(target.text) are in different units",
                          code: "unit-mismatch", severity: .error, values: ["field": actualGrowthField])
            return .unreadable
        }
        judged?.growth = target.inWrittenUnit(target.value)
        judged?.actualGrowth = target.inWrittenUnit(actual.value)
        let missed = direction == .atLeast ? actual.value < target.value - 1e-12 : actual.value > target.value + 1e-12
        guard missed else { return .met }
        report.report(record, at: actualNode,
                      message: "\(name): \(kindWord) growth target \(direction == .atLeast ? "at least" : "at most") \(target.formatted) a year missed: actual \(actual.formatted)",
                      code: "growth-missed", severity: severity,
                      values: ["target": target.formatted, "actual": actual.formatted, "field": actualGrowthField])
        return .missed
    }

    /// A quantity as written; a bare number with the unit it was read in (`2002` next to
    /// `unit: 亿元` prints `2002亿元`), so no message drops a scale word.
    func show(_ q: PlanQuantity) -> String {
        let bare = q.text.allSatisfy { $0.isASCIIDigitChar || $0 == "." || $0 == "-" }
        return bare ? q.text + q.writtenUnit : q.text
    }

    func unitName(_ q: PlanQuantity) -> String {
        q.unit.isEmpty ? "a bare number" : q.unit == "%" ? "percent" : q.unit
    }
}
