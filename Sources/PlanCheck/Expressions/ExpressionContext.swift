/// What an expression sees besides the record: the run's as-of date, the document root, the
/// named collections (the unit registry, …) and extra variables set by the engine.
public struct ExpressionContext: Sendable {
    public var asOf: PlanDate
    public var root: Node?
    public var collections: [String: [Node]] {
        didSet { collectionsValue = Self.value(of: collections) }
    }
    public var variables: [String: ExpressionValue]

    /// `collections` as a map value, built once per context rather than once per record.
    private(set) var collectionsValue: ExpressionValue

    public init(asOf: PlanDate, root: Node? = nil, collections: [String: [Node]] = [:],
                variables: [String: ExpressionValue] = [:]) {
        self.asOf = asOf
        self.root = root
        self.collections = collections
        self.variables = variables
        self.collectionsValue = Self.value(of: collections)
    }

    private static func value(of collections: [String: [Node]]) -> ExpressionValue {
        var map = ExpressionMap()
        for name in collections.keys.sorted() {
            try? map.insert(.string(name), .list(collections[name]!.map(ExpressionValue.init(node:))))
        }
        return .map(map)
    }

    /// The plan period (`plan.period` in the root), which settles year-less deadlines.
    var planPeriod: PlanDateInterval? {
        guard let period = root?["plan"]?["period"],
              let start = period["start"]?.scalarText.flatMap(PlanDate.init(iso:)),
              let end = period["end"]?.scalarText.flatMap(PlanDate.init(iso:)) else { return nil }
        return PlanDateInterval(start: start, end: end)
    }
}
