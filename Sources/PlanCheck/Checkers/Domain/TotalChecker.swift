/// `total`: declared totals ("25项指标，约束性11项、预期性14项", "409项…4293亿元") equal what the
/// records add up to.
public struct TotalChecker: Checker {
    public static let descriptor = CheckerDescriptor(
        name: "total",
        summary: "A declared total equals the count (or the sum of a field) of the records a JSONPath selects, overall and per group.",
        discussion: """
        Each target record declares a total (`declared`, a number or a quantity such as `25项` or \
        `4293亿元`) and says what it totals: a JSONPath in its `of` field (or the rule's `path`). \
        The selected nodes are counted, or, with `sumField`, that field is summed (quantities \
        with 亿/万 are summed in their base unit; bare numbers are read in the declared unit; \
        `tolerance` absorbs rounding in sums).

        With `groupBy` (a field of the counted records) and expected per-group counts — the \
        record's `groups` map, else the rule's `expected` map, e.g. `{binding: 11, expected: 14}` \
        — each group is checked too. Rule options give defaults; the same keys on the record \
        (`sumField`, `groupBy`) win, so one rule can check many declared totals.

        Codes: `mismatch`, `group-mismatch`, `declared-missing`, `declared-non-numeric`, \
        `of-missing`, `of-invalid`, `sum-non-numeric`, `expected-non-numeric`.
        """,
        options: [
            OptionSpec("declared", .string, default: "declared", "The record field holding the declared total."),
            OptionSpec("of", .string, default: "of", "The record field holding a JSONPath to what is totalled."),
            OptionSpec("path", .jsonPath, "What is totalled, when the record has no `of` field."),
            OptionSpec("sumField", .string, "Sum this field of the selected nodes instead of counting them (a record's `sumField` wins)."),
            OptionSpec("groupBy", .string, "A field of the selected nodes to count per value (a record's `groupBy` wins)."),
            OptionSpec("groups", .string, default: "groups", "The record field holding expected per-group counts, e.g. `{binding: 11, expected: 14}`."),
            OptionSpec("expected", .any, "Expected per-group counts for records without a `groups` field (a map of numbers)."),
            OptionSpec("tolerance", .number, default: "0", "Largest accepted difference between a declared and a summed total."),
        ],
        examples: [
            CheckerExample("25 indicators declared, 24 listed; binding 11 declared, 10 listed", rule: "groupBy: kind", data: """
                totals:
                  - id: T01
                    description: 25项指标，约束性11项、预期性14项
                    declared: 25项
                    of: $.indicators[*]
                    groups: {binding: 11, expected: 14}
                indicators: [\(Array(repeating: "{kind: binding}", count: 10).joined(separator: ", ")), \(Array(repeating: "{kind: expected}", count: 14).joined(separator: ", "))]
                """, triggers: ["T01", "T01"], target: "$.totals[*]"),
            CheckerExample("A sum in 亿元 that adds up", rule: "sumField: investment", data: """
                totals:
                  - id: T02
                    description: 重大项目3项，总投资4293亿元
                    declared: 4293亿元
                    of: $.projects[*]
                projects:
                  - {id: P1, investment: 4000亿元}
                  - {id: P2, investment: 293}
                """, triggers: [], target: "$.totals[*]"),
        ],
        codes: [
            FindingCode("mismatch", .rule, "The declared total differs from the count or sum of the records it names."),
            FindingCode("group-mismatch", .rule, "A per-group total differs from the records of that group."),
            FindingCode("declared-missing", .rule, "A total record without a declared value."),
            FindingCode("declared-non-numeric", .rule, "The declared value is not a number."),
            FindingCode("of-missing", .rule, "A total record that does not say which records it counts."),
            FindingCode("of-invalid", .rule, "The records a total names are not a valid JSONPath."),
            FindingCode("sum-non-numeric", .rule, "A value to be summed is not a number."),
            FindingCode("expected-non-numeric", .rule, "A per-group expected value is not a number."),
        ])

    let declaredField: String
    let ofField: String
    let path: JSONPath?
    let sumField: String?
    let groupBy: String?
    let groupsField: String
    let expected: [(String, Double)]
    let tolerance: Double

