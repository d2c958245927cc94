import Foundation
import Testing
@testable import PlanCheck

@Suite struct HostileCorpusTests {
    /// In process: every file is a located `LoadError` (an empty YAML file is one at check
    /// time; see the CLI test below).
    @Test func everyHostileFileIsALocatedInputError() {
        for (name, bytes) in HostileCorpus.files where name != "empty.yaml" {
            let error = loadError { () throws(LoadError) in try DatasetLoader.load(bytes: bytes, file: name) }
            #expect(error != nil, "\(name) was accepted")
            if let error { #expect(error.file == name && error.line >= 0 && !error.message.isEmpty, "\(error)") }
        }
    }

    /// Through the real binary, as a user or CI runs it: exit code 2, a `file:line:column:
    /// error:` line naming the file, no signal — each under a 10-second and 1 GB watchdog.
    @Test func theBinaryAnswersEveryHostileFileWithExitCode2() throws {
        let binary = try #require(CLITests.binary, "the plancheck binary was not built next to the tests")
        let dir = try TemporaryDirectory()
        dir.write("rules.yml", "ruleset: t\nrules:\n  - {id: lead, checker: required, target: '$.tasks[*]', fields: lead}\n")
        for (name, bytes) in HostileCorpus.files {
            _ = FileManager.default.createFile(atPath: dir.path + "/" + name, contents: Data(bytes))
            let run = try Self.run(binary, ["check", "--rules", "rules.yml", name], in: dir.path)
            #expect(run.status == 2, "\(name): exit status \(run.status) (signal or watchdog if above 128)\n\(run.stderr)")
            let output = run.stdout + run.stderr
            #expect(output.range(of: "\(name):[0-9]+:[0-9]+: input error: ", options: .regularExpression) != nil, "\(name): \(output)")
        }
        // All at once with a good file: the good file is still checked (its finding reported).
        dir.write("good.yaml", "tasks:\n  - {id: T1}\n")
        let all = try Self.run(binary, ["check", "--rules", "rules.yml", "--format", "json", "good.yaml"] + HostileCorpus.files.map(\.name), in: dir.path)
        #expect(all.status == 2)
        #expect(all.stdout.contains("good.yaml"), "\(all.stdout.prefix(500))")
    }

    /// Runs under `ulimit -v` (1 GiB of address space) and `timeout -s KILL 10`.
    static func run(_ binary: String, _ arguments: [String], in directory: String) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "ulimit -v 1048576; exec timeout -s KILL 10 \"$0\" \"$@\"", binary] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self))
    }
}
