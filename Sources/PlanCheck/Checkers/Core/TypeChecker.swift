/// `type`: a field's value has the expected type, is one of the allowed values, matches a
/// pattern, lies in a numeric range, or is a readable date.
public struct TypeChecker: Checker {
    public static let descriptor = CheckerDescriptor(
        name: "type",
        summary: "A field has the expected type, allowed value, pattern, numeric range or date format.",
        discussion: """
        Absent and null fields pass (combine with `required` to demand them). `type: date` wants \
        an ISO date (`2011-06-30`); `format: deadline` accepts anything the deadline parser reads \
        (`2011年6月30日以前`, `年底前`, `十二五期间`, …). `enum` compares the value's text, so \
        `enum: [not-started, in-progress, done]` also catches a stray `Done`.
        """,
        options: [
            OptionSpec("field", .string, required: true, "The field to check (a dotted path)."),
            OptionSpec("type", .oneOf(["string", "integer", "number", "boolean", "list", "map", "date"]), "The expected type; `number` accepts integers."),
            OptionSpec("enum", .strings, "The allowed values."),
            OptionSpec("pattern", .string, "A regular expression the whole string value must match."),
            OptionSpec("min", .number, "The smallest allowed number."),
            OptionSpec("max", .number, "The largest allowed number."),
            OptionSpec("format", .oneOf(["date", "deadline"]), "`date`: an ISO date; `deadline`: any deadline wording PlanCheck reads."),
        ],
        examples: [
            CheckerExample("A status outside the allowed values", rule: "field: status\nenum: [not-started, in-progress, done]", data: """
                tasks:
                  - {id: T1, status: done}
                  - {id: T2, status: 已完成}
                """, triggers: ["T2"]),
            CheckerExample("A completion date that is not a date", rule: "field: completed\ntype: date", data: """
                tasks:
                  - {id: T1, completed: 2011-06-20}
                  - {id: T2, completed: 六月}
                """, triggers: ["T2"]),
            CheckerExample("A budget in range", rule: "field: budget\ntype: number\nmin: 0\nmax: 1000", data: """
                tasks:
                  - {id: T1, budget: 120}
                """, triggers: []),
        ],
        codes: [
            FindingCode("", .rule, "A field's value does not have the declared type or format."),
        ])

    let field: String
    let type: String?
    let allowed: [String]
    let pattern: TextPattern?
    let minimum: Double?
    let maximum: Double?
    let format: String?

    public init(options: RuleOptions) throws(LoadError) {
        field = options.string("field") ?? ""
        type = options.string("type")
        allowed = options.strings("enum")
        if let source = options.string("pattern") {
            do { pattern = try TextPattern(source) } catch {
                throw options.error("pattern", "not a valid regular expression: \(error.message)")
            }
        } else {
            pattern = nil
        }
        minimum = options.number("min")
        maximum = options.number("max")
        format = options.string("format")
        if let minimum, let maximum, minimum > maximum { throw options.error("min", "`min` (\(minimum)) is above `max` (\(maximum))") }
    }

    public func check(_ record: Record, state: inout Void, report: inout FindingReporter) {
        guard let value = record[field], value.kind != .null else { return }
        let shown = value.displayText
        func fail(_ problem: String) {
            report.report(record, at: value, message: "\(record.key): `\(field)` \(problem)", values: ["field": field, "value": shown])
        }
        if let type, !Self.matches(value, type: type) {
            fail("should be \(type == "date" ? "a date (YYYY-MM-DD)" : "a \(type)"), found \(value.kind == .string ? "\"\(shown)\"" : value.kind.name)")
            return
        }
        if !allowed.isEmpty, !allowed.contains(value.scalarText ?? "\u{0}") {
            fail("is \"\(shown)\", expected one of: \(allowed.joined(separator: ", "))")
        }
        if let pattern, let text = value.string, !pattern.matchesWhole(text) {
            fail("\"\(shown)\" does not match the pattern \(pattern.source)")
        }
        if let number = value.number {
            if let minimum, number < minimum { fail("is \(shown), below the minimum \(Node.format(minimum))") }
            if let maximum, number > maximum { fail("is \(shown), above the maximum \(Node.format(maximum))") }
        }
        if let format, let text = value.scalarText {
            switch format {
            case "date" where PlanDate(iso: text) == nil:
                fail("\"\(shown)\" is not a date written YYYY-MM-DD")
            case "deadline":
                if case .unparseable = DeadlineParser.parse(text) { fail("\"\(shown)\" is not a deadline PlanCheck can read") }
            default: break
            }
        }
    }

    static func matches(_ value: Node, type: String) -> Bool {
        switch type {
        case "string": value.kind == .string
        case "integer": value.kind == .integer
        case "number": value.kind == .integer || value.kind == .double
        case "boolean": value.kind == .bool
        case "list": value.kind == .list
        case "map": value.kind == .map
        case "date": value.string.flatMap(PlanDate.init(iso:)) != nil
        default: true
        }
    }
}
