import ArgumentParser
import PlanCheck

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check datasets against rule files.",
        discussion: """
        PATHs are dataset files or folders (searched recursively for .yaml, .yml and .json). \
        Without PATHs, the configuration's `datasets` are checked. The configuration is \
        --config, else .plancheck.yml in the current folder or above, else next to the first PATH.
        """
    )

    @OptionGroup var project: ProjectOptions

    @Option(name: .long, help: ArgumentHelp("Output format: \(ReportFormats.identifiers.joined(separator: ", ")).", valueName: "format"))
    var format: String = "text"

    @Option(name: .long, help: ArgumentHelp("Write the report to FILE (atomically) instead of standard output.", valueName: "file"))
    var output: String?

    @Option(name: .long, help: ArgumentHelp("Lowest severity that makes the exit code 1: error, warning, info or never.", valueName: "level"))
    var failOn: String = "error"

    @Argument(help: "Dataset files or folders.")
    var paths: [String] = []

    func validate() throws {
        guard ReportFormats.named(format) != nil else {
            throw ValidationError("unknown format `\(format)`; available: \(ReportFormats.identifiers.joined(separator: ", "))")
        }
        guard ["error", "warning", "info", "never"].contains(failOn) else {
            throw ValidationError("--fail-on takes error, warning, info or never")
        }
        try project.validate()
    }

    func run() throws {
        let loaded: Project
        do {
            loaded = try project.load(paths: paths)
        } catch {
            throw Self.failInput(error)
        }
        let files = loaded.datasetFiles(paths: paths)
        if files.isEmpty {
            printError("error: no datasets to check: give PATHs or list `datasets` in .plancheck.yml")
            throw ExitCode(2)
        }
        for path in paths where !FileSystem.exists(path) {
            printError("\(path): error: no such file or folder")
            throw ExitCode(2)
        }
        let result = loaded.engine.check(files: files)
        let formatType = ReportFormats.named(format)!
        let input = ReportInput(result: result, rules: loaded.engine.rules, asOf: loaded.engine.asOf,
                                color: output == nil && format == "text" && Terminal.wantsColor)
        let text = formatType.init().render(input)
        if let output {
            do {
                try FileSystem.writeAtomically(Array(text.utf8), to: output)
            } catch {
                printError("\(output): error: cannot write the report: \(error)")
                throw ExitCode(2)
            }
        } else {
            print(text, terminator: "")
        }
        if result.hasInputErrors { throw ExitCode(2) }
        if let threshold = Severity(rawValue: failOn), result.findings.contains(where: { $0.severity >= threshold }) {
            throw ExitCode(1)
        }
    }
}

/// Options shared by the commands that load a project.
struct ProjectOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The configuration file (default: .plancheck.yml found upward).", valueName: "file"))
    var config: String?

    @Option(name: .long, help: ArgumentHelp("A rule file to use (repeatable), added to the configuration's.", valueName: "file"))
    var rules: [String] = []

    @Option(name: .long, help: ArgumentHelp("The as-of date, YYYY-MM-DD (default: the configuration's, else today).", valueName: "date"))
    var asOf: String?

    @Option(name: .long, help: ArgumentHelp("Worker threads (default: one per core). Output does not depend on it.", valueName: "n"))
    var jobs: Int = 0

    func validate() throws {
        if let asOf, PlanDate(iso: asOf) == nil {
            throw ValidationError("--as-of takes a date written YYYY-MM-DD, got `\(asOf)`")
        }
        if jobs < 0 { throw ValidationError("--jobs must be positive") }
    }

    func load(paths: [String]) throws(LoadError) -> Project {
        var configuration = Configuration()
        let configPath = config ?? Configuration.find(from: FileSystem.currentDirectory).map(relativeToCurrent)
            ?? paths.first.flatMap { Configuration.find(from: FileSystem.isDirectory($0) ? $0 : FileSystem.directory(of: $0)) }.map(relativeToCurrent)
        if let configPath {
            configuration = try Configuration.load(path: configPath)
        }
        return try Project(configuration: configuration, extraRuleFiles: rules,
                           asOf: asOf.flatMap(PlanDate.init(iso:)), jobs: jobs)
    }

    /// Paths in messages read best relative to where the user stands.
    func relativeToCurrent(_ path: String) -> String {
        let cwd = FileSystem.currentDirectory
        if path.hasPrefix(cwd + "/") { return String(path.dropFirst(cwd.count + 1)) }
        return path
    }
}
