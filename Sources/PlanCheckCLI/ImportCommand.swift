import ArgumentParser
import PlanCheck

/// `plancheck import PLAN… [--format yaml|json] [--output FILE]`: the dataset recognised in plan
/// documents, for review and to keep beside the plan (docs/documents.md).
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Read plan documents (.docx, .txt, .md) and write the dataset recognised in them.",
        discussion: """
        Items become sections, actions and tasks with ids from their numbering, lead/participating/ \
        responsible units, owners and deadlines, each located at its paragraph. YAML (the default) \
        names each record's paragraph in a comment; JSON is one document per input. What \
        recognition could not settle is listed as notes (and on standard error). Exit code 2 when \
        a document cannot be read. See docs/documents.md.
        """
    )

    @Option(name: .long, help: ArgumentHelp("Output format: yaml or json.", valueName: "format"))
    var format: String = "yaml"

    @Option(name: .long, help: ArgumentHelp("Write to FILE (atomically) instead of standard output.", valueName: "file"))
    var output: String?

    @Flag(name: .long, help: "Do not print recognition notes on standard error.")
    var quiet = false

    @Argument(help: "Plan documents (.docx, .txt, .md).")
    var paths: [String] = []

    func validate() throws {
        guard PlanImport.Format(rawValue: format) != nil else {
            throw ValidationError("unknown format `\(format)`; available: \(PlanImport.Format.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard !paths.isEmpty else { throw ValidationError("give one or more plan documents (.docx, .txt, .md)") }
    }

    func run() throws {
        var outputs: [String] = []
        var failed = false
        for path in paths {
            do {
                let bytes = try FileReader.read(path)
                let plan = try PlanImport.recognize(bytes: bytes, file: path)
                if !quiet {
                    for note in plan.noteLines { printError(note) }
                }
                outputs.append(format == "json" ? String(decoding: PlanImport.json(document: plan), as: UTF8.self) : PlanImport.yaml(document: plan))
            } catch {
                printError(error.description)
                failed = true
            }
        }
        // YAML documents of several inputs are one stream; JSON ones follow each other (JSON lines of pretty documents).
        let text = format == "json" ? outputs.joined() : outputs.joined(separator: "---\n")
        if let output {
            do {
                try FileSystem.writeAtomically(Array(text.utf8), to: output)
            } catch {
                printError("\(output): error: cannot write the dataset: \(error)")
                throw ExitCode(2)
            }
        } else {
            print(text, terminator: "")
        }
        if failed { throw ExitCode(2) }
    }
}
