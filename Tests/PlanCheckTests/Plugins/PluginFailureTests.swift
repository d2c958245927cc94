import Foundation
import Testing
@testable import PlanCheck

/// A plugin that hangs, crashes or prints garbage is an input error naming the plugin and the
/// rule; the other rules' findings are still reported.
@Suite struct PluginFailureTests {
    func failure(_ project: PluginProject) throws -> String {
        let result = try project.check(allowing: [project.stub])
        #expect(result.hasBuiltInFinding, "the built-in rule still reports")
        #expect(!result.findings.contains { $0.checker == "plugin:stub" })
        #expect(result.errors.count == 1)
        let error = try #require(result.errors.first)
        #expect(error.file.hasSuffix("/plan.yaml"), "located in the dataset the rule failed on")
        #expect(error.message.hasPrefix("rule `stub-rule`: plugin `stub` ("), "\(error.message)")
        return error.message
    }

    @Test func aHangingPluginIsStoppedAtItsTimeLimit() throws {
        // `sleep` is a child of the shell: the whole process group must go, or its inherited
        // pipe would hold the run open.
        let project = try PluginProject(program: "#!/bin/sh\nsleep 30\necho done\n", timeout: 0.5)
        let start = Date()
        let message = try failure(project)
        #expect(Date().timeIntervalSince(start) < 5)
        #expect(message.contains("did not answer within 0.5 s"), "\(message)")
    }

    @Test func aCrashIsReportedWithItsStandardError() throws {
        let project = try PluginProject(program: "#!/bin/sh\necho 'Traceback: budget module exploded' >&2\nexit 3\n")
        let message = try failure(project)
        #expect(message.contains("exited with status 3"), "\(message)")
        #expect(message.contains("its standard error begins: Traceback: budget module exploded"), "\(message)")
    }

    @Test func aSignalIsReported() throws {
        let project = try PluginProject(program: "#!/bin/sh\nkill -SEGV $$\n")
        #expect(try failure(project).contains("was killed by signal 11 (SIGSEGV)"))
    }

    @Test func garbageOutputIsReportedPrecisely() throws {
        let project = try PluginProject()
        project.reply("\u{1B}[31mhello\u{00} not json")
        let message = try failure(project)
        #expect(message.contains("which is not a JSON reply (line 1, column 1"), "\(message)")
        #expect(!message.contains("\u{1B}"), "control characters are not echoed to the terminal")
    }

    @Test func emptyOutputIsReported() throws {
        let project = try PluginProject()
        project.reply("")
        #expect(try failure(project).contains("printed nothing"))
    }

    @Test func aWrongProtocolVersionIsReported() throws {
        let project = try PluginProject()
        project.reply(#"{"protocol": "plancheck-plugin/2", "findings": []}"#)
        #expect(try failure(project).contains(#"speaks protocol "plancheck-plugin/2", but PlanCheck speaks "plancheck-plugin/1""#))
    }

    @Test func oversizedOutputIsCut() {
        let result = PluginProcess.run(program: "/bin/sh", arguments: ["-c", "while :; do echo garbage-garbage-garbage; done"],
                                       input: [], timeout: 20, maxOutput: 1 << 20)
        #expect(result.ending == .outputTooLarge)
        #expect(result.stdout.count < 2 << 20)
    }

    @Test func aProgramThatIgnoresItsInputDoesNotBreakTheRun() {
        // Standard input closes unread: writing gets EPIPE, not a SIGPIPE that would kill us.
        let input = [UInt8](repeating: 0x20, count: 4 << 20)
        let result = PluginProcess.run(program: "/bin/sh", arguments: ["-c", "echo ok"], input: input, timeout: 20)
        #expect(result.ending == .exited(0))
        #expect(result.stdout == Array("ok\n".utf8))
    }

    @Test func aProgramThatCannotStartIsReported() {
        let result = PluginProcess.run(program: "/nonexistent/program", arguments: [], input: [], timeout: 5)
        guard case .launchFailed(let why) = result.ending else {
            Issue.record("expected a launch failure, got \(result.ending)")
            return
        }
        #expect(why.contains("/nonexistent/program"))
    }
}
