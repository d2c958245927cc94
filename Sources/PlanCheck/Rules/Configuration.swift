/// The project configuration, `.plancheck.yml`.
///
/// ```yaml
/// rules: [rules.yml]              # rule files, relative to this file
/// packs: [plan-basics]            # built-in packs (Rules/ in the repository)
/// datasets: [plan.yaml]           # files or folders checked when no PATH is given
/// asOf: 2011-12-31                # the as-of date (else --as-of, else today)
/// collections:                    # named collections for `reference`/`accountability`
///   units: {file: units.yaml, path: "$.units[*]"}
/// severity:                       # per-rule overrides; `off` disables
///   task-owner-required: warning
/// tables:                         # CSV/XLSX ledgers: sheet, header row, column mapping
///   - {file: ledger.xlsx, collection: tasks, headerRow: 2}   # see TableSource
/// ignore:                         # hidden findings, each with a reason (see IgnoreEntry)
///   - {rule: task-owner-required, records: [T7], reason: appointed in Q3}
/// plugins:                        # external checkers, run only when allowed (docs/plugins.md)
///   budget: {command: [plugins/budget_check.py], timeout: 10}
/// mapping:                        # the files' own field names and values → the canonical model
///   tasks: {fields: {牵头单位: lead}, values: {status: {in_progress: in-progress}}}   # see DatasetMapping
/// plan: {file: plan.yaml, path: $.plan}   # period and issue date for datasets without them (PlanSource)
/// ```
/// A `packs:` item may be `{pack: NAME, with: {rule-id: {option: value}}}` (see PackParameters).
public struct Configuration: Sendable {
    public static let fileName = ".plancheck.yml"
    public static let keys = ["rules", "packs", "datasets", "asOf", "collections", "severity", "tables", "ignore", "plugins", "mapping", "plan"]

    /// The config file, nil for a configuration made from command-line options only.
    public var file: String?
    public var ruleFiles: [String] = []
    public var packs: [String] = []
    public var datasets: [String] = []
    public var asOf: PlanDate?
    public var collections: [CollectionSource] = []
    /// Rule id (or `rule-id.code`) → new severity; nil means `off`.
    public var severityOverrides: [String: Severity?] = [:]
    /// How CSV/XLSX files become records (docs/excel-ledgers.md).
    public var tables: [TableSource] = []
    /// Findings hidden on purpose (`ignore:`), each with its reason.
    public var ignores: [IgnoreEntry] = []
    /// External checker programs by name (`checker: plugin:NAME`); declaring one allows nothing.
    public var plugins: [String: PluginSpec] = [:]
    /// Where each `packs:` entry is written (parallel to `packs`), for errors about a pack.
    public var packLocations: [SourceLocation] = []
    /// Where each `severity:` key is written, for errors about an overridden rule.
    public var severityLocations: [String: SourceLocation] = [:]
    /// Packs given parameters (`{pack, with}` items of `packs:`).
    public var packParameters: [PackParameters] = []
    /// How the datasets spell the canonical model (`mapping:`).
    public var mapping = DatasetMapping()
    /// Where the plan's period and issue date come from (`plan:`).
    public var plan: PlanSource?

    public init() {}

    public struct CollectionSource: Sendable {
        public var name: String
        public var file: String
        public var path: JSONPath
    }

    /// Looks for `.plancheck.yml` in `directory` and its ancestors.
    public static func find(from directory: String) -> String? {
        var current = FileSystem.normalize(directory.hasPrefix("/") ? directory : FileSystem.join(FileSystem.currentDirectory, directory))
        while true {
            let candidate = FileSystem.join(current, fileName)
            if FileSystem.exists(candidate) { return candidate }
            if current == "/" || current.isEmpty { return nil }
            current = FileSystem.directory(of: current)
        }
    }

    /// Reads a configuration; the first problem is thrown (see `loadReportingAll`).
    public static func load(path: String) throws(LoadError) -> Configuration {
        let (config, errors) = loadReportingAll(path: path)
        if let first = errors.first { throw first }
        return config
    }

    /// The most problems one configuration reports in a run; the rest are summarised.
    public static let errorLimit = 20

