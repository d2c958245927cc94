/// The accountability audit: what `plancheck audit` computes and every format renders.
///
/// The JSON format writes this model as it is; its field names are a stable interface
/// (documented in docs/audit.md, checked by `AuditModelTests`) because offices keep last
/// month's JSON to `--compare` against. Add fields; never rename or retype one without bumping
/// `schemaVersion`.
public struct AuditReport: Sendable, Codable, Equatable {
    /// Bumped when a field changes meaning or type.
    public static let currentSchemaVersion = 1

    public var schemaVersion: Int
    public var title: String
    public var asOf: String
    /// `zh` or `en`: the language the human-readable formats use.
    public var language: String
    public var datasets: [String]
    public var headline: String
    public var totals: StatusCounts
    /// Units ranked worst first (see `AuditRanking`).
    public var units: [UnitAudit]
    public var groups: [GroupAudit]
    public var tasks: [TaskAudit]
    public var indicators: [IndicatorAudit]
    public var ratios: [RatioAudit]
    public var dataQuality: DataQuality
    /// Findings of the check engine by severity (`error`, `warning`, `info`).
    public var findings: FindingCounts
    /// Present with `--compare`.
    public var comparison: AuditComparison?
    /// The sections no rule fed: `deadline`, `accountability`, `indicator`, `ratio` — the
    /// checker kinds the configuration has no (active) rule of. The audit reads nothing the
    /// rules did not judge, so these sections are empty rather than guessed.
    public var notAssessed: [String]?
}

/// Where tasks stand. Every task is in exactly one of the exclusive buckets.
public struct StatusCounts: Sendable, Codable, Equatable {
    public var tasks = 0
    public var doneOnTime = 0
    public var doneLate = 0
    /// Done without a completion date: outside the on-time rate.
    public var doneDateUnknown = 0
    public var inProgress = 0
    public var notStarted = 0
    public var overdue = 0
    /// Tasks no `deadline` rule judged (no such rule configured).
    public var notAssessed = 0
    /// Sum of days overdue over the overdue tasks.
    public var daysOverdue = 0
    public var maxDaysOverdue = 0

    public init() {}

    /// Fields added since schema 1 (`doneDateUnknown`, `notAssessed`) may be absent from a
    /// previous audit's JSON (`--compare`): they read as 0.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        func n(_ key: CodingKeys) throws -> Int { try c.decodeIfPresent(Int.self, forKey: key) ?? 0 }
        tasks = try n(.tasks); doneOnTime = try n(.doneOnTime); doneLate = try n(.doneLate); doneDateUnknown = try n(.doneDateUnknown)
        inProgress = try n(.inProgress); notStarted = try n(.notStarted); overdue = try n(.overdue); notAssessed = try n(.notAssessed)
        daysOverdue = try n(.daysOverdue); maxDaysOverdue = try n(.maxDaysOverdue)
    }

    public var done: Int { doneOnTime + doneLate + doneDateUnknown }

    /// The count of one bucket.
    public func count(_ status: AuditStatus) -> Int {
        switch status {
        case .doneOnTime: doneOnTime
        case .doneLate: doneLate
        case .doneDateUnknown: doneDateUnknown
        case .overdue: overdue
        case .inProgress: inProgress
        case .notStarted: notStarted
        case .notAssessed: notAssessed
        }
    }

    /// Done on time over the tasks whose deadline has come and whose timeliness is known (done
    /// on time, done late, overdue); nil when none has. A task done without a completion date
    /// is outside the rate: nobody can tell whether it was on time.
    public var onTimeRate: Double? {
        let due = doneOnTime + doneLate + overdue
        return due == 0 ? nil : AuditMath.percent(doneOnTime, of: due)
    }

    mutating func add(_ task: TaskAudit) {
        tasks += 1
        switch task.status {
        case .doneOnTime: doneOnTime += 1
        case .doneLate: doneLate += 1
        case .doneDateUnknown: doneDateUnknown += 1
        case .notAssessed: notAssessed += 1
        case .inProgress: inProgress += 1
        case .notStarted: notStarted += 1
        case .overdue:
            overdue += 1
            daysOverdue += task.daysOverdue ?? 0
            maxDaysOverdue = max(maxDaysOverdue, task.daysOverdue ?? 0)
        }
    }
}

/// The audit status of one task as of the audit date.
public enum AuditStatus: String, Sendable, Codable, CaseIterable {
    case doneOnTime = "done-on-time"
    case doneLate = "done-late"
    /// Done, without a completion date.
    case doneDateUnknown = "done-date-unknown"
    case overdue
    case inProgress = "in-progress"
    case notStarted = "not-started"
    /// No `deadline` rule judged the task.
    case notAssessed = "not-assessed"
}

public struct TaskAudit: Sendable, Codable, Equatable {
    public var id: String
    public var title: String
    /// The action (group) id, nil when the task belongs to none.
    public var group: String?
    /// Lead units, resolved to registry names where the registry knows them.
    public var leads: [String]
    public var participants: [String]
    /// True when the task names no lead and its action's leads were used.
    public var leadsInherited: Bool
    public var owner: String?
    /// The deadline as written.
    public var dueText: String?
    /// The deadline (the end of the interval the wording denotes), `YYYY-MM-DD`.
    public var deadline: String?
    /// Why `dueText` gave no deadline: `no-fixed-deadline`, `ambiguous` or `unparseable`.
    public var deadlineProblem: String?
    /// The progress field as written, normalised to done / in-progress / not-started.
    public var progress: String
    public var completed: String?
    public var status: AuditStatus
    public var daysOverdue: Int?
    /// Days between the deadline and completion for tasks done late.
    public var daysLate: Int?
    /// True when the deadline lies outside the plan period (`outside-period` in `check`).
    public var outsidePeriod: Bool?
    /// Rule ids of the engine's findings on this task (record key = task id), sorted.
    public var findings: [String]
    public var file: String
    public var line: Int
    /// Responsible units (责任单位) of a task that marks no lead; nil when there are none. The
    /// unit ranking counts each of them as answerable for the task, as a lead is.
    public var responsible: [String]? = nil
}

