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
    /// - Throws: the first problem; `assemble` reports them all.
    public init(configuration: Configuration, extraRuleFiles: [String] = [], asOf: PlanDate? = nil,
                registry: CheckerRegistry = .builtIn, jobs: Int = 0,
                pluginPermissions: PluginPermissions = .none) throws(LoadError) {
        var errors: [LoadError] = []
        let project = Self.assemble(configuration: configuration, extraRuleFiles: extraRuleFiles, asOf: asOf,
                                    registry: registry, jobs: jobs, pluginPermissions: pluginPermissions, errors: &errors)
        guard let project else { throw errors[0] }
        self = project
    }

    init(configuration: Configuration, ruleSets: [RuleSet], engine: Engine) {
        self.configuration = configuration
        self.ruleSets = ruleSets
        self.engine = engine
    }

    /// Builds the project, appending every problem to `errors` (each located in the
    /// configuration or rule file it comes from); nil when there was any, so a half-understood
    /// configuration never judges data.
    public static func assemble(configuration: Configuration, extraRuleFiles: [String] = [], asOf: PlanDate? = nil,
                                registry: CheckerRegistry = .builtIn, jobs: Int = 0,
                                pluginPermissions: PluginPermissions = .none, errors: inout [LoadError]) -> Project? {
        let before = errors.count
        let configFile = configuration.file ?? "<command line>"
        let loader = RuleFileLoader(registry: registry,
                                    plugins: PluginCatalog(plugins: configuration.plugins, permissions: pluginPermissions))
        var sets: [RuleSet] = []
        for (i, pack) in configuration.packs.enumerated() {
            let parameters = configuration.packParameters.first { $0.pack == pack }
            do { sets.append(try Self.pack(named: pack, registry: registry, parameters: parameters)) } catch {
                // Point an unknown pack at its `packs:` entry, not at a pseudo-file; errors in
                // its parameters are already located in the configuration.
                guard error.file == "<packs>" else { errors.append(error); continue }
                let at = i < configuration.packLocations.count ? configuration.packLocations[i]
                    : SourceLocation(file: configFile, line: 1, column: 1)
                errors.append(LoadError(file: at.file, line: at.line, column: at.column, message: error.message))
            }
        }
        for file in configuration.ruleFiles + extraRuleFiles {
            let (set, problems) = loader.loadReportingAll(path: file)
            if let set { sets.append(set) }
            errors += problems
        }
        if sets.isEmpty && errors.count == before {
            errors.append(LoadError(file: configFile, line: 1, column: 1,
                                    message: "no rules: the configuration names no rule files (`rules:`) and no built-in packs (`packs:`); add them, or give --rules FILE"))
        }
        var seen: [String: CompiledRule] = [:]
        for set in sets {
            for rule in set.rules {
                if let other = seen[rule.id] {
                    errors.append(LoadError(file: rule.location.file, line: rule.location.line, column: rule.location.column,
                                            message: "rule id `\(rule.id)` is also defined at \(other.location); rule ids must be unique across rule files"))
                    continue
                }
                seen[rule.id] = rule
            }
        }
        if !sets.isEmpty {
            for id in configuration.severityOverrides.keys.sorted() {
                let base = id.split(separator: ".", maxSplits: 1).first.map(String.init) ?? id
                if seen[base] == nil && !ImportRules.contains(id) {
                    let hint = Suggestions.closest(to: id, among: Array(seen.keys), limit: 1).first.map { " — did you mean `\($0)`?" } ?? ""
                    let at = configuration.severityLocations[id] ?? SourceLocation(file: configFile, line: 1, column: 1)
                    errors.append(LoadError(file: at.file, line: at.line, column: at.column,
                                            message: "`severity` names rule `\(id)`, which no active rule file defines\(hint)"))
                }
            }
        }
        var collections: [String: [Node]] = [:]
        for source in configuration.collections {
            do {
                let document = try DatasetLoader.load(path: source.file, tables: configuration.tables, mapping: configuration.mapping)
                collections[source.name] = document.rootNodes.flatMap { source.path.select($0) }
            } catch {
                errors.append(error)
            }
        }
        guard errors.count == before else { return nil }
        var engine = Engine(rules: sets.flatMap(\.rules), asOf: asOf ?? configuration.asOf ?? PlanDate.today(),
                            collections: collections, severityOverrides: configuration.severityOverrides, jobs: jobs)
        engine.tables = configuration.tables
        engine.mapping = configuration.mapping
        do {
            engine.plan = try configuration.plan?.resolve(collections: collections, tables: configuration.tables, mapping: configuration.mapping)
        } catch {
            errors.append(error)
            return nil
        }
        return Project(configuration: configuration, ruleSets: sets, engine: engine)
    }

    /// Every rule that runs, with its severity as the configuration sets it (`severity:`
    /// overrides applied; rules turned `off` left out): what SARIF's rule metadata must say.
    public var effectiveRules: [CompiledRule] {
        engine.rules.compactMap { rule in
            switch configuration.severityOverrides[rule.id] {
            case .some(.none): return nil
            case .some(.some(let level)): return rule.withSeverity(level)
            case .none: return rule
            }
        }
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

extension CompiledRule {
    /// The same rule reporting at `level` (a configuration's `severity:` override).
    func withSeverity(_ level: Severity) -> CompiledRule {
        var copy = self
        copy.header.severity = level
        return copy
    }
}
