/// A closed interval of days; for a deadline, `end` is the deadline itself.
public struct PlanDateInterval: Sendable, Hashable, CustomStringConvertible {
    public var start: PlanDate
    public var end: PlanDate

    public init(start: PlanDate, end: PlanDate) {
        self.start = start
        self.end = end
    }

    public func contains(_ date: PlanDate) -> Bool { start <= date && date <= end }
    public var description: String { "\(start)…\(end)" }
}

/// What a deadline written by people means.
public enum DeadlineParse: Sendable, Equatable {
    /// A fixed deadline: the interval the wording denotes (`2011年6月底` → 2011-06-01…2011-06-30).
    case interval(PlanDateInterval)
    /// Recurring or open-ended wording (`长期坚持`, `持续推进`, `每年`): no fixed deadline.
    case noFixedDeadline
    /// A year-less form whose year the plan period does not settle.
    case ambiguous(reason: String)
    /// Not a deadline PlanCheck can read.
    case unparseable
}

/// Parses deadlines as people write them.
///
/// NOTE: placeholder accepting ISO dates only; the full parser (Chinese forms, quarters,
/// five-year-plan periods, …) replaces this body.
public enum DeadlineParser {
    public static func parse(_ text: String, planPeriod: PlanDateInterval? = nil) -> DeadlineParse {
        guard let date = PlanDate(iso: text) else { return .unparseable }
        return .interval(PlanDateInterval(start: date, end: date))
    }
}
