/// What happens to findings between the engine and the reports: config `ignore:` entries and
/// inline `# plancheck: disable=` comments hide findings on purpose, then a baseline hides
/// accepted legacy findings. Bookkeeping problems become findings of PlanCheck's own rules, so
/// every report format shows them without special cases:
///
/// - a baseline entry that no longer occurs: `plancheck.stale-baseline-entry`, **info**, located
///   in the baseline file (so it never fails a build unless `--fail-on info`);
/// - with `reportUnusedSuppressions`: a suppression that hid nothing,
///   `plancheck.unused-suppression`, **warning**, located at the comment or `ignore:` entry;
/// - a malformed inline suppression (no reason, no rule): an input error (exit code 2).
public struct FindingFilter: Sendable {
    public var ignores: [IgnoreEntry]
    public var baseline: Baseline?
    public var reportUnusedSuppressions: Bool
    /// Baseline paths are relative to it.
    public var repositoryRoot: String?

    public init(ignores: [IgnoreEntry] = [], baseline: Baseline? = nil, reportUnusedSuppressions: Bool = false,
                repositoryRoot: String? = nil) {
        self.ignores = ignores
        self.baseline = baseline
        self.reportUnusedSuppressions = reportUnusedSuppressions
        self.repositoryRoot = repositoryRoot
    }

    /// An `ignore:` entry must name an active rule: a typo would otherwise hide nothing, silently.
    public static func validate(ignores: [IgnoreEntry], ruleIDs: some Collection<String>) throws(LoadError) {
        let known = Set(ruleIDs)
        for entry in ignores {
            let base = entry.rule.split(separator: ".", maxSplits: 1).first.map(String.init) ?? entry.rule
            if !known.contains(base) {
                let hint = Suggestions.closest(to: entry.rule, among: Array(known), limit: 1).first.map { " — did you mean `\($0)`?" } ?? ""
                throw LoadError(file: entry.location.file, line: entry.location.line, column: entry.location.column,
                                message: "`ignore` names rule `\(entry.rule)`, which no active rule file defines\(hint)")
            }
        }
    }

    public struct Outcome: Sendable {
        /// The findings left to report (with bookkeeping findings added) and input errors.
        public var result: CheckResult
        /// Hidden by inline comments or `ignore:` entries.
        public var suppressed = 0
        /// Hidden by the baseline.
        public var baselined = 0
        /// Baseline entries that no longer occur.
        public var staleBaselineEntries = 0
        /// Suppressions that hid nothing (counted even when not reported).
        public var unusedSuppressions = 0
        /// The findings inline comments and `ignore:` entries hid (a baseline entry matching
        /// one still describes a real problem).
        public var suppressedFindings: [Finding] = []
        /// What the baseline did, when there was one (`baseline --prune` keeps `stillValid`).
        public var baselineApplication: Baseline.Application?
    }

