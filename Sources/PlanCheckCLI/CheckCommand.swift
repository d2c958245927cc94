import ArgumentParser
import PlanCheck

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check datasets against rule files.",
        discussion: """
        PATHs are dataset files or folders (searched recursively for .yaml, .yml, .json, .jsonl, .csv, .tsv, .xlsx and .docx; a .txt or .md plan is read when named). \
        Without PATHs, the configuration's `datasets` are checked. Each dataset is checked with \
        the nearest .plancheck.yml in its folder or above (up to the repository root), so \
        `plancheck check .` checks every plan folder by its own configuration in one report; \
        --config FILE applies one configuration to all.

        Several reports in one run: --format and --output pair up by position; a format without \
        an --output (or with `--output -`) goes to standard output, at most one may. Example: \
        --format text --format sarif --output - --output plancheck.sarif. A file is written \
        atomically (missing folders are created); /dev/stderr, /dev/fd/N, FIFOs and devices are \
        written directly. An output that cannot be written is an input error in every other report.

        Findings hidden by `ignore:` entries, `# plancheck: disable=rule — reason` comments or \
        --baseline are counted on standard error. Baseline entries that no longer occur are \
        reported as info findings (plancheck.stale-baseline-entry) located in the baseline file.

        With PLANCHECK_TIMING=1 in the environment, a table of where the time went (loading each \
        file, each rule, suppressions, each report) and the peak memory after each phase goes to \
        standard error.
        """
    )

    @OptionGroup var project: ProjectOptions

    @Option(name: .long, help: ArgumentHelp("Output format, repeatable: \(ReportFormats.identifiers.joined(separator: ", ")) (default text).", valueName: "format"))
    var format: [String] = []

    @Option(name: .long, help: ArgumentHelp("Where the --format at the same position goes: a FILE (written atomically) or - for standard output. Repeatable.", valueName: "file"))
    var output: [String] = []

    @Option(name: .long, help: ArgumentHelp("Lowest severity that makes the exit code 1: error, warning, info or never.", valueName: "level"))
    var failOn: String = "error"

    @Option(name: .long, help: ArgumentHelp("Hide the findings recorded in this baseline (written by `plancheck baseline`).", valueName: "file"))
    var baseline: String?

    @Flag(name: .long, help: "Report suppressions (inline comments, `ignore:` entries) that hid no finding, as warnings.")
    var reportUnusedSuppressions = false

    @Argument(help: "Dataset files or folders.")
    var paths: [String] = []

    @Option(name: .long, help: ArgumentHelp("Colour in text on standard output: auto (a terminal, or FORCE_COLOR/CLICOLOR_FORCE set; never with NO_COLOR), always or never.", valueName: "when"))
    var color: String = "auto"

    @Option(name: .long, help: ArgumentHelp("URL the Markdown report links findings to (base + path + #Lline); default from GITHUB_SERVER_URL/GITHUB_REPOSITORY/GITHUB_SHA or CI_PROJECT_URL/CI_COMMIT_SHA.", valueName: "url"))
    var linkBase: String?

    func validate() throws {
        if case .failure(let error) = ReportDestination.pair(formats: format, outputs: output) {
            throw ValidationError(error.message)
        }
        guard ["error", "warning", "info", "never"].contains(failOn) else {
            throw ValidationError("--fail-on takes error, warning, info or never")
        }
        guard ColorChoice(rawValue: color) != nil else { throw ValidationError("--color takes auto, always or never") }
        try project.validate()
    }

    func run() throws {
        let destinations = try ReportDestination.pair(formats: format, outputs: output).get()
        // An output that cannot be written is found before checking, so every other report
        // still carries it as an input error (the CI step uploading them finds its files).
        var unwritable: [String: OutputError] = [:]
        for destination in destinations where !destination.isStandardOutput {
            if let problem = OutputFile.problem(writing: destination.output) { unwritable[destination.output] = problem }
        }
        var session = CheckRun.session(project: project, paths: paths, baseline: baseline,
                                       reportUnusedSuppressions: reportUnusedSuppressions)
        for (path, problem) in unwritable.sorted(by: { $0.key < $1.key }) {
            session.outcome.result.errors.append(LoadError(file: path, line: 0, column: 0, message: "the report cannot be written: \(problem.reason)"))
        }
        let environment = Environment.values(Environment.reportVariables)
        let threshold = Severity(rawValue: failOn)
        let wantsColor = ColorChoice(rawValue: color)!.wantsColor(environment: environment, isTerminal: Terminal.isTerminal(1))
        let base = LinkBase.resolve(option: linkBase, environment: environment)
        var failedWrites = false
        for destination in destinations where unwritable[destination.output] == nil {
            let formatType = ReportFormats.named(destination.format)!
            let input = session.reportInput(failOn: threshold,
                                            color: destination.isStandardOutput && destination.format == TextReport.identifier && wantsColor,
                                            linkBase: base)
            let text = Timing.measure("report \(destination.format)") { formatType.init().render(input) }
            do {
                try OutputFile.write(Array(text.utf8), to: destination.output)
            } catch {
                printError("error: \(error)")
                failedWrites = true
            }
        }
        for (_, problem) in unwritable.sorted(by: { $0.key < $1.key }) { printError("error: \(problem)") }
        for note in session.notes { printError(note) }
        CheckRun.printHiddenCounts(session.outcome)
        if Timing.isEnabled { printError(Timing.report()) }
        let result = session.result
        if result.hasInputErrors || failedWrites { throw ExitCode(2) }
        if let threshold, result.findings.contains(where: { $0.severity >= threshold }) {
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

    @Option(name: [.customShort("j"), .long], help: ArgumentHelp("Worker threads (default: one per core). Output does not depend on it.", valueName: "n"))
    var jobs: Int = 0

    @Option(name: .long, help: ArgumentHelp("Allow this external checker program to run (repeatable; see docs/plugins.md). Also PLANCHECK_ALLOWED_PLUGINS and ~/.config/plancheck/allowed-plugins.", valueName: "path"))
    var allowPlugin: [String] = []

    func validate() throws {
        if let asOf, PlanDate(iso: asOf) == nil {
            throw ValidationError("--as-of takes a date written YYYY-MM-DD, got `\(asOf)`")
        }
        if jobs < 0 { throw ValidationError("--jobs must be positive") }
        // A mistyped permission would otherwise only show up as "not allowed" later.
        for program in allowPlugin where !FileSystem.exists(program) {
            throw ValidationError("--allow-plugin: no such program `\(program)`")
        }
    }

    func load(paths: [String]) throws(LoadError) -> Project {
        var configuration = Configuration()
        let configPath = config ?? Configuration.find(from: FileSystem.currentDirectory).map(relativeToCurrent)
            ?? paths.first.flatMap { Configuration.find(from: FileSystem.isDirectory($0) ? $0 : FileSystem.directory(of: $0)) }.map(relativeToCurrent)
        if let configPath {
            configuration = try Configuration.load(path: configPath)
        }
        // Permission comes from the user, never from the project: see PluginPermissions.
        let permissions = PluginPermissions.standard(commandLine: allowPlugin,
                                                     projectDirectory: configPath.map(FileSystem.directory(of:)))
        return try Project(configuration: configuration, extraRuleFiles: rules,
                           asOf: asOf.flatMap(PlanDate.init(iso:)), jobs: jobs, pluginPermissions: permissions)
    }

    /// Paths in messages read best relative to where the user stands.
    func relativeToCurrent(_ path: String) -> String {
        let cwd = FileSystem.currentDirectory
        if path.hasPrefix(cwd + "/") { return String(path.dropFirst(cwd.count + 1)) }
        return path
    }
}
