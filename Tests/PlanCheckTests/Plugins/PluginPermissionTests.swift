import Foundation
import Testing
@testable import PlanCheck

/// No external program starts unless the user allowed it; nothing in the project can allow it.
@Suite struct PluginPermissionTests {
    static let marker = "#!/bin/sh\ntouch \"$(dirname \"$0\")/started\"\ncat >/dev/null\necho '{\"protocol\": \"plancheck-plugin/1\", \"findings\": []}'\n"

    @Test func withoutPermissionTheProgramIsNotStarted() throws {
        let project = try PluginProject(program: Self.marker)
        let result = try project.check(allowing: [])
        #expect(!project.exists("started"), "the program must not run")
        #expect(result.hasBuiltInFinding, "the built-in rules still run")
        #expect(result.errors.count == 1, "one error for the rule, not one per file")
        let error = try #require(result.errors.first)
        #expect(error.file.hasSuffix("/rules.yml") && error.line == 5, "located at the rule's `checker:`")
        #expect(error.message.contains("rule `stub-rule`: plugin `stub` was not run"))
        let real = try #require(PluginPermissions.realPath(project.stub))
        #expect(error.message.contains("--allow-plugin \(real)"), "says how to allow it: \(error.message)")
        #expect(error.message.contains(PluginPermissions.environmentVariable))
    }

    @Test func permissionRuns() throws {
        let project = try PluginProject(program: Self.marker)
        let result = try project.check(allowing: [project.stub])
        #expect(project.exists("started"))
        #expect(result.errors.isEmpty)
    }

    @Test func allowingAnotherProgramDoesNotAllowThisOne() throws {
        let project = try PluginProject(program: Self.marker)
        let other = project.program("other.sh", Self.marker)
        _ = try project.check(allowing: [other, "/usr/bin/env", project.path])
        #expect(!project.exists("started"))
    }

    @Test func programsAreComparedByTheirRealPath() throws {
        let project = try PluginProject(program: Self.marker)
        try FileManager.default.createSymbolicLink(atPath: project.path + "/link.sh", withDestinationPath: project.stub)
        _ = try project.check(allowing: [project.path + "/./link.sh"])
        #expect(project.exists("started"), "a link to the declared program names the same program")
    }

    @Test func aPluginRuleTurnedOffIsNoError() throws {
        let project = try PluginProject(program: Self.marker, config: "severity: {stub-rule: off}")
        let result = try project.check(allowing: [])
        #expect(result.errors.isEmpty)
        #expect(!project.exists("started"))
    }

    @Test func theUsersAllowFileAndEnvironmentAllow() throws {
        let project = try PluginProject(program: Self.marker)
        let home = try TemporaryDirectory()
        home.write("plancheck/allowed-plugins", "# programs I trust\n  \(project.stub)  # the stub\n\n")
        let fromFile = PluginPermissions.standard(commandLine: [], projectDirectory: project.path,
                                                  environment: ["XDG_CONFIG_HOME": home.path])
        let fromEnvironment = PluginPermissions.standard(commandLine: [], projectDirectory: project.path,
                                                         environment: [PluginPermissions.environmentVariable: "/nonexistent:" + project.stub])
        let real = try #require(PluginPermissions.realPath(project.stub))
        #expect(fromFile.permits(realPath: real))
        #expect(fromEnvironment.permits(realPath: real))
        #expect(!PluginPermissions.standard(commandLine: [], projectDirectory: nil, environment: [:]).permits(realPath: real))
    }

    @Test func anAllowFileInsideTheProjectIsIgnored() throws {
        let project = try PluginProject(program: Self.marker)
        // A repository that sets XDG_CONFIG_HOME to itself (or is the home folder) cannot allow its own programs.
        project.dir.write("config/plancheck/allowed-plugins", project.stub + "\n")
        let permissions = PluginPermissions.standard(commandLine: [], projectDirectory: project.path,
                                                     environment: ["XDG_CONFIG_HOME": project.path + "/config"])
        #expect(permissions.allowed.isEmpty)
    }

    /// The message of the `LoadError` `body` throws, nil when it throws none.
    func loadError(_ body: () throws -> Void) -> String? {
        do { try body() } catch let error as LoadError { return error.message } catch { return "\(error)" }
        return nil
    }

    @Test func configurationErrors() throws {
        let project = try PluginProject()
        project.dir.write("rules.yml", "ruleset: t\nrules:\n  - {id: r, checker: stub, target: '$.tasks[*]'}\n")
        let bare = loadError { _ = try project.check(allowing: []) }
        #expect(bare?.contains("did you mean `plugin:stub`?") == true, "\(bare ?? "no error")")
        project.dir.write("rules.yml", "ruleset: t\nrules:\n  - {id: r, checker: 'plugin:nope', target: '$.tasks[*]'}\n")
        let unknown = loadError { _ = try project.check(allowing: []) }
        #expect(unknown?.contains("unknown plugin `nope`") == true && unknown?.contains("declared: stub") == true, "\(unknown ?? "no error")")
        for (plugins, expected) in [
            ("{stub: {command: []}}", "must start with the program"),
            ("{stub: {command: [x], timeout: 0}}", "`timeout` must be a number of seconds"),
            ("{stub: {command: [x], timeot: 3}}", "did you mean `timeout`?"),
            ("{stub: {timeout: 3}}", "needs `command`"),
            ("{'a b': {command: [x]}}", "may contain only letters"),
        ] {
            project.dir.write(".plancheck.yml", "rules: [rules.yml]\nplugins: \(plugins)\n")
            let message = loadError { _ = try Configuration.load(path: project.path + "/.plancheck.yml") }
            #expect(message?.contains(expected) == true, "\(plugins): \(message ?? "no error")")
        }
    }
}
