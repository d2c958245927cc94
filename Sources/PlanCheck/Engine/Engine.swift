#if canImport(Glibc)
import Glibc
#endif
import Dispatch
import Synchronization

/// The result of checking a set of datasets.
public struct CheckResult: Sendable {
    /// Findings in report order.
    public var findings: [Finding]
    /// Datasets that could not be read (they are skipped; the others are still checked).
    public var errors: [LoadError]
    /// Every dataset file looked at, in order.
    public var files: [String]
    /// The checkers' judgements of the records (`Engine.collectsAssessments`), in report order:
    /// what `plancheck audit` aggregates. Rules switched `off` entirely do not run, so they
    /// assess nothing; a code switched off hides findings, not assessments.
    public var assessments: [Assessment] = []

    public var hasInputErrors: Bool { !errors.isEmpty }

    public func count(_ severity: Severity) -> Int { findings.reduce(0) { $0 + ($1.severity == severity ? 1 : 0) } }
}

/// Runs compiled rules over documents.
public struct Engine: Sendable {
    public let rules: [CompiledRule]
    public let asOf: PlanDate
    public let collections: [String: [Node]]
    public let severityOverrides: [String: Severity?]
    /// Worker threads; results do not depend on it.
    public var jobs: Int
    /// The configuration's `tables:` entries, for loading CSV/XLSX datasets.
    public var tables: [TableSource] = []
    /// The configuration's `mapping:`, applied to every dataset as it loads.
    public var mapping = DatasetMapping()
    /// The configuration's `plan:` (period, issue date) for datasets without their own.
    public var plan: PlanMetadata?
    /// Whether checkers report their assessments of the records (for the audit). Off for
    /// `check`: building them costs time and keeps the documents alive.
    public var collectsAssessments = false

    public init(rules: [CompiledRule], asOf: PlanDate, collections: [String: [Node]] = [:],
                severityOverrides: [String: Severity?] = [:], jobs: Int = 0) {
        self.rules = rules
        self.asOf = asOf
        self.collections = collections
        self.severityOverrides = severityOverrides
        self.jobs = jobs > 0 ? jobs : Engine.defaultJobs
    }

    static var defaultJobs: Int {
        #if canImport(Glibc)
        return max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
        #else
        return 2
        #endif
    }

    /// Rules whose severity override is not `off`.
    var activeRules: [CompiledRule] {
        rules.filter { rule in
            if case .some(.none) = severityOverrides[rule.id] { return false }
            return true
        }
    }

    /// Checks every document of `document`'s stream; findings in report order.
    public func check(document: Document) -> [Finding] { checkReportingErrors(document: document).findings }

    /// Findings, and the input errors of rules whose checker failed (an external plugin).
    func checkReportingErrors(document: Document) -> RuleOutput {
        let active = activeRules
        var work: [(root: Node, rule: CompiledRule)] = []
        for root in document.rootNodes {
            for rule in active { work.append((root, rule)) }
        }
        // Rules run side by side: their own lines add up to CPU time, this one is the wall time.
        let perRule = Timing.measure("all rules (wall)") { parallelMap(work, jobs: jobs) { item in
            Timing.measure("rule \(item.rule.id)") {
                // Each job walks its own view of the document (see `Document.view()`).
                let root = jobs > 1 ? Node(document: item.root.document.view(), index: item.root.index) : item.root
                return item.rule.run(root: root, context: CheckContext(asOf: asOf, root: root, collections: collections,
                                                                       plan: plan, assess: collectsAssessments))
            }
        } }
        // The loader's own findings (a plan document's `import.*` notes) take overrides like any rule's.
        let findings = Timing.measure("sort findings") { finalize(perRule.flatMap(\.findings) + document.loadFindings) }
        return RuleOutput(findings: findings, errors: perRule.flatMap(\.errors),
                          assessments: perRule.flatMap(\.assessments).sorted(by: Assessment.order))
    }

    /// Loads and checks `files`. A file that cannot be read becomes an error; the rest are checked.
    public func check(files: [String], limits: LoadLimits = .default) -> CheckResult {
        let outcomes = parallelMap(files, jobs: jobs) { file -> Result<RuleOutput, LoadError> in
            do throws(LoadError) {
                // A lone large file is parsed in parallel; several files already use the threads.
                let document = try Timing.measure("load \(file)") { () throws(LoadError) in
                    try DatasetLoader.load(path: file, limits: limits, parallelism: files.count == 1 ? jobs : 1,
                                           tables: tables, mapping: mapping)
                }
                guard !document.roots.isEmpty else {
                    return .failure(LoadError(file: file, line: 1, column: 1, message: "the file is empty: expected a YAML or JSON document"))
                }
                // Files are already checked in parallel; inside a file, rules run sequentially.
                var serial = self
                serial.jobs = files.count > 1 ? 1 : jobs
                return .success(serial.checkReportingErrors(document: document))
            } catch {
                return .failure(error)
            }
        }
        var findings: [Finding] = []
        var assessments: [Assessment] = []
        // Rules that cannot run (a plugin nobody allowed) say so once, not once per file.
        var errors: [LoadError] = activeRules.compactMap(\.setupError)
        for outcome in outcomes {
            switch outcome {
            case .success(let output):
                findings.append(contentsOf: output.findings)
                errors.append(contentsOf: output.errors)
                assessments.append(contentsOf: output.assessments)
            case .failure(let error): errors.append(error)
            }
        }
        // One file's findings are sorted already; files are merged in any order.
        if outcomes.count > 1 {
            findings.sort(by: Finding.reportOrder)
            assessments.sort(by: Assessment.order)
        }
        return CheckResult(findings: findings, errors: errors, files: files, assessments: assessments)
    }

    /// Applies severity overrides (`rule-id.code` first, then `rule-id`) and sorts.
    func finalize(_ findings: [Finding]) -> [Finding] {
        if severityOverrides.isEmpty { return findings.sorted(by: Finding.reportOrder) }
        var result: [Finding] = []
        result.reserveCapacity(findings.count)
        for var finding in findings {
            let base = finding.rule.split(separator: ".", maxSplits: 1).first.map(String.init) ?? finding.rule
            let override: Severity?? = severityOverrides.keys.contains(finding.rule) ? severityOverrides[finding.rule] : severityOverrides[base]
            if case .some(let level) = override {
                guard let level else { continue } // `off`
                finding.severity = level
            }
            result.append(finding)
        }
        result.sort(by: Finding.reportOrder)
        return result
    }
}

/// Maps `items` on up to `jobs` threads, keeping the input order in the output.
func parallelMap<T: Sendable, R: Sendable>(_ items: [T], jobs: Int, _ transform: @Sendable (T) -> R) -> [R] {
    if jobs <= 1 || items.count <= 1 { return items.map(transform) }
    let results = Locked<[Int: R]>([:])
    let next = Atomic<Int>(0)
    DispatchQueue.concurrentPerform(iterations: min(jobs, items.count)) { _ in
        while true {
            let index = next.add(1, ordering: .relaxed).oldValue
            if index >= items.count { break }
            let value = transform(items[index])
            results.withLock { $0[index] = value }
        }
    }
    return results.withLock { dict in (0..<items.count).map { dict[$0]! } }
}
