/// Collects the findings of one rule on one document. Checkers call `report`; the engine fills
/// in the rule id, checker name, severity, message template and location.
public struct FindingReporter: Sendable {
    let header: RuleHeader
    public let context: CheckContext
    public private(set) var findings: [Finding] = []
    /// The checker's judgements of the records (`Assessment`), collected only when the run
    /// asks for them.
    public private(set) var assessments: [Assessment] = []

    /// True when the run collects assessments (`plancheck audit`); checkers build them only then.
    public var isAssessing: Bool { context.assess }

    init(header: RuleHeader, context: CheckContext) {
        self.header = header
        self.context = context
    }

    /// Reports a problem with `record`.
    /// - Parameters:
    ///   - node: the offending node (a field's value or key); the record itself when nil.
    ///   - field: the field the finding is about when the record leaves it out or empty: a
    ///     record read from a table is then located at that field's cell (the empty `D4` of its
    ///     row), not at `node` or the row's first cell; ignored when the field is present.
    ///   - message: the checker's message; a rule's `message:` template may replace it and can
    ///     quote it as `{{ message }}`.
    ///   - code: a sub-kind (`overdue`), making the finding's id `rule-id.code`.
    ///   - severity: overrides the rule's severity for this kind (e.g. `due-soon` is info).
    ///   - values: extra template variables (`field`, `value`, …).
    ///   - isEvaluationError: the rule could not judge the record (its `when:` or `assert:` failed
    ///     to evaluate). The rule's `message:` describes a violation, so it is not used: the
    ///     finding says what could not be evaluated instead of claiming the violation.
    public mutating func report(_ record: Record, at node: Node? = nil, missing field: String? = nil, message: String, code: String? = nil,
                                severity: Severity? = nil, values: [String: String] = [:], isEvaluationError: Bool = false) {
        let target = node ?? record.node
        var line = target.line, column = target.column, cell = target.cell
        if let field, record.node.document.cells != nil, record[field] == nil, let place = record.node.place(ofField: field) {
            (line, column, cell) = (place.line, place.column, place.cell)
        }
        var message = message, values = values
        // A mapped record names its fields as the file writes them (`牵头单位`, not `lead`).
        if let names = record.node.document.writtenNames?.names(at: record.node.index) {
            message = WrittenNames.rewrite(message, names: names)
            if let field = values["field"], let written = names[field] { values["field"] = written }
        }
        var text = message
        if let template = header.message, !isEvaluationError {
            var expressionContext = context.expressionContext
            expressionContext.variables["message"] = .string(message)
            expressionContext.variables["key"] = .string(record.key)
            for (name, value) in values { expressionContext.variables[name] = .string(value) }
            text = template.render(record: record.node, context: expressionContext)
        }
        findings.append(Finding(
            rule: code.map { header.id + "." + $0 } ?? header.id,
            checker: header.checker,
            severity: severity.map { header.severityIsExplicit ? header.severity : $0 } ?? header.severity,
            message: text,
            file: target.document.file,
            line: line,
            column: column,
            path: target.normalizedPath,
            record: record.key,
            sheet: target.sheet,
            recordLine: record.node.line,
            cell: cell))
    }
}

extension FindingReporter {
    /// Records the checker's judgement of `record` (ignored unless `isAssessing`).
    public mutating func assess(_ record: Record, _ value: Assessment.Value) {
        guard context.assess else { return }
        assessments.append(Assessment(rule: header.id, checker: header.checker, node: record.node, record: record.key, value: value))
    }
}

/// The parts of a rule every finding carries.
struct RuleHeader: Sendable {
    var id: String
    var checker: String
    var severity: Severity
    /// True when the rule file set `severity:` (then it wins over a checker's per-kind default).
    var severityIsExplicit: Bool
    var message: ExpressionTemplate?
}
