import ArgumentParser
import PlanCheck

@main
struct PlanCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plancheck",
        abstract: "Checks work plans the way a linter checks code.",
        discussion: """
        Rules (YAML) select records of plan datasets (YAML, JSON, CSV, Excel) with JSONPath and run checker \
        modules on them. Exit codes: 0 no errors, 1 findings at or above --fail-on, 2 usage, \
        configuration, rule-file or input error.
        """,
        version: PlanCheckVersion.current,
        subcommands: [CheckCommand.self, AuditCommand.self, ReviewCommand.self, ImportCommand.self, RulesCommand.self, BaselineCommand.self, InitCommand.self],
        defaultSubcommand: CheckCommand.self
    )

    /// Usage errors exit with 2, like input errors (argument-parser's default is 64).
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            if exitCode(for: error) == .validationFailure {
                printError(fullMessage(for: error))
                exit(withError: ExitCode(2))
            }
            exit(withError: error)
        }
    }
}

/// Exit code 2: something the user gave could not be used (as opposed to findings, code 1).
struct InputFailure: Error, CustomStringConvertible {
    var description: String
}

extension ParsableCommand {
    /// Prints located load errors to stderr and exits with code 2.
    static func failInput(_ error: LoadError) -> ExitCode {
        printError(error.description)
        return ExitCode(2)
    }
}

