/// A checker's self-description: its options schema, documentation and examples.
public struct CheckerDescriptor: Sendable {
    /// The name rules use in `checker:`.
    public var name: String
    /// One line: what the checker reports.
    public var summary: String
    /// Longer documentation (Markdown), printed by `rules explain`.
    public var discussion: String
    public var options: [OptionSpec]
    /// Examples that trigger and do not trigger the checker; they run as tests.
    public var examples: [CheckerExample]
    /// Every kind of finding the checker reports, with its default severity (documented in
    /// the generated reference; `CheckerCodeTests` holds the checkers to it).
    public var codes: [FindingCode]

    public init(name: String, summary: String, discussion: String = "", options: [OptionSpec], examples: [CheckerExample],
                codes: [FindingCode] = []) {
        self.name = name
        self.summary = summary
        self.discussion = discussion
        self.options = options
        self.examples = examples
        self.codes = codes
    }
}

/// One kind of finding: its code (the finding id is `rule-id.code`; "" for findings with the
/// bare rule id) and the severity it has when the rule sets no `severity:`.
public struct FindingCode: Sendable {
    public enum DefaultSeverity: Sendable, Equatable {
        /// The rule's severity: `error` unless the rule says otherwise.
        case rule
        /// The checker's own default for this kind; a rule's explicit `severity:` still wins.
        case fixed(Severity)
        /// Chosen by options, e.g. `bindingSeverity`/`expectedSeverity` by the indicator's kind.
        case options(String)
    }

    public var code: String
    public var severity: DefaultSeverity
    public var meaning: String

    public init(_ code: String, _ severity: DefaultSeverity = .rule, _ meaning: String) {
        self.code = code
        self.severity = severity
        self.meaning = meaning
    }

    /// The default severity in words, for the reference.
    public var severityText: String {
        switch severity {
        case .rule: "error (the rule's `severity:`)"
        case .fixed(let level): level.rawValue
        case .options(let text): text
        }
    }
}

/// The type an option value must have; checked when the rule file loads.
public enum OptionType: Sendable, Equatable, CustomStringConvertible {
    case string
    /// A string or a list of strings (a single value is a list of one).
    case strings
    case integer
    case number
    case boolean
    /// An RFC 9535 JSONPath.
    case jsonPath
    /// A `YYYY-MM-DD` date.
    case date
    /// One of the listed words.
    case oneOf([String])
    /// A map whose values are strings (value maps, severity maps).
    case stringMap
    /// Anything; the checker validates it.
    case any

    public var description: String {
        switch self {
        case .string: "string"
        case .strings: "string or list of strings"
        case .integer: "integer"
        case .number: "number"
        case .boolean: "boolean"
        case .jsonPath: "JSONPath"
        case .date: "date (YYYY-MM-DD)"
        case .oneOf(let words): "one of " + words.joined(separator: ", ")
        case .stringMap: "map of strings"
        case .any: "any value"
        }
    }
}

public struct OptionSpec: Sendable {
    public var name: String
    public var type: OptionType
    public var required: Bool
    public var summary: String
    /// Shown in docs; the checker applies the default itself.
    public var defaultValue: String?

    public init(_ name: String, _ type: OptionType, required: Bool = false, default defaultValue: String? = nil, _ summary: String) {
        self.name = name
        self.type = type
        self.required = required
        self.summary = summary
        self.defaultValue = defaultValue
    }
}

/// A small rule and dataset showing when a checker fires. `triggers` lists the record keys
/// expected in findings (in report order, repeated per finding); empty for a passing example.
public struct CheckerExample: Sendable {
    public var title: String
    /// The rule's options as YAML (merged into a rule with `id: example`).
    public var rule: String
    /// The dataset as YAML.
    public var data: String
    public var triggers: [String]
    /// The rule's target; most examples check `$.tasks[*]`.
    public var target: String
    public var asOf: PlanDate

    public init(_ title: String, rule: String, data: String, triggers: [String], target: String = "$.tasks[*]",
                asOf: PlanDate = PlanDate(year: 2011, month: 12, day: 31)) {
        self.title = title
        self.rule = rule
        self.data = data
        self.triggers = triggers
        self.target = target
        self.asOf = asOf
    }

    public var triggersFindings: Bool { !triggers.isEmpty }
}
