import Foundation
@testable import PlanCheck

/// A project folder for plugin tests: `.plancheck.yml` declaring plugin `stub`, a rule file with
/// one built-in rule and one plugin rule, a dataset, and executable stub programs.
struct PluginProject {
    let dir: TemporaryDirectory
    var path: String { dir.path }

    /// T2 has no lead: the built-in rule `lead-required` reports it whatever the plugin does.
    static let plan = """
    tasks:
      - id: T1
        lead: 市外办
        budget: 5
      - id: T2
        budget: 7
    """

    /// A stub that saves its request next to itself and answers with `reply.json` from there.
    static let answering = """
    #!/bin/sh
    here=$(dirname "$0")
    cat > "$here/request.json"
    cat "$here/reply.json"
    """

    /// - Parameters:
    ///   - program: the stub's shell script.
    ///   - timeout: the plugin's `timeout:` (seconds), omitted when nil.
    init(program: String = PluginProject.answering, timeout: Double? = nil, config extra: String = "") throws {
        dir = try TemporaryDirectory()
        self.program("stub.sh", program)
        let timeoutText = timeout.map { ", timeout: \($0)" } ?? ""
        dir.write(".plancheck.yml", """
        rules: [rules.yml]
        datasets: [plan.yaml]
        asOf: 2020-06-30
        plugins:
          stub: {command: [./stub.sh, --flag]\(timeoutText)}
        \(extra)
        """)
        dir.write("rules.yml", """
        ruleset: plugin-tests
        rules:
          - {id: lead-required, checker: required, target: '$.tasks[*]', fields: lead}
          - id: stub-rule
            checker: plugin:stub
            target: $.tasks[*]
            limit: 6
            labels: [甲, b]
        """)
        dir.write("plan.yaml", Self.plan)
    }

    var stub: String { path + "/stub.sh" }

    /// Writes an executable script. Opened close-on-exec: a process another test forks while
    /// the file is open for writing would otherwise keep it open, and starting the script would
    /// fail with ETXTBSY ("Text file busy") for as long as that process lives.
    @discardableResult
    func program(_ name: String, _ script: String) -> String {
        let file = path + "/" + name
        let fd = open(file, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o755)
        precondition(fd >= 0, "cannot write \(file)")
        let bytes = Array(script.utf8)
        precondition(write(fd, bytes, bytes.count) == bytes.count)
        close(fd)
        return file
    }

    func reply(_ text: String) { dir.write("reply.json", text) }

    func exists(_ name: String) -> Bool { FileManager.default.fileExists(atPath: path + "/" + name) }

    func project(allowing allowed: [String], jobs: Int = 1) throws -> Project {
        try Project(configuration: Configuration.load(path: path + "/.plancheck.yml"), jobs: jobs,
                    pluginPermissions: PluginPermissions(paths: allowed))
    }

    func check(allowing allowed: [String], jobs: Int = 1) throws -> CheckResult {
        let project = try project(allowing: allowed, jobs: jobs)
        return project.engine.check(files: project.datasetFiles(paths: []))
    }
}

extension CheckResult {
    /// The built-in rule's finding, which a failing plugin must not suppress.
    var hasBuiltInFinding: Bool { findings.contains { $0.rule == "lead-required" && $0.record == "T2" } }
}