    public init(options: RuleOptions) throws(LoadError) {
        declaredField = options.string("declared") ?? "declared"
        ofField = options.string("of") ?? "of"
        path = try options.jsonPath("path")
        sumField = options.string("sumField")
        groupBy = options.string("groupBy")
        groupsField = options.string("groups") ?? "groups"
        tolerance = options.number("tolerance") ?? 0
        if tolerance < 0 { throw options.error("tolerance", "must not be negative") }
        if let map = options["expected"] {
            guard map.kind == .map else { throw options.error("expected", "must be a map of group → count") }
            var pairs: [(String, Double)] = []
            for (key, value) in map.entries {
                guard let n = value.number else { throw options.error("expected", "the count for `\(key)` is not a number") }
                pairs.append((key, n))
            }
            expected = pairs
        } else {
            expected = []
        }
    }

    public func check(_ record: Record, state: inout Void, report: inout FindingReporter) {
        let key = record.key
        guard let declaredNode = record[declaredField], !declaredNode.isEmpty else {
            report.report(record, at: record[declaredField], missing: declaredField, message: "\(key): no declared total (`\(declaredField)`)",
                          code: "declared-missing", values: ["field": declaredField])
            return
        }
        guard let declared = PlanQuantity.from(declaredNode) else {
            report.report(record, at: declaredNode, message: "\(key): declared total `\(FieldValues.display(declaredNode))` is not a number",
                          code: "declared-non-numeric", values: ["field": declaredField])
            return
        }

        // What is totalled: the record's `of`, else the rule's `path`.
        let query: JSONPath
        if let ofNode = record[ofField], let text = ofNode.string {
            do {
                query = try JSONPath(text)
            } catch {
                report.report(record, at: ofNode, message: "\(key): `\(text)` is not a valid JSONPath: \(error.message)",
                              code: "of-invalid", values: ["field": ofField])
                return
            }
        } else if let path {
            query = path
        } else {
            report.report(record, at: record[ofField], missing: ofField, message: "\(key): does not say what it totals (`\(ofField)`)",
                          code: "of-missing", values: ["field": ofField])
            return
        }
        let items = query.select(report.context.root)
        let sumField = record["sumField"]?.string ?? self.sumField
        let groupBy = record["groupBy"]?.string ?? self.groupBy

        if let sumField {
            var sum = 0.0
            var unit = ""
            for item in items {
                guard let valueNode = item.lookup(path: sumField), !valueNode.isNull else { continue }
                guard let q = PlanQuantity.from(valueNode), q.isComparable(with: declared) else {
                    report.report(record, at: valueNode, message: "\(key): `\(FieldValues.display(valueNode))` (\(sumField) of \(valueNode.normalizedPath)) is not a number in the declared unit",
                                  code: "sum-non-numeric", values: ["field": sumField])
                    continue
                }
                let inUnit = q.inUnit(of: declared)
                sum += inUnit.value
                if unit.isEmpty { unit = inUnit.unit }
            }
            let actual = sum / declared.scale
            if abs(actual - declared.number) > tolerance + 1e-9 * max(1, abs(declared.number)) {
                let unitText = declared.writtenUnit
                report.report(record, at: declaredNode,
                              message: "\(key): declared \(declared.text), summed \(FieldValues.number(actual))\(unitText) (\(sumField) of \(items.count) in \(query))",
                              code: "mismatch", values: ["declared": declared.text, "actual": FieldValues.number(actual)])
            }
        } else if Double(items.count) != declared.value {
            report.report(record, at: declaredNode, message: "\(key): declared \(declared.text), counted \(items.count) (\(query))",
                          code: "mismatch", values: ["declared": declared.text, "actual": String(items.count)])
        }

        guard let groupBy else { return }
        var expected = self.expected
        if let groups = record[groupsField], groups.kind == .map {
            expected = []
            for (group, value) in groups.entries {
                guard let n = PlanQuantity.from(value)?.value else {
                    report.report(record, at: value, message: "\(key): expected count for `\(group)` is not a number",
                                  code: "expected-non-numeric", values: ["field": groupsField])
                    continue
                }
                expected.append((group, n))
            }
        }
        guard !expected.isEmpty else { return }
        var counts: [String: Int] = [:]
        for item in items {
            let group = item.lookup(path: groupBy)?.scalarText ?? ""
            counts[group, default: 0] += 1
        }
        let wrong = expected.filter { Double(counts[$0.0] ?? 0) != $0.1 }
        guard !wrong.isEmpty else { return }
        let detail = wrong.map { "\($0.0) declared \(FieldValues.number($0.1)), counted \(counts[$0.0] ?? 0)" }.joined(separator: "; ")
        report.report(record, at: record[groupsField] ?? declaredNode, message: "\(key): \(detail) (by `\(groupBy)` in \(query))",
                      code: "group-mismatch", values: ["groupBy": groupBy])
    }
}
