/// One `plancheck check` (or `baseline`) run over a repository: which configuration governs
/// each dataset, checking each group of datasets with its own configuration, suppressions,
/// the baseline, and one combined result. The CLI and the web server both call it.
///
/// - With `configFile` (`--config`), that configuration applies to every dataset (PATHs, or its
///   `datasets:` when no PATH is given).
/// - Otherwise each dataset is governed by the nearest `.plancheck.yml` above it
///   (`ConfigurationLookup`): `plancheck check .` at a repository root checks every plan folder
///   by its own as-of date, rules, packs, severity overrides, ignores, tables and collections.
///   A folder walk checks a configuration's `datasets:` when it lists them (else every data
///   file), never its rule files or collection files; a file named explicitly is always checked.
/// - Nothing given aborts the run: a missing PATH, a configuration or rule-file error, an
///   unreadable baseline become input errors in the result, and every other dataset is checked.
public struct CheckSession: Sendable {
    public struct Options: Sendable {
        /// Dataset files or folders; empty: the configuration's `datasets:`.
        public var paths: [String] = []
        /// `--config`: one configuration for every dataset.
        public var configFile: String?
        /// `--rules`: rule files added to every configuration's.
        public var extraRuleFiles: [String] = []
        /// `--as-of`, which wins over every configuration's date.
        public var asOf: PlanDate?
        public var jobs: Int = 0
        /// `--allow-plugin` programs (see `PluginPermissions.standard`).
        public var allowedPlugins: [String] = []
        /// `--baseline`.
        public var baselineFile: String?
        public var reportUnusedSuppressions = false
        public var limits: LoadLimits = .default
        /// Whether checkers report their assessments (`plancheck audit` is built from them).
        public var collectsAssessments = false
        /// Packs that check datasets no configuration governs when no `--rules` are given
        /// (the audit's built-in packs); nil makes such datasets an input error, as in `check`.
        public var packsWhenUnconfigured: [String]?

        public init(paths: [String] = [], configFile: String? = nil) {
            self.paths = paths
            self.configFile = configFile
        }
    }

    public var options: Options

    public init(options: Options) { self.options = options }

    /// Datasets governed by one configuration (nil: none found, only `--rules`).
    struct Group {
        var configuration: String?
        /// Files named on the command line (always checked).
        var explicit: [String] = []
        /// Files found by walking a folder (filtered by the configuration).
        var walked: [String] = []
    }

    public func run() -> SessionResult {
        var errors: [LoadError] = []
        var notes: [String] = []
        var projects: [Project] = []
        var combined = CheckResult(findings: [], errors: [], files: [])
        var suppressedFindings: [Finding] = []
        var unusedSuppressions = 0
        for group in groups(errors: &errors) {
            guard let project = project(for: group, errors: &errors) else { continue }
            let files = datasets(of: group, in: project, errors: &errors)
            guard !files.isEmpty else { continue }
            projects.append(project)
            var engine = project.engine
            engine.collectsAssessments = options.collectsAssessments
            let result = Timing.measure("check") { engine.check(files: files, limits: options.limits) }
            let filter = FindingFilter(ignores: project.configuration.ignores, reportUnusedSuppressions: options.reportUnusedSuppressions)
            let outcome = Timing.measure("suppressions") { filter.apply(result) }
            combined.findings += outcome.result.findings
            combined.errors += outcome.result.errors
            combined.files += outcome.result.files.filter { !combined.files.contains($0) }
            combined.assessments += outcome.result.assessments
            suppressedFindings += outcome.suppressedFindings
            unusedSuppressions += outcome.unusedSuppressions
        }
        combined.errors += errors
        if combined.files.isEmpty && combined.errors.isEmpty {
            combined.errors.append(LoadError(file: options.paths.first ?? ".", line: 0, column: 0,
                                             message: "no datasets to check: no \(DatasetLoader.extensions.sorted().joined(separator: ", ")) files that a configuration claims"))
        }
        var outcome = FindingFilter.Outcome(result: combined)
        outcome.suppressedFindings = suppressedFindings
        outcome.suppressed = suppressedFindings.count
        outcome.unusedSuppressions = unusedSuppressions
        if let baselineFile = options.baselineFile {
            applyBaseline(baselineFile, to: &outcome, notes: &notes)
        }
        outcome.result.findings.sort(by: Finding.reportOrder)
        outcome.result.assessments.sort(by: Assessment.order)
        outcome.result.errors.sort { ($0.file, $0.line, $0.column, $0.message) < ($1.file, $1.line, $1.column, $1.message) }
        return SessionResult(outcome: outcome, projects: projects, notes: notes)
    }

