import ArgumentParser
import PlanCheck

/// The steps `check` and `baseline` share: load the project, check the datasets, apply
/// suppressions and (for `check`) the baseline.
struct CheckRun {
    var project: Project
    var outcome: FindingFilter.Outcome

    static func perform(project options: ProjectOptions, paths: [String], baseline baselinePath: String?,
                        reportUnusedSuppressions: Bool) throws -> CheckRun {
        let loaded: Project
        do {
            loaded = try Timing.measure("configuration and rules") { () throws(LoadError) in try options.load(paths: paths) }
            try FindingFilter.validate(ignores: loaded.configuration.ignores, ruleIDs: loaded.engine.rules.map(\.id))
        } catch {
            throw CheckCommand.failInput(error)
        }
        for path in paths where !FileSystem.exists(path) {
            printError("\(path): error: no such file or folder")
            throw ExitCode(2)
        }
        let files = loaded.datasetFiles(paths: paths)
        if files.isEmpty {
            printError("error: no datasets to check: give PATHs or list `datasets` in .plancheck.yml")
            throw ExitCode(2)
        }
        var baseline: Baseline?
        if let baselinePath {
            do {
                baseline = try Baseline.load(path: baselinePath)
            } catch {
                throw CheckCommand.failInput(error)
            }
        }
        let filter = FindingFilter(ignores: loaded.configuration.ignores, baseline: baseline,
                                   reportUnusedSuppressions: reportUnusedSuppressions,
                                   repositoryRoot: repositoryRoot(baseline: baselinePath))
        let result = loaded.engine.check(files: files)
        return CheckRun(project: loaded, outcome: Timing.measure("suppressions and baseline") { filter.apply(result) })
    }

    /// Baseline paths are relative to the git repository around the current folder, else to the
    /// baseline file's folder, so the same baseline works wherever the repository is checked out.
    static func repositoryRoot(baseline: String?) -> String? {
        RepositoryPaths.root() ?? baseline.map { RepositoryPaths.absolute(FileSystem.directory(of: $0)) }
    }

    /// Hidden findings are not in the reports (that is the point), but never silently gone.
    func printHiddenCounts() {
        var parts: [String] = []
        if outcome.suppressed > 0 { parts.append("\(outcome.suppressed) suppressed") }
        if outcome.baselined > 0 { parts.append("\(outcome.baselined) hidden by the baseline") }
        if outcome.staleBaselineEntries > 0 { parts.append("\(outcome.staleBaselineEntries) baseline \(outcome.staleBaselineEntries == 1 ? "entry no longer occurs" : "entries no longer occur")") }
        if !parts.isEmpty { printError("note: " + parts.joined(separator: ", ")) }
    }
}
