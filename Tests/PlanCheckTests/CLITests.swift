import Foundation
import Testing
@testable import PlanCheck

/// End-to-end: the `plancheck` binary's exit codes and outputs.
@Suite struct CLITests {
    static let binary: String? = {
        // The test runner sits next to the built products.
        let folder = FileSystem.directory(of: CommandLine.arguments[0])
        for candidate in [folder + "/plancheck", FileSystem.directory(of: folder) + "/plancheck", repositoryRoot + "/.build/debug/plancheck"]
        where FileManager.default.isExecutableFile(atPath: candidate) {
            return candidate
        }
        return nil
    }()

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    func run(_ arguments: [String], in directory: String? = nil, environment: [String: String] = [:]) throws -> Run {
        let binary = try #require(Self.binary, "the plancheck binary was not built next to the tests")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory ?? repositoryRoot)
        var env = ProcessInfo.processInfo.environment
        for (k, v) in environment { env[k] = v }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
    }

    static let rules = """
    ruleset: t
    rules:
      - {id: lead-required, checker: required, target: '$.tasks[*]', fields: lead}
      - {id: owner-required, checker: required, target: '$.tasks[*]', fields: owner, severity: warning}
    """

    @Test func exitCodesSeparateFindingsFromInputErrors() throws {
        let dir = try TemporaryDirectory()
        dir.write("rules.yml", Self.rules)
        dir.write("clean.yaml", "tasks:\n  - {id: T1, lead: 市外办, owner: 张三}\n")
        dir.write("warn.yaml", "tasks:\n  - {id: T1, lead: 市外办}\n")
        dir.write("bad.yaml", "tasks:\n  - {id: T1}\n")
        dir.write("broken.yaml", "tasks: [\n")
        #expect(try run(["check", "--rules", "rules.yml", "clean.yaml"], in: dir.path).status == 0)
        #expect(try run(["check", "--rules", "rules.yml", "warn.yaml"], in: dir.path).status == 0)
        #expect(try run(["check", "--rules", "rules.yml", "--fail-on", "warning", "warn.yaml"], in: dir.path).status == 1)
        #expect(try run(["check", "--rules", "rules.yml", "bad.yaml"], in: dir.path).status == 1)
        let broken = try run(["check", "--rules", "rules.yml", "bad.yaml", "broken.yaml"], in: dir.path)
        #expect(broken.status == 2)
        #expect(broken.stdout.contains("broken.yaml:2:1: input error:"))
        #expect(broken.stdout.contains("bad.yaml:2:5: error: T1: missing required field `lead` [lead-required]"), "other files are still checked")
        #expect(try run(["check", "--rules", "missing.yml", "clean.yaml"], in: dir.path).status == 2)
        #expect(try run(["check", "--rules", "rules.yml", "--as-of", "yesterday", "clean.yaml"], in: dir.path).status == 2)
        #expect(try run(["check", "--rules", "rules.yml", "--format", "pdf", "clean.yaml"], in: dir.path).status == 2)
        #expect(try run(["check", "--rules", "rules.yml", "nowhere.yaml"], in: dir.path).status == 2)
    }

