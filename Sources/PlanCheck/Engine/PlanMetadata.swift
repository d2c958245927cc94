/// The plan a dataset belongs to, when the configuration says it (`plan:`): its period and
/// issue date. A ledger (CSV) or a task file split from its plan carries neither, yet its
/// deadlines are judged against them; checkers fall back on this when the dataset has no
/// period of its own, as they fall back on `collections:` for the unit registry.
public struct PlanMetadata: Sendable, Equatable {
    /// The plan period (`period: {start, end}`).
    public var period: PlanDateInterval?
    /// The date the plan was issued (`issued:`): the year of `今年`, `年内`.
    public var issued: PlanDate?
    /// Where it was read from (`plan.yaml $.plan`, or the configuration), for messages.
    public var source: String

    public init(period: PlanDateInterval? = nil, issued: PlanDate? = nil, source: String) {
        self.period = period
        self.issued = issued
        self.source = source
    }

    /// Reads `{period: {start, end}, issued}` from a plan map (canonical field names, so a
    /// `mapping:` entry `plan` can rename the file's own).
    static func read(_ node: Node, source: String) -> PlanMetadata {
        PlanMetadata(period: node["period"].flatMap(FieldValues.interval),
                     issued: node["issued"].flatMap(FieldValues.day), source: source)
    }
}
