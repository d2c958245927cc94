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

    /// What applying a baseline to a run's findings gives.
    public struct Application: Sendable {
        /// The findings no entry covers (new problems).
        public var kept: [Finding]
        /// How many findings entries hid.
        public var hidden: Int
        /// Entries of checked files that no finding matched (fixed problems), as `info`
        /// findings located in the baseline file so they can be deleted.
        public var stale: [Finding]
        /// Indices of the entries that still match a finding (hidden or suppressed) or name a
        /// file this run did not check: what `baseline --prune` keeps.
        public var stillValid: [Int]
        /// True when entries exist but none names a file this run checked: the paths are
        /// probably relative to another folder (no git checkout, a moved baseline).
        public var matchesNoCheckedFile: Bool
    }

    /// Splits `findings` into those the baseline does not cover and those it hides.
    ///
    /// - Parameters:
    ///   - checkedFiles: the run's datasets; entries of other files are neither used nor stale
    ///     (checking one file must not call the rest of the baseline fixed). Nil: every file.
    ///   - suppressed: findings hidden by `ignore:` or inline comments; an entry they match
    ///     still describes a real problem, so it is not "no longer occurs".
    public func apply(to findings: [Finding], repositoryRoot: String?, checkedFiles: [String]? = nil,
                      suppressed: [Finding] = []) -> Application {
        var remaining: [Key: [Int]] = [:]
        for (i, entry) in entries.enumerated() { remaining[entry.key, default: []].append(i) }
        var used = Set<Int>()
        func take(_ finding: Finding) -> Bool {
            let key = Self.entry(for: finding, repositoryRoot: repositoryRoot).key
            guard var slots = remaining[key], !slots.isEmpty else { return false }
            used.insert(slots.removeFirst())
            remaining[key] = slots
            return true
        }
        var kept: [Finding] = []
        var hidden = 0
        for finding in findings {
            if take(finding) { hidden += 1 } else { kept.append(finding) }
        }
        for finding in suppressed { _ = take(finding) }
        let checked = checkedFiles.map { Set($0.map { RepositoryPaths.relative($0, to: repositoryRoot) }) }
        var stillValid: [Int] = []
        var stale: [Finding] = []
        var namesCheckedFile = false
        for (i, entry) in entries.enumerated() {
            let isChecked = checked?.contains(entry.file) ?? true
            if isChecked { namesCheckedFile = true }
            if used.contains(i) || !isChecked {
                stillValid.append(i)
                continue
            }
            stale.append(staleFinding(i))
        }
        return Application(kept: kept, hidden: hidden, stale: stale, stillValid: stillValid,
                           matchesNoCheckedFile: !entries.isEmpty && !namesCheckedFile)
    }

    /// The baseline without the entries `application` found fixed (`baseline --prune`):
    /// nothing is added, so a new finding keeps failing.
    public func pruned(by application: Application) -> Baseline {
        var copy = Baseline(entries: application.stillValid.map { entries[$0] })
        copy.file = file
        return copy
    }

    func staleFinding(_ i: Int) -> Finding {
        let entry = entries[i]
        let location = i < locations.count ? locations[i] : SourceLocation(file: file ?? "<baseline>", line: 0, column: 0)
        // Messages usually begin with the record key already (`T05: …`); say it once.
        let problem = entry.message.hasPrefix(entry.record + ":") || entry.message.hasPrefix(entry.record + " ")
            || entry.record.isEmpty ? entry.message : "\(entry.record): \(entry.message)"
        return Finding(rule: ToolRules.staleBaselineEntry, checker: ToolRules.checker, severity: .info,
                       message: "baseline entry no longer occurs: \(entry.file): [\(entry.rule)] \(problem) — remove it with `plancheck baseline --prune` and the same PATHs as this run",
                       file: location.file, line: location.line, column: location.column,
                       path: "$.entries[\(i)]", record: entry.record)
    }
}