    public func apply(_ input: CheckResult) -> Outcome {
        var result = input
        // Inline comments: scan the files with findings; every file when unused ones are wanted.
        let filesToScan = reportUnusedSuppressions ? input.files : uniqueFiles(input.findings)
        var inline: [InlineSuppression] = []
        for file in filesToScan {
            let scanned = InlineSuppressions.scan(file: file)
            inline += scanned.suppressions
            result.errors += scanned.errors
        }
        var inlineByLine: [String: [Int: [Int]]] = [:]
        for (i, s) in inline.enumerated() { inlineByLine[s.file, default: [:]][s.appliesTo, default: []].append(i) }
        var usedInline = Set<[Int]>()  // [suppression index, rule index]
        var usedIgnores = Set<Int>()
        var ignoredPaths = IgnoredPaths(entries: ignores)

        var kept: [Finding] = []
        var outcome = Outcome(result: result)
        for finding in input.findings {
            if let hit = inlineMatch(finding, inline, inlineByLine) {
                usedInline.insert(hit)
                outcome.suppressedFindings.append(finding)
                continue
            }
            if let hit = ignores.indices.first(where: { ignoredPaths.matches(entry: $0, finding) }) {
                usedIgnores.insert(hit)
                outcome.suppressedFindings.append(finding)
                continue
            }
            kept.append(finding)
        }

        outcome.suppressed = outcome.suppressedFindings.count
        var extra: [Finding] = []
        if let baseline {
            extra += Self.apply(baseline, to: &kept, files: input.files, outcome: &outcome, repositoryRoot: repositoryRoot)
        }

        var unused: [Finding] = []
        for (i, s) in inline.enumerated() {
            for (r, rule) in s.rules.enumerated() where !usedInline.contains([i, r]) {
                unused.append(Finding(rule: ToolRules.unusedSuppression, checker: ToolRules.checker, severity: .warning,
                                      message: "the suppression of `\(rule)` hid no finding; remove it",
                                      file: s.file, line: s.line, column: s.column, path: "", record: rule))
            }
        }
        for (i, entry) in ignores.enumerated() where !usedIgnores.contains(i) {
            unused.append(Finding(rule: ToolRules.unusedSuppression, checker: ToolRules.checker, severity: .warning,
                                  message: "the `ignore` entry for `\(entry.rule)` hid no finding; remove it",
                                  file: entry.location.file, line: entry.location.line, column: entry.location.column,
                                  path: "", record: entry.rule))
        }
        outcome.unusedSuppressions = unused.count
        if reportUnusedSuppressions { extra += unused }

        kept += extra
        kept.sort(by: Finding.reportOrder)
        result.findings = kept
        result.errors.sort { ($0.file, $0.line, $0.column) < ($1.file, $1.line, $1.column) }
        outcome.result = result
        return outcome
    }

    /// Hides the findings `baseline` accepts from `kept`, records what it did in `outcome`, and
    /// returns the stale-entry findings to report.
    public static func apply(_ baseline: Baseline, to kept: inout [Finding], files: [String], outcome: inout Outcome,
                             repositoryRoot: String?) -> [Finding] {
        let applied = baseline.apply(to: kept, repositoryRoot: repositoryRoot, checkedFiles: files,
                                     suppressed: outcome.suppressedFindings)
        kept = applied.kept
        outcome.baselined = applied.hidden
        outcome.staleBaselineEntries = applied.stale.count
        outcome.baselineApplication = applied
        return applied.stale
    }

    func uniqueFiles(_ findings: [Finding]) -> [String] {
        var seen = Set<String>()
        return findings.compactMap { seen.insert($0.file).inserted ? $0.file : nil }
    }

    /// The first inline suppression (and which of its rules) covering `finding`.
    func inlineMatch(_ finding: Finding, _ inline: [InlineSuppression], _ byLine: [String: [Int: [Int]]]) -> [Int]? {
        guard let lines = byLine[finding.file] else { return nil }
        for line in [finding.recordLine, finding.line].compactMap({ $0 }) {
            for i in lines[line] ?? [] {
                if let r = inline[i].rules.firstIndex(where: { finding.rule == $0 || finding.rule.hasPrefix($0 + ".") }) {
                    return [i, r]
                }
            }
        }
        return nil
    }
}

/// Resolves `ignore:` paths lazily: a dataset is reloaded only when a finding of an ignored
/// rule sits in it, and each (entry, file) selection is computed once.
struct IgnoredPaths {
    let entries: [IgnoreEntry]
    var selected: [String: [Int: Set<String>]] = [:]

    init(entries: [IgnoreEntry]) { self.entries = entries }

    mutating func matches(entry index: Int, _ finding: Finding) -> Bool {
        let entry = entries[index]
        guard entry.covers(rule: finding.rule) else { return false }
        if entry.records.contains(finding.record) { return true }
        guard !entry.paths.isEmpty else { return false }
        if selected[finding.file]?[index] == nil {
            var paths = Set<String>()
            if let document = try? DatasetLoader.load(path: finding.file) {
                for root in document.rootNodes {
                    for path in entry.paths { for node in path.select(root) { paths.insert(node.normalizedPath) } }
                }
            }
            selected[finding.file, default: [:]][index] = paths
        }
        let paths = selected[finding.file]?[index] ?? []
        // The selected node itself, or anything inside it (a field of a selected record).
        var prefix = finding.path
        while true {
            if paths.contains(prefix) { return true }
            guard let cut = prefix.lastIndex(of: "["), cut > prefix.startIndex else { return false }
            prefix = String(prefix[..<cut])
        }
    }
}
