import ArgumentParser
import PlanCheck

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a commented starter .plancheck.yml and rule file for the datasets in the current folder.",
        discussion: "Never overwrites: when either file exists, nothing is written and the exit code is 2."
    )

    func run() throws {
        let directory = FileSystem.currentDirectory
        let targets = [Configuration.fileName, StarterProject.rulesFileName]
        for name in targets where FileSystem.exists(FileSystem.join(directory, name)) {
            printError("\(name): error: the file exists; `plancheck init` never overwrites (remove it, or edit it instead)")
            throw ExitCode(2)
        }
        guard let files = StarterProject.make(directory: directory) else {
            printError("error: no YAML or JSON dataset in this folder; add one (for example plan.yaml with a `tasks:` list) and rerun `plancheck init`")
            throw ExitCode(2)
        }
        do {
            try FileSystem.writeAtomically(Array(files.rules.utf8), to: FileSystem.join(directory, StarterProject.rulesFileName))
            try FileSystem.writeAtomically(Array(files.config.utf8), to: FileSystem.join(directory, Configuration.fileName))
        } catch {
            printError("error: cannot write the starter files: \(error)")
            throw ExitCode(2)
        }
        let names = files.collections.map { "`\($0.name)`" }.joined(separator: ", ")
        print("wrote \(Configuration.fileName) and \(StarterProject.rulesFileName) for \(files.datasets.joined(separator: ", "))" +
              (names.isEmpty ? "" : " (collections: \(names))"))
        print("next: plancheck check   — then edit the rules; `plancheck rules list` shows the checkers")
    }
}
