import Foundation
import Testing
@testable import PlanCheck

@Suite struct HostileCorpusTests {
    /// In process: every file is a located `LoadError`, or (an empty YAML document) a document
    /// without roots, which the engine refuses at check time (see the CLI test below).
    @Test func everyHostileFileIsALocatedInputError() {
        for (name, bytes) in HostileCorpus.files {
            var roots = -1
            let error = loadError { () throws(LoadError) in
                let document = try DatasetLoader.load(bytes: bytes, file: name)
                roots = document.roots.count
                return document
            }
            #expect(error != nil || roots == 0, "\(name) was accepted")
            if let error { #expect(error.file == name && error.line >= 0 && !error.message.isEmpty, "\(error)") }
        }
    }

    @Test func everyOddButValidFileIsRead() {
        for (name, bytes) in HostileCorpus.validFiles {
            let error = loadError { () throws(LoadError) in try DatasetLoader.load(bytes: bytes, file: name) }
            #expect(error == nil, "\(name): \(String(describing: error))")
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
        for (name, bytes) in HostileCorpus.validFiles {
            _ = FileManager.default.createFile(atPath: dir.path + "/" + name, contents: Data(bytes))
            let run = try Self.run(binary, ["check", "--rules", "rules.yml", name], in: dir.path)
            #expect(run.status == 0 || run.status == 1, "\(name): exit status \(run.status)\n\(run.stderr)")
            #expect(!(run.stdout + run.stderr).contains("input error"), "\(name): \(run.stdout + run.stderr)")
        }
        // All at once with a good file: the good file is still checked (its finding reported).
        dir.write("good.yaml", "tasks:\n  - {id: T1}\n")
        // (One process reads all of them, so it gets more than one file's 10 seconds.)
        let all = try Self.run(binary, ["check", "--rules", "rules.yml", "--format", "json", "good.yaml"] + HostileCorpus.files.map(\.name),
                               in: dir.path, seconds: 120)
        #expect(all.status == 2)
        #expect(all.stdout.contains("good.yaml"), "\(all.stdout.prefix(500))")
    }

    /// AddressSanitizer and ThreadSanitizer reserve terabytes of address space for their shadow
    /// memory, so under Scripts/sanitize.sh the binary cannot run under `ulimit -v`.
    static let sanitized = ["__asan_init", "__tsan_init"].contains { (name: String) in dlsym(nil, name) != nil }

    /// Runs under `ulimit -v` (1 GiB of address space; not when sanitized) and `timeout -s KILL 10`.
    static func run(_ binary: String, _ arguments: [String], in directory: String, seconds: Int = 10) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        let memory = sanitized ? "" : "ulimit -v 1048576; "
        process.arguments = ["-c", memory + "exec timeout -s KILL \(seconds) \"$0\" \"$@\"", binary] + arguments
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
