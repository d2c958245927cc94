/// Everything a run needs, assembled from the configuration and command-line options: rule sets,
/// collections and the as-of date.
public struct Project: Sendable {
    public var configuration: Configuration
    public var ruleSets: [RuleSet]
    public var engine: Engine

    /// The names of the built-in packs.
    public static var packNames: [String] { BuiltInPacks.sources.keys.sorted() }

    /// Loads a built-in pack by name.
    /// - Parameter parameters: settings replacing some of the pack's (`{pack, with}` in `packs:`).
    public static func pack(named name: String, registry: CheckerRegistry = .builtIn,
                            parameters: PackParameters? = nil) throws(LoadError) -> RuleSet {
        guard let source = BuiltInPacks.sources[name] else {
            let hint = Suggestions.closest(to: name, among: packNames, limit: 1).first.map { " — did you mean `\($0)`?" } ?? ""
            throw LoadError(file: "<packs>", line: 0, column: 0,
                            message: "unknown rule pack `\(name)`\(hint); built-in packs: \(packNames.joined(separator: ", "))")
        }
        let set = try RuleFileLoader(registry: registry).load(bytes: Array(source.utf8), file: "Rules/\(name).yml",
                                                              overrides: parameters?.overrides ?? [:])
        try parameters?.checkRules(of: set)
        return set
    }

    /// - Parameters:
    ///   - extraRuleFiles: `--rules` files, added to the configuration's.
    ///   - asOf: `--as-of`, which wins over the configuration's date; today when neither is set.
    ///   - pluginPermissions: the external programs the user allowed (none by default).
    public init(configuration: Configuration, extraRuleFiles: [String] = [], asOf: PlanDate? = nil,
                registry: CheckerRegistry = .builtIn, jobs: Int = 0,
                pluginPermissions: PluginPermissions = .none) throws(LoadError) {
        self.configuration = configuration
        let loader = RuleFileLoader(registry: registry,
                                    plugins: PluginCatalog(plugins: configuration.plugins, permissions: pluginPermissions))
        var sets: [RuleSet] = []
        for pack in configuration.packs {
            let parameters = configuration.packParameters.first { $0.pack == pack }
            sets.append(try Self.pack(named: pack, registry: registry, parameters: parameters))
        }
        for file in configuration.ruleFiles + extraRuleFiles { sets.append(try loader.load(path: file)) }
        if sets.isEmpty {
            throw LoadError(file: configuration.file ?? "<command line>", line: 0, column: 0,
                            message: "no rules: name rule files with --rules or in .plancheck.yml (`rules:` or `packs:`)")
        }
        var seen: [String: CompiledRule] = [:]
        for set in sets {
            for rule in set.rules {
                if let other = seen[rule.id] {
                    throw LoadError(file: rule.location.file, line: rule.location.line, column: rule.location.column,
                                    message: "rule id `\(rule.id)` is also defined at \(other.location); rule ids must be unique across rule files")
                }
                seen[rule.id] = rule
            }
        }
        for (id, _) in configuration.severityOverrides {
            let base = id.split(separator: ".", maxSplits: 1).first.map(String.init) ?? id
            if seen[base] == nil {
                let hint = Suggestions.closest(to: id, among: Array(seen.keys), limit: 1).first.map { " — did you mean `\($0)`?" } ?? ""
                throw LoadError(file: configuration.file ?? "<config>", line: 0, column: 0,
                                message: "`severity` names rule `\(id)`, which no active rule file defines\(hint)")
            }
        }
        var collections: [String: [Node]] = [:]
        for source in configuration.collections {
            let document = try DatasetLoader.load(path: source.file, tables: configuration.tables, mapping: configuration.mapping)
            collections[source.name] = document.rootNodes.flatMap { source.path.select($0) }
        }
        self.ruleSets = sets
        self.engine = Engine(rules: sets.flatMap(\.rules), asOf: asOf ?? configuration.asOf ?? PlanDate.today(),
                             collections: collections, severityOverrides: configuration.severityOverrides, jobs: jobs)
        engine.tables = configuration.tables
        engine.mapping = configuration.mapping
        engine.plan = try configuration.plan?.resolve(collections: collections, tables: configuration.tables, mapping: configuration.mapping)
    }

    /// The dataset files to check: `paths` (files, or folders walked recursively) or else the
    /// configuration's datasets. Rule files and collection files named by the configuration are
    /// not datasets unless listed explicitly.
    public func datasetFiles(paths: [String]) -> [String] {
        let roots = paths.isEmpty ? configuration.datasets : paths
        let ruleFiles = Set((configuration.ruleFiles + ruleSets.map(\.file)).map(FileSystem.normalize))
        var result: [String] = []
        var seen = Set<String>()
        for root in roots {
            let explicit = !FileSystem.isDirectory(root)
            for file in FileSystem.files(under: root, extensions: DatasetLoader.extensions) {
                let normalized = FileSystem.normalize(file)
                if !explicit, ruleFiles.contains(normalized) { continue }
                if seen.insert(normalized).inserted { result.append(normalized) }
            }
        }
        return result
    }
}
