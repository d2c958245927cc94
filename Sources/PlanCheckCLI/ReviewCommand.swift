import ArgumentParser
import PlanCheck

/// `plancheck review PLAN`: the findings handed back where the plan's writers look.
///
/// A command of its own rather than a `check --format docx`: `check` reports on any number of
/// datasets to standard output; a review copy is one input file transformed — it needs that
/// file's bytes, is binary, and belongs next to the original under a name derived from it.
struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Write a review copy of a plan document: the findings as Word comments, or an annotated HTML view.",
        discussion: """
        PLAN is a Word document (.docx) or a text plan (.txt, .md). It is checked like `check PLAN` \
        (same configuration, rules and ignores), then:

        For a .docx, a copy with every finding as a Word comment (author PlanCheck) on the paragraph \
        or table cell it concerns; findings about the whole document sit on the title. Comments \
        people wrote are kept; PlanCheck's comments from an earlier run are replaced. Default \
        output: PLAN.审阅.docx next to PLAN. --html FILE also writes the annotated view.

        For a .txt or .md plan, the annotated HTML view (default PLAN.审阅.html).

        The original is never modified; outputs are written atomically. Exit codes: 0 the copy \
        is written (whatever it found), 2 the plan or the project cannot be read (nothing is written).
        """
    )

    @OptionGroup var project: ProjectOptions

    @Option(name: .long, help: ArgumentHelp("Where the review copy goes (default: PLAN.审阅.docx, or PLAN.审阅.html for .txt/.md).", valueName: "file"))
    var output: String?

    @Option(name: .long, help: ArgumentHelp("Also write the annotated HTML view of a .docx plan to FILE.", valueName: "file"))
    var html: String?

    @Option(name: .long, help: ArgumentHelp("Language of the comments and the view: zh (default) or en.", valueName: "lang"))
    var lang: String = "zh"

    @Argument(help: "The plan document (.docx, .txt or .md).")
    var plan: String

    static let wordExtensions: Set<String> = ["docx"]
    static let textExtensions: Set<String> = ["txt", "md", "markdown"]

    var planExtension: String { plan.split(separator: "/").last?.split(separator: ".").last?.lowercased() ?? "" }
    var isWord: Bool { Self.wordExtensions.contains(planExtension) }

    func validate() throws {
        guard Self.wordExtensions.contains(planExtension) || Self.textExtensions.contains(planExtension) else {
            throw ValidationError("review takes a .docx, .txt or .md plan, got `\(plan)`")
        }
        guard AuditLanguage(rawValue: lang) != nil else { throw ValidationError("--lang takes zh or en") }
        if html != nil && !isWord { throw ValidationError("--html is for a .docx plan; the review copy of a text plan is the HTML view (--output)") }
        for target in [output, html].compactMap({ $0 }) where FileSystem.normalize(target) == FileSystem.normalize(plan) {
            throw ValidationError("`\(target)` is the plan itself; the original is never overwritten")
        }
        try project.validate()
    }

    func run() throws {
        let language = AuditLanguage(rawValue: lang) ?? .zh
        guard FileSystem.exists(plan), !FileSystem.isDirectory(plan) else {
            printError("\(plan): error: no such file")
            throw ExitCode(2)
        }
        let original: [UInt8]
        do {
            original = try FileReader.read(plan)
            // A package the copy cannot be written from is refused before the check runs.
            if isWord { _ = try ReviewCopy.make(original: original, file: plan, findings: []) }
        } catch {
            throw Self.failInput(error)
        }
        let session = CheckRun.session(project: project, paths: [plan], baseline: nil, reportUnusedSuppressions: false)
        let result = session.result
        if result.hasInputErrors {
            for error in result.errors { printError(error.description) }
            throw ExitCode(2)
        }
        let planPath = FileSystem.normalize(plan)
        let findings = result.findings.filter { FileSystem.normalize($0.file) == planPath }

        var outputs: [(path: String, bytes: [UInt8])] = []
        do {
            if isWord {
                outputs.append((output ?? ReviewCopy.defaultPath(for: plan, extension: "docx"),
                                try ReviewCopy.make(original: original, file: plan, findings: findings, language: language)))
                if let html {
                    let document = try Self.readDocument(bytes: original, file: plan)
                    outputs.append((html, Array(AnnotatedView.html(document: document, findings: findings, lang: language).utf8)))
                }
            } else {
                let document = try Self.readDocument(bytes: original, file: plan)
                outputs.append((output ?? ReviewCopy.defaultPath(for: plan, extension: "html"),
                                Array(AnnotatedView.html(document: document, findings: findings, lang: language).utf8)))
            }
        } catch {
            throw Self.failInput(error)
        }
        // Everything is built before anything is written: a failure leaves no output behind.
        for (path, bytes) in outputs {
            do {
                try FileSystem.writeAtomically(bytes, to: path)
            } catch {
                printError("error: \(error)")
                throw ExitCode(2)
            }
        }
        let counts = Severity.allCases.reversed().map { severity in
            let count = findings.filter { $0.severity == severity }.count
            return "\(count) \(severity.rawValue)\(count == 1 ? "" : "s")"
        }
        print("\(outputs.map(\.path).joined(separator: ", ")): \(findings.count) finding\(findings.count == 1 ? "" : "s") (\(counts.joined(separator: ", ")))")
        CheckRun.printHiddenCounts(session.outcome)
    }

    /// The plan as the plan-document readers see it: paragraphs in order, numbering rendered,
    /// tables by cell — the paragraphs findings are located on.
    static func readDocument(bytes: [UInt8], file: String) throws(LoadError) -> PlanDocument {
        try PlanDocumentReader.read(bytes: bytes, file: file)
    }
}
