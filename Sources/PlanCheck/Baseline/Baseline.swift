/// Accepted legacy findings: `plancheck baseline` writes them, `check --baseline` hides them.
///
/// An entry is keyed by the repository-relative file, the rule id, the record key and
/// `Finding.stableFingerprint` — never by line or column — so moving records, reordering the
/// file or checking the repository out elsewhere keeps entries valid. Entries form a multiset:
/// two identical findings need two entries. The file is JSON, sorted, one entry per finding, so
/// its diff in review shows exactly what was accepted or fixed.
public struct Baseline: Sendable {
    public static let version = 1

    public struct Entry: Sendable, Hashable {
        /// Repository-relative path of the dataset.
        public var file: String
        public var rule: String
        public var record: String
        public var fingerprint: String
        /// For the human reading the baseline; not part of the key.
        public var message: String

        var key: Key { Key(file: file, rule: rule, record: record, fingerprint: fingerprint) }
    }

    struct Key: Hashable {
        var file: String, rule: String, record: String, fingerprint: String
    }

    public var entries: [Entry]
    /// Where each entry sits in the baseline file (for reporting stale ones); parallel to
    /// `entries`, empty for a baseline built in memory.
    public var locations: [SourceLocation] = []
    /// The baseline file (nil when built in memory).
    public var file: String?

    public init(entries: [Entry]) {
        self.entries = entries
    }

    /// The baseline accepting `findings`. Paths are made relative to `repositoryRoot`.
    public init(findings: [Finding], repositoryRoot: String?) {
        entries = findings.map { Self.entry(for: $0, repositoryRoot: repositoryRoot) }
        entries.sort { ($0.file, $0.rule, $0.record, $0.fingerprint, $0.message) < ($1.file, $1.rule, $1.record, $1.fingerprint, $1.message) }
    }

    static func entry(for finding: Finding, repositoryRoot: String?) -> Entry {
        Entry(file: RepositoryPaths.relative(finding.file, to: repositoryRoot), rule: finding.rule,
              record: finding.stableRecord, fingerprint: finding.stableFingerprint, message: finding.message)
    }

    /// The baseline file's text.
    public func text() -> String {
        let list = entries.map { e -> JSONValue in
            .object([("file", .string(e.file)), ("rule", .string(e.rule)), ("record", .string(e.record)),
                     ("fingerprint", .string(e.fingerprint)), ("message", .string(e.message))])
        }
        let document: JSONValue = .object([
            ("version", .int(Self.version)),
            ("tool", .string("plancheck")),
            ("entries", .array(list)),
        ])
        return document.text() + "\n"
    }

    /// Reads a baseline file; every error is located in it.
    public static func load(path: String) throws(LoadError) -> Baseline {
        let document = try YAMLLoader.load(bytes: FileReader.read(path), file: path)
        guard let root = document.root, root.kind == .map else {
            throw LoadError(file: path, line: 1, column: 1, message: "a baseline is a JSON object with `version` and `entries` (write one with `plancheck baseline`)")
        }
        guard root["version"]?.integer == Int64(version) else {
            throw LoadError(at: root["version"] ?? root, "unsupported baseline version; this PlanCheck reads version \(version)")
        }
        guard let list = root["entries"], list.kind == .list else {
            throw LoadError(at: root, "the baseline has no `entries` list")
        }
        var baseline = Baseline(entries: [])
        baseline.file = path
        for item in list.items {
            func field(_ name: String) throws(LoadError) -> String {
                guard let text = item[name]?.string else { throw LoadError(at: item, "baseline entry without `\(name)`") }
                return text
            }
            baseline.entries.append(Entry(file: try field("file"), rule: try field("rule"), record: try field("record"),
                                          fingerprint: try field("fingerprint"), message: item["message"]?.string ?? ""))
            baseline.locations.append(item.location)
        }
        return baseline
    }

    /// Splits `findings` into those the baseline does not cover and the number hidden, and
    /// lists the entries no finding matched (fixed problems), as `info` findings located in the
    /// baseline file so they can be deleted.
    public func apply(to findings: [Finding], repositoryRoot: String?) -> (kept: [Finding], hidden: Int, stale: [Finding]) {
        var remaining: [Key: [Int]] = [:]
        for (i, entry) in entries.enumerated() { remaining[entry.key, default: []].append(i) }
        var kept: [Finding] = []
        var hidden = 0
        for finding in findings {
            let key = Self.entry(for: finding, repositoryRoot: repositoryRoot).key
            if var slots = remaining[key], !slots.isEmpty {
                slots.removeFirst()
                remaining[key] = slots
                hidden += 1
            } else {
                kept.append(finding)
            }
        }
        let unused = remaining.values.flatMap { $0 }.sorted()
        let stale = unused.map { i -> Finding in
            let entry = entries[i]
            let location = i < locations.count ? locations[i] : SourceLocation(file: file ?? "<baseline>", line: 0, column: 0)
            return Finding(rule: ToolRules.staleBaselineEntry, checker: ToolRules.checker, severity: .info,
                           message: "baseline entry no longer occurs: \(entry.file): [\(entry.rule)] \(entry.record): \(entry.message) — remove it or rerun `plancheck baseline`",
                           file: location.file, line: location.line, column: location.column,
                           path: "$.entries[\(i)]", record: entry.record)
        }
        return (kept, hidden, stale)
    }
}
