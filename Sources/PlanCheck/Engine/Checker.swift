/// A checker module: the code behind a rule's `checker:` name.
///
/// The engine creates one checker value per rule when the rule file loads (options are validated
/// then, before any data is read), then for each document calls `makeState`, `check` once per
/// record the rule's `target` selects, and `finish` once at the end, where dataset-wide checks
/// (uniqueness, ratios, totals) report.
///
/// A checker declares its options, documentation and examples in `descriptor`; the examples run
/// as tests and print in `plancheck rules explain`.
public protocol Checker: Sendable {
    /// Mutable per-document state (seen keys, counters). `Void` for record-local checkers.
    associatedtype State = Void

    static var descriptor: CheckerDescriptor { get }

    /// Reads the rule's options. The engine has already checked that every key is declared in
    /// `descriptor.options` and that each value has the declared type.
    init(options: RuleOptions) throws(LoadError)

    func makeState(context: CheckContext) -> State
    func check(_ record: Record, state: inout State, report: inout FindingReporter)
    func finish(state: inout State, report: inout FindingReporter)
}

extension Checker where State == Void {
    public func makeState(context: CheckContext) {}
}

extension Checker {
    public func finish(state: inout State, report: inout FindingReporter) {}
}

/// What a checker may consult besides the record.
public struct CheckContext: Sendable {
    /// The as-of date of the run (`--as-of`, then the config, then today).
    public var asOf: PlanDate
    /// The document being checked (its root for dataset-wide lookups).
    public var root: Node
    /// Named collections declared in the config (`collections:`), e.g. a unit registry kept in
    /// another file.
    public var collections: [String: [Node]]
    /// The plan's period and issue date from the config's `plan:`, for datasets that do not
    /// carry their own (a CSV ledger); nil when the config names no plan.
    public var plan: PlanMetadata?
    /// True when the run collects assessments for the audit (`FindingReporter.assess`).
    public var assess: Bool

    public init(asOf: PlanDate, root: Node, collections: [String: [Node]] = [:], plan: PlanMetadata? = nil,
                assess: Bool = false) {
        self.asOf = asOf
        self.root = root
        self.collections = collections
        self.plan = plan
        self.assess = assess
    }
}

/// One record a rule applies to: a node selected by the rule's `target`.
public struct Record: Sendable {
    public let node: Node
    /// The field naming the record in findings (the rule's `key`, default `id`).
    public let keyField: String

    public init(node: Node, keyField: String) {
        self.node = node
        self.keyField = keyField
    }

    /// The record's name for findings: its key field's value, else its normalized path.
    public var key: String {
        if let value = node.lookup(path: keyField), let text = value.scalarText, value.kind != .null { return text }
        return node.normalizedPath
    }

    /// Shorthand for a field of the record (dotted paths allowed).
    public subscript(field: String) -> Node? { node.lookup(path: field) }
}
