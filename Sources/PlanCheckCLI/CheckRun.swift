import ArgumentParser
import PlanCheck

/// The steps `check` and `baseline` share: the command line turned into a `CheckSession`
/// (the library does the work, so the web server runs the same checks), and what the run
/// has to say on standard error.
enum CheckRun {
    static func session(project options: ProjectOptions, paths: [String], baseline: String?,
                        reportUnusedSuppressions: Bool) -> SessionResult {
        var session = options.sessionOptions(paths: paths)
        session.baselineFile = baseline
        session.reportUnusedSuppressions = reportUnusedSuppressions
        return CheckSession(options: session).run()
    }

    /// Hidden findings are not in the reports (that is the point), but never silently gone.
    static func printHiddenCounts(_ outcome: FindingFilter.Outcome) {
        var parts: [String] = []
        if outcome.suppressed > 0 { parts.append("\(outcome.suppressed) suppressed") }
        if outcome.baselined > 0 { parts.append("\(outcome.baselined) hidden by the baseline") }
        if outcome.staleBaselineEntries > 0 {
            parts.append("\(outcome.staleBaselineEntries) baseline \(outcome.staleBaselineEntries == 1 ? "entry no longer occurs" : "entries no longer occur") (drop with `plancheck baseline --prune`)")
        }
        if !parts.isEmpty { printError("note: " + parts.joined(separator: ", ")) }
    }
}

extension ProjectOptions {
    /// The command line's part of a `CheckSession` (`check`, `baseline` and `audit` alike).
    func sessionOptions(paths: [String]) -> CheckSession.Options {
        var session = CheckSession.Options(paths: paths, configFile: config)
        session.extraRuleFiles = rules
        session.asOf = asOf.flatMap(PlanDate.init(iso:))
        session.jobs = jobs
        session.allowedPlugins = allowPlugin
        return session
    }
}
