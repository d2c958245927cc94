import ArgumentParser
import PlanCheck

struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Accountability audit: who answers for what, what is overdue, which targets are missed.",
        discussion: """
        Loads the project like `check` (configuration, rules, collections), checks the datasets, \
        and aggregates what the rules judged (deadline, accountability, indicator and ratio \
        rules; the built-in packs when there is no configuration), per responsible unit, per action, per indicator and ratio, with data-quality \
        gaps and a headline. See docs/audit.md. Exit code 0 unless the input cannot be used (2).
        """
    )

    @OptionGroup var project: ProjectOptions

    @Option(name: .long, help: ArgumentHelp("Output format: html, markdown, json, csv or text.", valueName: "format"))
    var format: String = "text"

    @Option(name: .long, help: ArgumentHelp("With --format csv, the table to write: units, tasks, groups or indicators.", valueName: "table"))
    var table: String = "units"

    @Option(name: .long, help: ArgumentHelp("Write the report to FILE (atomically) instead of standard output.", valueName: "file"))
    var output: String?

    @Option(name: .long, help: ArgumentHelp("Language of the report's fixed words: zh or en (default: zh when the datasets' text is mostly Chinese).", valueName: "lang"))
    var lang: String?

    @Option(name: .long, help: ArgumentHelp("A previous audit's JSON (--format json): report what changed since.", valueName: "file"))
    var compare: String?

    @Argument(help: "Dataset files or folders.")
    var paths: [String] = []

    func validate() throws {
        guard AuditOutputFormat(rawValue: format) != nil else {
            throw ValidationError("unknown format `\(format)`; available: \(AuditOutputFormat.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard AuditCSVTable(rawValue: table) != nil else {
            throw ValidationError("unknown table `\(table)`; available: \(AuditCSVTable.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        if let lang, AuditLanguage(rawValue: lang) == nil { throw ValidationError("--lang takes zh or en, got `\(lang)`") }
        try project.validate()
    }

    func run() throws {
        for path in paths where !FileSystem.exists(path) {
            printError("\(path): error: no such file or folder")
            throw ExitCode(2)
        }
        // The same session as `check`: each dataset is judged by the nearest configuration
        // above it; datasets no configuration governs get the built-in packs (the audit reads
        // only what rules judged, so it needs rules to say anything).
        var options = project.sessionOptions(paths: paths)
        options.collectsAssessments = true
        options.packsWhenUnconfigured = AuditBuilder.defaultPacks
        let session = CheckSession(options: options).run()
        for error in session.result.errors { printError(error.description) }
        if session.result.files.isEmpty {
            if session.result.errors.isEmpty { printError("error: no datasets to audit: give PATHs or list `datasets` in .plancheck.yml") }
            throw ExitCode(2)
        }
        var previous: AuditReport?
        if let compare {
            do {
                previous = try AuditRenderer.decode(json: FileReader.read(compare))
            } catch {
                printError("\(compare): error: not an audit written with --format json: \(error)")
                throw ExitCode(2)
            }
        }
        let language = lang.flatMap(AuditLanguage.init(rawValue:))
        var report = AuditBuilder.audit(session: session, language: language)
        if let previous { report.comparison = AuditComparison.between(previous: previous, current: report) }
        let text = AuditRenderer.render(report, format: AuditOutputFormat(rawValue: format)!, table: AuditCSVTable(rawValue: table)!)
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
        if report.findings.inputErrors > 0 { throw ExitCode(2) }
    }
}
