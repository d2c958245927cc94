/// `required`: the listed fields are present and not empty.
public struct RequiredChecker: Checker {
    public static let descriptor = CheckerDescriptor(
        name: "required",
        summary: "Fields are present and not empty (null, \"\", [] and {} count as missing).",
        discussion: """
        Use it for what a plan cannot go without: a title, a lead unit, a deadline, a named owner \
        (\"事事有人管\"). Each missing field is one finding, pointing at the empty value when the \
        field is there and at the record when it is absent. Fields may be dotted paths \
        (`budget.amount`).
        """,
        options: [
            OptionSpec("fields", .strings, required: true, "The fields that must be present and non-empty."),
        ],
        examples: [
            CheckerExample("A measure without a lead unit", rule: "fields: [lead]", data: """
                tasks:
                  - id: M1
                    lead: 市发展改革委
                  - id: M2
                    lead: ""
                  - id: M3
                """, triggers: ["M2", "M3"]),
            CheckerExample("Every field filled", rule: "fields: [lead, due]", data: """
                tasks:
                  - id: M1
                    lead: [市外办]
                    due: 2011-06-30
                """, triggers: []),
        ],
        codes: [
            FindingCode("", .rule, "A required field is absent, null or empty."),
        ])

    let fields: [String]

    public init(options: RuleOptions) throws(LoadError) {
        fields = options.strings("fields")
        if fields.isEmpty { throw options.error("fields", "name at least one field") }
    }

    public func check(_ record: Record, state: inout Void, report: inout FindingReporter) {
        for field in fields {
            let value = record[field]
            guard value?.isEmpty ?? true else { continue }
            let message = value == nil ? "\(record.key): missing required field `\(field)`"
                                       : "\(record.key): required field `\(field)` is empty"
            report.report(record, at: value, missing: field, message: message, values: ["field": field])
        }
    }
}
