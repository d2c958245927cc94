import Foundation
import Testing
@testable import PlanCheck

/// Through the `plancheck` binary: exit code 2 and the message, with the built-in findings.
@Suite struct PluginCLITests {
    let cli = CLITests()

    @Test func aCrashingPluginExitsWithCode2AndTheOtherFindingsAreReported() throws {
        let project = try PluginProject(program: "#!/bin/sh\necho 'no budget table' >&2\nexit 1\n")
        let run = try cli.run(["check", "--allow-plugin", "stub.sh"], in: project.path)
        #expect(run.status == 2)
        #expect(run.stdout.contains("plan.yaml:1:1: input error: rule `stub-rule`: plugin `stub` ("), "\(run.stdout)")
        #expect(run.stdout.contains("exited with status 1; its standard error begins: no budget table"))
        #expect(run.stdout.contains("plan.yaml:5:5: error: T2: missing required field `lead` [lead-required]"))
    }

    @Test func aHangingPluginExitsWithCode2() throws {
        let project = try PluginProject(program: "#!/bin/sh\nexec sleep 30\n", timeout: 0.5)
        let run = try cli.run(["check", "--allow-plugin", "stub.sh", "--format", "json"], in: project.path)
        #expect(run.status == 2)
        #expect(run.stdout.contains("did not answer within 0.5 s"))
        #expect(run.stdout.contains("\"rule\": \"lead-required\""))
    }

    @Test func withoutPermissionNothingStartsAndTheMessageSaysHowToAllow() throws {
        let project = try PluginProject(program: PluginPermissionTests.marker)
        let run = try cli.run(["check"], in: project.path, environment: [PluginPermissions.environmentVariable: ""])
        #expect(run.status == 2)
        #expect(!project.exists("started"))
        #expect(run.stdout.contains("rules.yml:5:14: input error: rule `stub-rule`: plugin `stub` was not run"), "\(run.stdout)")
        #expect(run.stdout.contains("--allow-plugin /"))
        #expect(run.stdout.contains("[lead-required]"))
    }

    @Test func theEnvironmentVariableAllows() throws {
        let project = try PluginProject(program: PluginPermissionTests.marker)
        let run = try cli.run(["check"], in: project.path, environment: [PluginPermissions.environmentVariable: project.stub])
        #expect(project.exists("started"))
        #expect(run.status == 1, "only the built-in finding remains: \(run.stdout)")
    }

    @Test func aMistypedPermissionIsAUsageError() throws {
        let project = try PluginProject()
        let run = try cli.run(["check", "--allow-plugin", "stub.shh"], in: project.path)
        #expect(run.status == 2)
        #expect(run.stderr.contains("--allow-plugin: no such program `stub.shh`"), "\(run.stderr)")
    }
}
