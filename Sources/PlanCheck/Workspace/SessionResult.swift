/// What a `CheckSession` found: one result covering every configuration's datasets.
public struct SessionResult: Sendable {
    /// Findings left to report (bookkeeping findings included), input errors, hidden counts.
    public var outcome: FindingFilter.Outcome
    /// The configurations that checked datasets, in the order their datasets were named.
    public var projects: [Project]
    /// Warnings about the run itself (a baseline naming no checked file), for standard error.
    public var notes: [String]

    public var result: CheckResult { outcome.result }

    /// Every rule that ran, once per id, at the severity its configuration gives it (the
    /// first configuration's, when two disagree: results carry their own level anyway).
    public var rules: [CompiledRule] {
        var seen = Set<String>()
        return projects.flatMap(\.effectiveRules).filter { seen.insert($0.id).inserted }
    }

    /// The checkers of the rules that ran in any configuration (the audit reports a section
    /// whose checker never ran as not assessed).
    public var checkers: Set<String> { Set(projects.flatMap { $0.engine.activeRules.map(\.checker) }) }

    /// The as-of date of the first configuration (each dataset was judged by its own).
    public var asOf: PlanDate { projects.first?.engine.asOf ?? PlanDate.today() }

    /// What report formats receive for this run.
    public func reportInput(failOn: Severity? = .error, color: Bool = false, linkBase: String? = nil) -> ReportInput {
        var input = ReportInput(result: result, rules: rules, asOf: asOf, color: color)
        input.failOn = failOn
        input.hidden = HiddenCounts(suppressed: outcome.suppressed, baselined: outcome.baselined)
        input.linkBase = linkBase
        return input
    }
}
