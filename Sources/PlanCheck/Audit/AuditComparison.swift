/// What changed since a previous audit (`--compare PREVIOUS.json`): how a supervising office
/// follows up after a circulated report.
public struct AuditComparison: Sendable, Codable, Equatable {
    public var previousAsOf: String
    /// Overdue now, not overdue (or absent) then.
    public var newlyOverdue: [String]
    /// Done now, not done then.
    public var newlyCompleted: [String]
    /// Overdue then, not overdue now (done, or the task's deadline moved).
    public var noLongerOverdue: [String]
    /// Tasks in this audit and not in the previous one, and the reverse.
    public var addedTasks: [String]
    public var removedTasks: [String]
    public var indicatorsMoved: [IndicatorMove]
    /// Units whose overdue count (as lead) changed.
    public var unitsMoved: [UnitMove]
    public var overdueBefore: Int
    public var overdueNow: Int

    public struct IndicatorMove: Sendable, Codable, Equatable {
        public var id: String
        public var name: String
        public var previousActual: Double?
        public var actual: Double?
        public var previousStatus: String
        public var status: String
    }

    public struct UnitMove: Sendable, Codable, Equatable {
        public var name: String
        public var previousOverdue: Int
        public var overdue: Int
    }

    public var isEmpty: Bool {
        newlyOverdue.isEmpty && newlyCompleted.isEmpty && noLongerOverdue.isEmpty && addedTasks.isEmpty
            && removedTasks.isEmpty && indicatorsMoved.isEmpty && unitsMoved.isEmpty
    }

    /// Compares `current` with `previous`. Tasks, indicators and units are matched by id / name.
    public static func between(previous: AuditReport, current: AuditReport) -> AuditComparison {
        let before = Dictionary(previous.tasks.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let now = Dictionary(current.tasks.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        func isDone(_ t: TaskAudit?) -> Bool { t?.status == .doneOnTime || t?.status == .doneLate || t?.status == .doneDateUnknown }
        var result = AuditComparison(
            previousAsOf: previous.asOf, newlyOverdue: [], newlyCompleted: [], noLongerOverdue: [],
            addedTasks: [], removedTasks: [], indicatorsMoved: [], unitsMoved: [],
            overdueBefore: previous.totals.overdue, overdueNow: current.totals.overdue)
        for task in current.tasks {
            let old = before[task.id]
            if old == nil { result.addedTasks.append(task.id) }
            if task.status == .overdue, old?.status != .overdue { result.newlyOverdue.append(task.id) }
            if isDone(task), !isDone(old) { result.newlyCompleted.append(task.id) }
            if task.status != .overdue, old?.status == .overdue { result.noLongerOverdue.append(task.id) }
        }
        result.removedTasks = previous.tasks.map(\.id).filter { now[$0] == nil }
        let oldIndicators = Dictionary(previous.indicators.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for indicator in current.indicators {
            guard let old = oldIndicators[indicator.id] else { continue }
            if old.actual != indicator.actual || old.status != indicator.status {
                result.indicatorsMoved.append(IndicatorMove(
                    id: indicator.id, name: indicator.name, previousActual: old.actual, actual: indicator.actual,
                    previousStatus: old.status.rawValue, status: indicator.status.rawValue))
            }
        }
        let oldUnits = Dictionary(previous.units.map { ($0.name, $0.led.overdue) }, uniquingKeysWith: { a, _ in a })
        var names = Set<String>()
        for unit in current.units {
            names.insert(unit.name)
            let was = oldUnits[unit.name] ?? 0
            if was != unit.led.overdue {
                result.unitsMoved.append(UnitMove(name: unit.name, previousOverdue: was, overdue: unit.led.overdue))
            }
        }
        for unit in previous.units where !names.contains(unit.name) && unit.led.overdue > 0 {
            result.unitsMoved.append(UnitMove(name: unit.name, previousOverdue: unit.led.overdue, overdue: 0))
        }
        // Biggest increases first: the follow-up starts with who got worse.
        result.unitsMoved.sort {
            let a = $0.overdue - $0.previousOverdue, b = $1.overdue - $1.previousOverdue
            return a != b ? a > b : $0.name < $1.name
        }
        return result
    }
}