    /// Baseline paths are relative to the git repository around the current folder, else to
    /// the baseline file's folder, so one baseline works wherever the repository is checked out.
    public static func baselineRoot(for baseline: String) -> String {
        RepositoryPaths.root() ?? RepositoryPaths.absolute(FileSystem.directory(of: baseline))
    }

    func applyBaseline(_ path: String, to outcome: inout FindingFilter.Outcome, notes: inout [String]) {
        let baseline: Baseline
        do { baseline = try Baseline.load(path: path) } catch {
            outcome.result.errors.append(error)
            return
        }
        let root = Self.baselineRoot(for: path)
        var kept = outcome.result.findings
        let stale = FindingFilter.apply(baseline, to: &kept, files: outcome.result.files, outcome: &outcome, repositoryRoot: root)
        outcome.result.findings = kept + stale
        if outcome.baselineApplication?.matchesNoCheckedFile == true, !outcome.result.files.isEmpty {
            notes.append("warning: none of the \(baseline.entries.count) entries of the baseline \(path) names a file checked in this run; "
                         + "entry paths are relative to \(root) (the git repository, else the baseline's folder) — "
                         + "run from the same repository that wrote it, or rewrite it with `plancheck baseline`")
        }
    }

    /// Sorts the datasets into groups by governing configuration, in the order PATHs name them.
    func groups(errors: inout [LoadError]) -> [Group] {
        if let configFile = options.configFile {
            var group = Group(configuration: configFile)
            for path in existingPaths(errors: &errors) { add(path, to: &group) }
            return [group]
        }
        var lookup = ConfigurationLookup()
        if options.paths.isEmpty {
            if let found = lookup.configuration(forFolder: FileSystem.currentDirectory).map(Self.relativeToCurrent) {
                // Its `datasets:` when it lists them (see `datasets(of:in:)`), else the data
                // files of its folder that no nearer configuration governs.
                var group = Group(configuration: found)
                group.walked = FileSystem.files(under: FileSystem.directory(of: found), extensions: DatasetLoader.extensions)
                    .filter { lookup.configuration(forFile: $0).map(Self.relativeToCurrent) == found }
                return [group]
            }
            let searched = ConfigurationLookup.searchedFolders(from: FileSystem.currentDirectory)
            errors.append(LoadError(file: Configuration.fileName, line: 0, column: 0,
                                    message: "no configuration found: no \(Configuration.fileName) in \(searched.first ?? ".")"
                                        + (searched.count > 1 ? " or the \(searched.count - 1) folders above it up to \(searched.last!)" : "")
                                        + "; create one with `plancheck init`, give --config FILE, or name datasets (PATHs) and rule files (--rules)"))
            return []
        }
        var groups: [Group] = []
        var index: [String: Int] = [:]
        for path in existingPaths(errors: &errors) {
            for file in FileSystem.files(under: path, extensions: DatasetLoader.extensions) {
                let configuration = lookup.configuration(forFile: file).map(Self.relativeToCurrent)
                let key = configuration ?? ""
                if index[key] == nil {
                    index[key] = groups.count
                    groups.append(Group(configuration: configuration))
                }
                if FileSystem.isDirectory(path) { groups[index[key]!].walked.append(file) } else { groups[index[key]!].explicit.append(file) }
            }
        }
        return groups
    }

    func existingPaths(errors: inout [LoadError]) -> [String] {
        options.paths.filter { path in
            if FileSystem.exists(path) { return true }
            // CI passes the changed files; a deleted one is common and must not stop the others.
            errors.append(LoadError(file: path, line: 0, column: 0, message: "no such file or folder"))
            return false
        }
    }

    func add(_ path: String, to group: inout Group) {
        if FileSystem.isDirectory(path) {
            group.walked += FileSystem.files(under: path, extensions: DatasetLoader.extensions)
        } else {
            group.explicit.append(path)
        }
    }