    /// Reads a configuration and collects every problem, each located at its key or value,
    /// so a file with several mistakes is fixed in one round (up to `errorLimit`).
    public static func loadReportingAll(path: String) -> (Configuration, [LoadError]) {
        var config = Configuration()
        config.file = path
        var errors: [LoadError] = []
        func attempt(_ body: () throws(LoadError) -> Void) {
            do { try body() } catch { errors.append(error) }
        }
        let document: Document
        do { document = try YAMLLoader.load(bytes: FileReader.read(path), file: path) } catch { return (config, [error]) }
        guard let root = document.root else { return (config, []) } // an empty config is allowed
        guard root.kind == .map else {
            return (config, [LoadError(at: root, "the configuration is a map with keys \(keys.joined(separator: ", "))")])
        }
        for key in root.keys where !keys.contains(key.string ?? "") {
            let name = key.string ?? ""
            let hint = Suggestions.closest(to: name, among: keys, limit: 1).first.map { " — did you mean `\($0)`?" } ?? ""
            errors.append(LoadError(at: key, "unknown key `\(name)` in configuration\(hint); allowed keys: \(keys.joined(separator: ", "))"))
        }
        let base = FileSystem.directory(of: path)
        attempt { () throws(LoadError) in config.ruleFiles = try strings(root, "rules").map { FileSystem.join(base, $0) } }
        attempt { () throws(LoadError) in
            (config.packs, config.packParameters) = try PackParameters.parseList(root["packs"])
            config.packLocations = (root["packs"].map { $0.kind == .list ? Array($0.items) : [$0] } ?? []).map(\.location)
        }
        attempt { () throws(LoadError) in config.datasets = try strings(root, "datasets").map { FileSystem.join(base, $0) } }
        if let asOf = root["asOf"] {
            attempt { () throws(LoadError) in
                guard let text = asOf.scalarText, let date = PlanDate(iso: text) else {
                    throw LoadError(at: asOf, "`asOf` must be a date written YYYY-MM-DD")
                }
                config.asOf = date
            }
        }
        if let collections = root["collections"] {
            if collections.kind != .map { errors.append(LoadError(at: collections, "`collections` maps names to {file, path}")) }
            for (name, spec) in collections.kind == .map ? collections.entries : [] {
                attempt { () throws(LoadError) in
                    guard spec.kind == .map else { throw LoadError(at: spec, "collection `\(name)` is a map with `file` and `path`") }
                    try RuleFileLoader.checkKeys(spec, allowed: ["file", "path"], what: "collection `\(name)`")
                    guard let file = spec["file"]?.string else { throw LoadError(at: spec, "collection `\(name)` needs `file`") }
                    let pathNode = spec["path"]
                    let path = try JSONPath.compile(pathNode?.string ?? "$[*]", at: pathNode ?? spec)
                    config.collections.append(CollectionSource(name: name, file: FileSystem.join(base, file), path: path))
                }
            }
        }
        if let tables = root["tables"] { attempt { () throws(LoadError) in config.tables = try TableSource.parseList(tables, base: base) } }
        if let severity = root["severity"] {
            if severity.kind != .map { errors.append(LoadError(at: severity, "`severity` maps rule ids to error, warning, info or off")) }
            for (rule, value) in severity.kind == .map ? severity.entries : [] {
                config.severityLocations[rule] = severity.keyNode(rule)?.location ?? value.location
                let word = value.scalarText ?? ""
                if word == "off" || value.bool == false {
                    config.severityOverrides[rule] = .some(nil)
                } else if let level = Severity(rawValue: word) {
                    config.severityOverrides[rule] = level
                } else {
                    errors.append(LoadError(at: value, "severity for `\(rule)` must be error, warning, info or off"))
                }
            }
        }
        attempt { () throws(LoadError) in config.ignores = try IgnoreEntry.parse(root["ignore"]) }
        attempt { () throws(LoadError) in config.plugins = try PluginSpec.parse(root["plugins"], base: base) }
        attempt { () throws(LoadError) in config.mapping = try DatasetMapping.parse(root["mapping"], base: base) }
        attempt { () throws(LoadError) in config.plan = try PlanSource.parse(root["plan"], base: base) }
        return (config, errors)
    }

    static func strings(_ map: Node, _ key: String) throws(LoadError) -> [String] {
        guard let value = map[key], !value.isNull else { return [] }
        if let single = value.string { return [single] }
        guard value.kind == .list else { throw LoadError(at: value, "`\(key)` must be a list of strings") }
        return try value.items.map { (item) throws(LoadError) -> String in
            guard let text = item.string else { throw LoadError(at: item, "`\(key)` must list strings") }
            return text
        }
    }
}