/// One responsible unit. Lead and participant roles are counted separately: a plan holds the
/// lead unit (牵头单位) answerable, participants (参加单位) share the work.
public struct UnitAudit: Sendable, Codable, Equatable {
    /// 1 = worst.
    public var rank: Int
    public var name: String
    /// False when the name is not in the unit registry (or there is no registry).
    public var registered: Bool
    public var led: StatusCounts
    public var participated: StatusCounts
    /// `led.onTimeRate`, copied for readers of the JSON.
    public var onTimeRate: Double?
    /// Findings of the engine against the tasks this unit leads.
    public var findings: Int
    /// The overdue and late tasks it leads: what put it where it is in the ranking.
    public var overdueTasks: [UnitTaskRef]
    public var lateTasks: [UnitTaskRef]
}

public struct UnitTaskRef: Sendable, Codable, Equatable {
    public var id: String
    public var title: String
    /// Days overdue (for overdue tasks) or days late (for tasks done late).
    public var days: Int
}

/// An action plan / special action: a group of tasks.
public struct GroupAudit: Sendable, Codable, Equatable {
    public var id: String
    public var title: String
    public var counts: StatusCounts
    /// Done over all tasks, percent.
    public var progress: Double?
    public var findings: Int
}

public struct IndicatorAudit: Sendable, Codable, Equatable {
    public enum Status: String, Sendable, Codable {
        /// The actual meets the target.
        case met
        /// Target year not reached; the actual is on the path to the target.
        case onTrack = "on-track"
        /// Target year not reached; the actual is behind the path.
        case behind
        /// Target year reached (or no year to wait for) and the target is not met.
        case missed
        /// Nothing to compare: no actual, or no target and no growth.
        case noData = "no-data"
        /// A value the `indicator` rule could not read (its finding says which).
        case unreadable
    }

    public var id: String
    public var name: String
    /// `binding` (约束性) or `expected` (预期性) as normalised; as written otherwise.
    public var kind: String
    public var unit: String?
    public var direction: String
    public var baseline: Double?
    public var target: Double?
    public var targetYear: Int?
    public var actual: Double?
    public var actualYear: Int?
    /// Target growth % per year and the reported actual growth, when given.
    public var growth: Double?
    public var actualGrowth: Double?
    /// `actual - target` (negative is short of an at-least target).
    public var gap: Double?
    /// Actual as a percentage of target (inverted for at-most targets), for the chart.
    public var attainment: Double?
    public var status: Status
    /// How `status` was decided, in words (e.g. "growth 16.3 % vs 18 % a year").
    public var basis: String
    /// The value the path from the baseline expects in the actual's year (basis: path).
    public var pathValue: Double?
    /// The rule that judged the indicator.
    public var rule: String?
}

/// A rate a `ratio` rule computed, such as the "一书两证" execution rate.
public struct RatioAudit: Sendable, Codable, Equatable {
    /// The rule id.
    public var id: String
    public var description: String
    public var declared: Double?
    public var satisfied: Int
    public var total: Int
    /// nil when there are no records (the rate is undefined, not 0 %).
    public var rate: Double?
    public var meetsDeclared: Bool?
    public var shortfalls: [Shortfall]

    public struct Shortfall: Sendable, Codable, Equatable {
        public var id: String
        public var name: String
        /// The fields the record lacks (display names where the rule gives them).
        public var missing: [String]
    }
}

/// What makes accountability impossible: task ids lacking a lead, owner or deadline.
public struct DataQuality: Sendable, Codable, Equatable {
    public var noLead: [String] = []
    public var noOwner: [String] = []
    /// No `due` at all.
    public var noDeadline: [String] = []
    /// A `due` that gives no fixed date (open-ended, ambiguous, unreadable).
    public var unreadableDeadline: [String] = []
    public var noStatus: [String] = []
    /// Done without a completion date (on-time cannot be judged).
    public var doneWithoutDate: [String] = []
    /// A deadline outside the plan period (absent from audits written before it existed).
    public var deadlineOutsidePeriod: [String]?
    /// Lead or participant names the registry does not know.
    public var unregisteredUnits: [String] = []

    public init() {}
}

public struct FindingCounts: Sendable, Codable, Equatable {
    public var error = 0
    public var warning = 0
    public var info = 0
    /// Datasets that could not be read.
    public var inputErrors = 0

    public init() {}
}

enum AuditMath {
    /// A percentage rounded to one decimal, so JSON and every format show the same figure.
    static func percent(_ part: Int, of whole: Int) -> Double? {
        whole == 0 ? nil : round1(Double(part) * 100 / Double(whole))
    }

    static func round1(_ value: Double) -> Double { (value * 10).rounded() / 10 }
    static func round2(_ value: Double) -> Double { (value * 100).rounded() / 100 }
}
