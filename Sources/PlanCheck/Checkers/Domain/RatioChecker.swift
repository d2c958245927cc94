/// `ratio`: the share of records satisfying a condition reaches a threshold — the "一书两证执行率
/// 100 %" of the city-construction measures.
public struct RatioChecker: Checker {
    public static let descriptor = CheckerDescriptor(
        name: "ratio",
        summary: "The share of target records that satisfy a condition reaches a threshold (default 100 %).",
        discussion: """
        A record satisfies the condition when every field in `fields` is present and "yes": \
        `true`, a non-zero number, a non-empty list or map, or a non-empty string other than a \
        "no" word (`false`, `no`, `0`, `否`, `无`, `未办理`, …), and, when given, the CEL \
        `condition` is true for it (one that cannot be evaluated counts as not satisfied and is \
        reported as `condition-error`). Restrict the records with the rule's `target` and `when:`.

        Each record that falls short is a finding (code `short`) pointing at its first \
        unsatisfied field and naming all of them; when the rate is below `min`, one dataset-level \
        finding (code `rate`) gives it as `label rate (numerator/denominator), required min`, e.g. \
        `一书两证执行率 96.7 %（29/30）, required 100 %`. With no records at all the rate is \
        undefined: that is reported (code `undefined`), never divided by zero.

        For the audit the checker assesses the rate of each dataset: numerator, denominator, \
        the required minimum and the records falling short with what each lacks.
        """,
        options: [
            OptionSpec("fields", .strings, "Fields (dotted paths allowed) that must all be present and true/non-empty; `fields`, `condition` or both."),
            OptionSpec("min", .number, default: "1.0", "The lowest acceptable rate, as a fraction (0.95) or a percentage (95)."),
            OptionSpec("label", .string, default: "rate", "What the rate is called in messages, e.g. `一书两证执行率`."),
            OptionSpec("names", .stringMap, "Display names for fields in messages, e.g. `{permits.construction: 建设工程规划许可证}`."),
            OptionSpec("requireRecords", .boolean, default: "true", "Report an empty target set (`undefined`); packs applied to every file of a project turn it off."),
            OptionSpec("condition", .string, "A CEL condition a record must also satisfy, e.g. `permits.construction && budget > 0`."),
        ],
        examples: [
            CheckerExample("一书两证: one project lacks its construction permit", rule: """
                fields: [permits.siteSelection, permits.landUse, permits.construction]
                label: 一书两证执行率
                """, data: """
                projects:
                  - id: P001
                    permits: {siteSelection: true, landUse: true, construction: true}
                  - id: P002
                    permits: {siteSelection: true, landUse: true, construction: false}
                """, triggers: ["$", "P002"], target: "$.projects[*]"),
            CheckerExample("Every project holds all three", rule: "fields: [permits.siteSelection, permits.landUse, permits.construction]", data: """
                projects:
                  - id: P001
                    permits: {siteSelection: true, landUse: 有, construction: 建字第001号}
                """, triggers: [], target: "$.projects[*]"),
        ],
        codes: [
            FindingCode("short", .rule, "A record that does not count toward the rate, naming what it lacks."),
            FindingCode("rate", .rule, "The rate is below `min` (one finding per dataset)."),
            FindingCode("undefined", .rule, "No records at all (with `requireRecords`)."),
            FindingCode("condition-error", .rule, "The `condition` could not be evaluated for a record."),
        ])

    let fields: [String]
    let minimum: Double
    let label: String
    let names: [String: String]
    let requireRecords: Bool
    let condition: CompiledExpression?

    public init(options: RuleOptions) throws(LoadError) {
        fields = options.strings("fields")
        if let node = options["condition"] {
            condition = try RuleFileLoader.compileCondition(node.string ?? "", at: node, what: "rule `\(options.ruleID)`: `condition`")
        } else {
            condition = nil
        }
        if fields.isEmpty && condition == nil { throw options.error("fields", "name at least one field, or give a `condition`") }
        let raw = options.number("min") ?? 1.0
        // `min: 95` reads as 95 %: nobody means a rate above 1 as a fraction.
        minimum = raw > 1 ? raw / 100 : raw
        if !(0...1).contains(minimum) || raw < 0 { throw options.error("min", "must be between 0 and 1 (or 0 and 100 as a percentage)") }
        label = options.string("label") ?? "rate"
        requireRecords = options.bool("requireRecords") ?? true
        names = Dictionary(options.stringMap("names"), uniquingKeysWith: { a, _ in a })
    }

    public struct State: Sendable {
        var total = 0
        var satisfied = 0
        let expressions: ExpressionContext
        /// The records falling short, kept for the assessment (audit runs only).
        var shortfalls: [RatioAssessment.Shortfall] = []
    }

    public func makeState(context: CheckContext) -> State { State(expressions: context.expressionContext) }

    /// The fields of `record` that do not hold.
    func unsatisfied(_ record: Record) -> [String] {
        fields.filter { !FieldValues.isSatisfied(record[$0]) }
    }

    public func check(_ record: Record, state: inout State, report: inout FindingReporter) {
        state.total += 1
        let missing = unsatisfied(record)
        var conditionHolds = true
        if let condition {
            do throws(ExpressionError) {
                conditionHolds = try condition.evaluateCondition(record: record.node, context: state.expressions)
            } catch {
                conditionHolds = false
                report.report(record, message: "\(record.key): `\(condition.source)` could not be evaluated: \(error.message)", code: "condition-error",
                              isEvaluationError: true)
            }
        }
        if missing.isEmpty && conditionHolds { state.satisfied += 1; return }
        if report.isAssessing {
            var lacking = missing.map { names[$0] ?? $0 }
            if !conditionHolds, let condition { lacking.append(condition.source) }
            state.shortfalls.append(.init(record: record.key, name: (record["name"] ?? record["title"])?.scalarText, missing: lacking))
        }
        guard let first = missing.first else {
            report.report(record, message: "\(record.key): does not count toward \(label): `\(condition?.source ?? "")` is false",
                          code: "short", values: ["condition": condition?.source ?? ""])
            return
        }
        let shown = missing.map { field in names[field].map { "\($0) (`\(field)`)" } ?? "`\(field)`" }
        let node = record[first].flatMap { $0.isNull ? nil : $0 }
        report.report(record, at: node, missing: first, message: "\(record.key): does not count toward \(label): missing or false \(shown.joined(separator: ", "))",
                      code: "short", values: ["field": first, "fields": missing.joined(separator: ", ")])
    }

    public func finish(state: inout State, report: inout FindingReporter) {
        if report.isAssessing, state.total > 0 || requireRecords {
            report.assess(report.datasetRecord, .ratio(RatioAssessment(label: label, minimum: minimum, satisfied: state.satisfied,
                                                                        total: state.total, shortfalls: state.shortfalls)))
        }
        guard state.total > 0 else {
            guard requireRecords else { return }
            report.report(report.datasetRecord, message: "\(label) undefined: no records", code: "undefined")
            return
        }
        let rate = Double(state.satisfied) / Double(state.total)
        guard rate < minimum else { return }
        let text = "\(label) \(FieldValues.percent(rate))（\(state.satisfied)/\(state.total)）, required \(FieldValues.percent(minimum))"
        report.report(report.datasetRecord, message: text, code: "rate",
                      values: ["rate": FieldValues.percent(rate), "numerator": String(state.satisfied), "denominator": String(state.total)])
    }
}
