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
        """
    )

    @OptionGroup var project: ProjectOptions

    @Option(name: .long, help: ArgumentHelp("The baseline file to write (atomically).", valueName: "file"))
    var output: String = ".plancheck-baseline.json"

    @Argument(help: "Dataset files or folders (default: the configuration's datasets).")
    var paths: [String] = []

    func validate() throws { try project.validate() }

    func run() throws {
        let checked = try CheckRun.perform(project: project, paths: paths, baseline: nil, reportUnusedSuppressions: false)
        let result = checked.outcome.result
        if result.hasInputErrors {
            // A dataset that could not be read would silently lose its entries.
            for error in result.errors { printError(error.description) }
            printError("error: the baseline was not written because some datasets could not be read")
            throw ExitCode(2)
        }
        let baseline = Baseline(findings: result.findings, repositoryRoot: CheckRun.repositoryRoot(baseline: output))
        do {
            try FileSystem.writeAtomically(Array(baseline.text().utf8), to: output)
        } catch {
            printError("\(output): error: cannot write the baseline: \(error)")
            throw ExitCode(2)
        }
        printError("wrote \(baseline.entries.count) \(baseline.entries.count == 1 ? "entry" : "entries") to \(output)")
    }
}