    /// `PLANCHECK_TIMING` prints where the time went to standard error, one line per phase and
    /// rule, and leaves standard output (the report) as it was.
    @Test func timingTableOnRequest() throws {
        let dir = try TemporaryDirectory()
        dir.write("rules.yml", Self.rules)
        dir.write("bad.yaml", "tasks:\n  - {id: T1}\n")
        let plain = try run(["check", "--rules", "rules.yml", "-j", "1", "bad.yaml"], in: dir.path)
        let timed = try run(["check", "--rules", "rules.yml", "-j", "1", "bad.yaml"], in: dir.path, environment: ["PLANCHECK_TIMING": "1"])
        #expect(timed.stdout == plain.stdout)
        #expect(timed.status == plain.status)
        #expect(!plain.stderr.contains("peak MB"))
        let lines = timed.stderr.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("phase") == true && lines.first?.hasSuffix("ms  times  peak MB") == true)
        for phase in ["load bad.yaml", "rule lead-required", "rule owner-required", "report text", "configuration and rules"] {
            #expect(lines.contains { $0.hasPrefix(phase + " ") && $0.split(separator: " ").count >= 4 }, "\(phase) in \(timed.stderr)")
        }
    }

    @Test func colourOnlyOnATerminal() throws {
        let dir = try TemporaryDirectory()
        dir.write("rules.yml", Self.rules)
        dir.write("bad.yaml", "tasks:\n  - {id: T1}\n")
        let piped = try run(["check", "--rules", "rules.yml", "bad.yaml"], in: dir.path)
        #expect(!piped.stdout.contains("\u{1B}["))
    }

    @Test func jsonOutputToAFile() throws {
        let dir = try TemporaryDirectory()
        dir.write("rules.yml", Self.rules)
        dir.write("bad.yaml", "tasks:\n  - {id: T1}\n")
        let result = try run(["check", "--rules", "rules.yml", "--format", "json", "--output", "out.json", "bad.yaml"], in: dir.path)
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        let data = try Data(contentsOf: URL(fileURLWithPath: dir.path + "/out.json"))
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let findings = try #require(json["findings"] as? [[String: Any]])
        #expect(findings.count == 2)
        #expect(findings.first?["rule"] as? String == "lead-required")
        #expect(findings.first?["path"] as? String == "$['tasks'][0]")
        #expect(findings.first?["record"] as? String == "T1")
        let summary = try #require(json["summary"] as? [String: Any])
        #expect(summary["errors"] as? Int == 1)
        #expect(summary["warnings"] as? Int == 1)
    }

    @Test func configIsFoundNextToThePath() throws {
        let result = try run(["check", "Examples/shenzhen-2011"])
        #expect(result.status == 1, "G1 is overdue: an error finding. \(result.stderr)")
        let golden = try String(contentsOfFile: repositoryRoot + "/Examples/shenzhen-2011/expected.txt", encoding: .utf8)
        #expect(result.stdout == golden)
    }

    @Test func explainPrintsOptionsAndExamples() throws {
        let result = try run(["rules", "explain", "required"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("| `fields` | string or list of strings | yes |"))
        #expect(result.stdout.contains("Triggers: A measure without a lead unit"))
        let rule = try run(["rules", "explain", "measure-action-exists", "--config", "Examples/shenzhen-2011/.plancheck.yml"])
        #expect(rule.stdout.contains("Rule measure-action-exists — checker `reference`, severity error"))
        let packRule = try run(["rules", "explain", "task-deadline"])
        #expect(packRule.stdout.contains("Rule task-deadline — checker `deadline`"), "pack rules explain without a project")
        #expect(try run(["rules", "explain", "no-such-thing"]).status == 2)
    }

    /// `rules list` names the built-in packs; explaining one lists its rules instead of
    /// calling it unknown.
    @Test func explainAPackListsItsRules() throws {
        let pack = try run(["rules", "explain", "deadlines"], in: NSTemporaryDirectory())
        #expect(pack.status == 0, "\(pack.stderr)")
        #expect(pack.stdout.contains("Built-in pack `deadlines`"))
        #expect(pack.stdout.contains("task-deadline"))
        let both = try run(["rules", "explain", "accountability"], in: NSTemporaryDirectory())
        #expect(both.stdout.contains("# `accountability`"), "the checker's documentation")
        #expect(both.stdout.contains("Built-in pack `accountability`"))
        #expect(both.stdout.contains("task-owner"))
    }

    /// A pack's rule lives in the binary: `explain` names the pack, not a path a user lacks.
    @Test func explainAPackRuleNamesItsPack() throws {
        let rule = try run(["rules", "explain", "task-deadline"], in: repositoryRoot + "/Examples/audit-demo")
        #expect(rule.status == 0, "\(rule.stderr)")
        #expect(rule.stdout.contains("Defined at the built-in pack `deadlines` (line "), "\(rule.stdout)")
    }
}
