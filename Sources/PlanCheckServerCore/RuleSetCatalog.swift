import PlanCheck

/// The operator's rule sets, each loaded once at start-up (rule files compiled, collections such
/// as the unit registry read) and shared read-only by every request.
public struct RuleSetCatalog: Sendable {
    public struct Entry: Sendable {
        public var name: String
        public var label: ServerConfiguration.Label
        /// Loaded like `plancheck check --config FILE` would; its engine's as-of date is replaced per request.
        public var project: Project
        /// The configuration's own `asOf`, the default when a request gives none.
        public var asOf: PlanDate? { project.configuration.asOf }
    }

    public let entries: [Entry]
    public let defaultName: String

    public init(entries: [Entry], defaultName: String) {
        self.entries = entries
        self.defaultName = defaultName
    }

    /// Loads every rule set of `configuration`; the first problem stops the server from starting.
    public static func load(_ configuration: ServerConfiguration) throws(LoadError) -> RuleSetCatalog {
        var entries: [Entry] = []
        for ruleSet in configuration.ruleSets {
            let config = try Configuration.load(path: ruleSet.config)
            // The server never runs external programs: a rule set that needs one cannot be served.
            if !config.plugins.isEmpty {
                throw LoadError(file: ruleSet.config, line: 0, column: 0,
                                message: "rule set `\(ruleSet.name)` declares plugins (\(config.plugins.keys.sorted().joined(separator: ", "))); plancheck-server never runs external checkers")
            }
            let project = try Project(configuration: config)
            try FindingFilter.validate(ignores: config.ignores, ruleIDs: project.engine.rules.map(\.id))
            entries.append(Entry(name: ruleSet.name, label: ruleSet.label, project: project))
        }
        return RuleSetCatalog(entries: entries, defaultName: configuration.defaultRuleSet)
    }

    public func entry(named name: String?) -> Entry? {
        let wanted = name ?? defaultName
        return entries.first { $0.name == wanted }
    }
}
