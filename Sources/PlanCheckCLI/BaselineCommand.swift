import ArgumentParser
import PlanCheck

struct BaselineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "baseline",
        abstract: "Record the current findings as accepted, so `check --baseline` reports only new ones.",
        discussion: """
        Entries name the repository-relative file, the rule, the record key and a fingerprint of \
        the problem (not its line), so moving records or checking the repository out elsewhere \
        keeps them valid. Findings already hidden by `ignore:` or inline suppressions are not \
        recorded. Rerun to accept the current state; commit the file.

        With --prune, the existing baseline (--output) only loses the entries that no longer \
        occur (fixed problems); new findings are not accepted, so they keep failing `check`. \
        Entries of files this run did not check are kept.
        """
    )

    @OptionGroup var project: ProjectOptions

    @Option(name: .long, help: ArgumentHelp("The baseline file to write (atomically).", valueName: "file"))
    var output: String = ".plancheck-baseline.json"

    @Flag(name: .long, help: "Only drop the entries of the existing baseline that no longer occur; accept nothing new.")
    var prune = false

    @Argument(help: "Dataset files or folders (default: the configuration's datasets).")
    var paths: [String] = []

    func validate() throws { try project.validate() }

    func run() throws {
        if prune && !FileSystem.exists(output) {
            printError("\(output): error: --prune needs an existing baseline; write one with `plancheck baseline --output \(output)`")
            throw ExitCode(2)
        }
        let session = CheckRun.session(project: project, paths: paths, baseline: prune ? output : nil, reportUnusedSuppressions: false)
        let result = session.result
        if result.hasInputErrors {
            // A dataset that could not be read would silently lose its entries.
            for error in result.errors { printError(error.description) }
            printError("error: the baseline was not written because some inputs could not be used")
            throw ExitCode(2)
        }
        for note in session.notes { printError(note) }
        let baseline: Baseline
        if prune {
            // Loaded once more only to keep its entries in their written order.
            let existing: Baseline
            do { existing = try Baseline.load(path: output) } catch { throw Self.failInput(error) }
            guard let application = session.outcome.baselineApplication else { throw ExitCode(2) }
            baseline = existing.pruned(by: application)
            let removed = existing.entries.count - baseline.entries.count
            printError("removed \(removed) \(removed == 1 ? "entry that no longer occurs" : "entries that no longer occur"); kept \(baseline.entries.count)")
        } else {
            baseline = Baseline(findings: result.findings, repositoryRoot: CheckSession.baselineRoot(for: output))
        }
        do {
            try OutputFile.write(Array(baseline.text().utf8), to: output)
        } catch {
            printError("error: \(error)")
            throw ExitCode(2)
        }
        if !prune { printError("wrote \(baseline.entries.count) \(baseline.entries.count == 1 ? "entry" : "entries") to \(output)") }
    }
}