    /// Loads a group's configuration and rules; nil (with every problem in `errors`) when they
    /// cannot be used, so its datasets are not judged by a half-read configuration.
    func project(for group: Group, errors: inout [LoadError]) -> Project? {
        var configuration = Configuration()
        var configurationProblems: [LoadError] = []
        if let file = group.configuration {
            let (loaded, problems) = Configuration.loadReportingAll(path: file)
            configuration = loaded
            // Go on to the packs, rules and overrides, so one run reports every mistake.
            configurationProblems = problems
        } else if options.extraRuleFiles.isEmpty, let packs = options.packsWhenUnconfigured {
            configuration.packs = packs
        } else if options.extraRuleFiles.isEmpty {
            let first = group.explicit.first ?? group.walked.first ?? "."
            let count = group.explicit.count + group.walked.count
            errors.append(LoadError(file: first, line: 0, column: 0,
                                    message: "no configuration governs \(count == 1 ? "this dataset" : "\(count) datasets, starting with this one"): "
                                        + "no \(Configuration.fileName) in its folder or above up to \(ConfigurationLookup.searchedFolders(from: FileSystem.directory(of: first)).last ?? "/"); "
                                        + "create one with `plancheck init`, or give --config FILE or --rules FILE"))
            return nil
        }
        let permissions = PluginPermissions.standard(commandLine: options.allowedPlugins,
                                                     projectDirectory: group.configuration.map(FileSystem.directory(of:)))
        var problems = configurationProblems
        let project = Timing.measure("configuration and rules") {
            Project.assemble(configuration: configuration, extraRuleFiles: options.extraRuleFiles, asOf: options.asOf,
                             jobs: options.jobs, pluginPermissions: permissions, errors: &problems)
        }
        if let project {
            for entry in configuration.ignores {
                do { try FindingFilter.validate(ignores: [entry], ruleIDs: project.engine.rules.map(\.id)) } catch { problems.append(error) }
            }
        }
        guard problems.isEmpty, let project else {
            errors += Self.capped(problems, in: group.configuration ?? "<command line>")
            return nil
        }
        return project
    }

    /// The group's datasets: explicit files, walked files the configuration claims, or (no
    /// PATHs) the configuration's `datasets:`.
    func datasets(of group: Group, in project: Project, errors: inout [LoadError]) -> [String] {
        if options.paths.isEmpty && (options.configFile != nil || !project.configuration.datasets.isEmpty) {
            let files = project.datasetFiles(paths: [])
            if files.isEmpty {
                errors.append(LoadError(file: group.configuration ?? Configuration.fileName, line: 1, column: 1,
                                        message: "no datasets to check: list them under `datasets:` in the configuration, or name files or folders (PATHs)"))
            }
            for dataset in project.configuration.datasets where !FileSystem.exists(dataset) {
                errors.append(LoadError(file: dataset, line: 0, column: 0, message: "no such file or folder (listed under `datasets:` in \(group.configuration ?? "the configuration"))"))
            }
            return files.filter(FileSystem.exists)
        }
        let configuration = project.configuration
        // A configuration listing `datasets:` claims exactly those; one that does not claims
        // every data file except its own rule files and collection files.
        let claimed = configuration.datasets.map(RepositoryPaths.absolute)
        let excluded = Set((configuration.ruleFiles + project.ruleSets.map(\.file) + (claimed.isEmpty ? configuration.collections.map(\.file) : []))
                            .map(RepositoryPaths.absolute))
        var seen = Set<String>()
        var result: [String] = []
        for file in group.explicit where seen.insert(RepositoryPaths.absolute(file)).inserted { result.append(FileSystem.normalize(file)) }
        for file in group.walked {
            let absolute = RepositoryPaths.absolute(file)
            if excluded.contains(absolute) { continue }
            if !claimed.isEmpty && !claimed.contains(where: { absolute == $0 || absolute.hasPrefix($0 + "/") }) { continue }
            if seen.insert(absolute).inserted { result.append(FileSystem.normalize(file)) }
        }
        return result
    }

    /// At most `Configuration.errorLimit` problems of one file, then one line saying how many more.
    static func capped(_ problems: [LoadError], in file: String) -> [LoadError] {
        guard problems.count > Configuration.errorLimit else { return problems }
        var kept = Array(problems.prefix(Configuration.errorLimit))
        kept.append(LoadError(file: file, line: 0, column: 0,
                              message: "\(problems.count - Configuration.errorLimit) more problems not shown; fix these and run again"))
        return kept
    }

    /// Paths in messages read best relative to where the user stands.
    static func relativeToCurrent(_ path: String) -> String {
        let cwd = FileSystem.currentDirectory
        if path.hasPrefix(cwd + "/") { return String(path.dropFirst(cwd.count + 1)) }
        return path
    }
}
