/// A checker's judgement of one record it checked — a task's state, an indicator's status, a
/// ratio's rate, a task's units — reported next to its findings.
///
/// Findings say what is wrong; assessments say where each record stands, wrong or not. The audit
/// (`plancheck audit`) is built from them, so it sees exactly what `check` decided: the same
/// field names, vocabulary, options, packs and plan period. Checkers build assessments only when
/// the run asks for them (`FindingReporter.isAssessing`), so `check` pays nothing for them.
public struct Assessment: Sendable {
    /// The rule that judged the record.
    public var rule: String
    public var checker: String
    /// The record judged (the document root for a dataset-wide assessment such as a rate).
    public var node: Node
    /// The record's key (its `id` by default), as findings name it.
    public var record: String
    public var value: Value

    public enum Value: Sendable, Equatable {
        case task(TaskAssessment)
        case indicator(IndicatorAssessment)
        case ratio(RatioAssessment)
        case units(UnitAssessment)
    }

    public var file: String { node.document.file }

    /// Report order: file, position, rule — the same on every thread count.
    static func order(_ a: Assessment, _ b: Assessment) -> Bool {
        if a.file != b.file { return a.file < b.file }
        if a.node.line != b.node.line { return a.node.line < b.node.line }
        if a.node.column != b.node.column { return a.node.column < b.node.column }
        if a.rule != b.rule { return a.rule < b.rule }
        return a.node.index < b.node.index
    }
}

/// The `deadline` checker's view of a task as of the run's as-of date.
public struct TaskAssessment: Sendable, Equatable {
    public enum State: String, Sendable, Codable, CaseIterable {
        case doneOnTime = "done-on-time"
        case doneLate = "done-late"
        /// Done, without a completion date: whether it was on time cannot be told.
        case doneDateUnknown = "done-date-unknown"
        case overdue
        /// Not done, the deadline not passed yet (due on the as-of day is not overdue).
        case due
        case noDeadline = "no-deadline"
        /// Not done, with a deadline that gives no date (unreadable, ambiguous, open-ended).
        case unreadable
    }

    public var state: State
    /// What the status field says, as the vocabulary reads it; nil when absent or unknown.
    public var progress: Vocabulary.Progress?
    /// The status as written (for an unknown word).
    public var statusText: String?
    public var dueText: String?
    /// The deadline: the end of the interval the wording denotes.
    public var deadline: PlanDate?
    /// Why `dueText` gives no date: `no-fixed-deadline`, `ambiguous`, `unparseable`.
    public var deadlineProblem: String?
    public var completed: PlanDate?
    public var daysLate: Int?
    public var daysOverdue: Int?
    /// The deadline lies outside the plan period (`outside-period` in `check`).
    public var outsidePeriod: Bool

    public init(state: State, progress: Vocabulary.Progress? = nil, statusText: String? = nil, dueText: String? = nil,
                deadline: PlanDate? = nil, deadlineProblem: String? = nil, completed: PlanDate? = nil,
                daysLate: Int? = nil, daysOverdue: Int? = nil, outsidePeriod: Bool = false) {
        self.state = state
        self.progress = progress
        self.statusText = statusText
        self.dueText = dueText
        self.deadline = deadline
        self.deadlineProblem = deadlineProblem
        self.completed = completed
        self.daysLate = daysLate
        self.daysOverdue = daysOverdue
        self.outsidePeriod = outsidePeriod
    }
}

/// The `indicator` checker's view of an indicator. Values are in the data's own unit (`unit`,
/// e.g. `亿元`), as the messages print them.
public struct IndicatorAssessment: Sendable, Equatable {
    public enum Status: String, Sendable, Codable {
        case met
        case missed
        /// Before the target year (as of the as-of date): at or ahead of the path.
        case onTrack = "on-track"
        /// Before the target year: behind the path (`behind-trajectory` in `check`).
        case behind
        /// Nothing to compare (no actual, no target, or no baseline for a mid-term actual).
        case noData = "no-data"
        /// A value the checker could not read (`*-non-numeric`, `unit-mismatch`).
        case unreadable
    }

    /// What the actual was compared with.
    public enum Basis: String, Sendable, Codable {
        case finalTarget = "final-target"
        case path
        case growth
    }

    public var status: Status
    public var basis: Basis?
    public var kind: Vocabulary.IndicatorKind?
    /// The kind as written when the vocabulary does not know it.
    public var kindText: String?
    public var direction: PlanQuantity.Bound
    public var name: String?
    /// The unit the values below are in, as the data writes it (`亿元`, `%`, `户`).
    public var unit: String?
    public var baseline: Double?
    public var baselineYear: Int?
    public var target: Double?
    public var targetYear: Int?
    public var actual: Double?
    public var actualYear: Int?
    /// The value the path expects in `actualYear` (basis `path`).
    public var pathValue: Double?
    /// Growth target and actual growth, % a year.
    public var growth: Double?
    public var actualGrowth: Double?

    public init(status: Status, basis: Basis? = nil, kind: Vocabulary.IndicatorKind? = nil, direction: PlanQuantity.Bound = .atLeast) {
        self.status = status
        self.basis = basis
        self.kind = kind
        self.direction = direction
    }
}

/// The `ratio` checker's rate over one dataset.
public struct RatioAssessment: Sendable, Equatable {
    public var label: String
    /// The lowest acceptable rate, a fraction.
    public var minimum: Double
    public var satisfied: Int
    public var total: Int
    /// The records falling short, in record order, with what each lacks (display names).
    public var shortfalls: [Shortfall]

    public struct Shortfall: Sendable, Equatable {
        public var record: String
        public var name: String?
        public var missing: [String]
    }

    /// nil for an empty set: the rate is undefined, not 0 % or 100 %.
    public var rate: Double? { total == 0 ? nil : Double(satisfied) / Double(total) }
    public var meetsMinimum: Bool? { total == 0 ? nil : Double(satisfied) >= minimum * Double(total) - 1e-9 }
}

/// The `accountability` checker's view of a record's units, resolved to the registry's
/// canonical names (aliases counted as the unit they belong to).
public struct UnitAssessment: Sendable, Equatable {
    public var leads: [String]
    /// Participants, without the leads.
    public var participants: [String]
    /// Names the registry does not know (empty without a registry).
    public var unregistered: [String]
    public var hasRegistry: Bool
    /// Responsible units (责任单位) of a record that marks no lead, without the leads.
    public var responsible: [String] = []
}
