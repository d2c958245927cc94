import Foundation
import Testing
@testable import PlanCheck

/// A data repository in CI (issue 19's bars): several plan folders each with its own
/// configuration checked in one run, reports that are always written, baseline hygiene.
@Suite struct CIRepositoryTests {
    let cli = CLITests()

    /// `plans/a` and `plans/b`, each with its own rules, as-of date, severity overrides and
    /// ignores; `b`'s tasks have no `lead`, which only `a`'s rule asks for, so applying `a`'s
    /// configuration to `b` (the old behaviour) would add findings.
    static func twoFolderRepository() throws -> TemporaryDirectory {
        let repo = try TemporaryDirectory()
        try FileManager.default.createDirectory(atPath: repo.path + "/.git", withIntermediateDirectories: true)
        repo.write("plans/a/.plancheck.yml", """
            rules: [rules.yml]
            asOf: 2011-12-31
            severity: {owner-required: error}
            ignore:
              - {rule: lead-required, records: [A9], reason: appointed later}
            """)
        repo.write("plans/a/rules.yml", """
            ruleset: a
            rules:
              - {id: lead-required, checker: required, target: '$.tasks[*]', fields: lead}
              - {id: owner-required, checker: required, target: '$.tasks[*]', fields: owner, severity: warning}
            """)
        repo.write("plans/a/plan.yaml", """
            tasks:
              - {id: A1, lead: 市外办, owner: 张三}
              - {id: A2, owner: 李四}
              - {id: A3, lead: 市外办}
              - {id: A9}
            """)
        repo.write("plans/b/.plancheck.yml", """
            rules: [checks.yml]
            datasets: [tasks.yaml]
            asOf: 2020-06-30
            """)
        repo.write("plans/b/checks.yml", """
            ruleset: b
            rules:
              - {id: due-required, checker: required, target: '$.tasks[*]', fields: due, severity: warning}
            """)
        repo.write("plans/b/tasks.yaml", """
            tasks:
              - {id: B1, due: 2020-12-31}
              - {id: B2}
            """)
        repo.write("plans/b/notes.yaml", "tasks:\n  - {id: N1}\n")  // not among b's `datasets:`
        return repo
    }

    /// (uri, line, rule, level, message) of every SARIF result.
    static func sarifResults(_ path: String) throws -> Set<String> {
        let log = try #require(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        return Set(try #require(run["results"] as? [[String: Any]]).map { result in
            let location = ((result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
            let uri = (location?["artifactLocation"] as? [String: Any])?["uri"] as? String ?? ""
            let line = (location?["region"] as? [String: Any])?["startLine"] as? Int ?? 0
            let message = (result["message"] as? [String: Any])?["text"] as? String ?? ""
            return "\(uri):\(line) \(result["ruleId"] ?? "") \(result["level"] ?? "") \(message)"
        })
    }

    /// Every `<testcase …>` line with its `<failure …>` line, as text.
    static func junitCases(_ path: String) throws -> Set<String> {
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
        var cases = Set<String>()
        for (i, line) in lines.enumerated() where line.contains("<testcase ") && line.contains("line=") {
            cases.insert(line.trimmingCharacters(in: .whitespaces) + (i + 1 < lines.count ? lines[i + 1].trimmingCharacters(in: .whitespaces) : ""))
        }
        return cases
    }

    @Test func oneRunFromTheRootIsTheUnionOfEachFoldersOwnFindings() throws {
        let repo = try Self.twoFolderRepository()
        let reports = ["--format", "sarif", "--format", "junit", "--output", "out.sarif", "--output", "out.xml"]
        for folder in ["plans/a", "plans/b"] {
            let own = try cli.run(["check"] + reports, in: repo.path + "/" + folder)
            #expect(own.status == (folder == "plans/a" ? 1 : 0), "\(folder): \(own.stderr)")  // b has only warnings
        }
        let all = try cli.run(["check", "."] + reports, in: repo.path)
        #expect(all.status == 1, "\(all.stderr)")
        let union = try Self.sarifResults(repo.path + "/plans/a/out.sarif").union(Self.sarifResults(repo.path + "/plans/b/out.sarif"))
        let combined = try Self.sarifResults(repo.path + "/out.sarif")
        #expect(combined == union)
        #expect(combined.count == 4)  // A2 lead; A3, A9 owner (overridden to error); B2 due (warning); A9's lead ignored
        #expect(combined.contains { $0.hasPrefix("plans/a/plan.yaml:4 owner-required error") })
        #expect(!combined.contains { $0.contains("plans/b") && $0.contains("lead-required") }, "a's rules never judge b's data")
        #expect(!combined.contains { $0.contains("notes.yaml") }, "b claims only its `datasets:`")
        let junitUnion = try Self.junitCases(repo.path + "/plans/a/out.xml").union(Self.junitCases(repo.path + "/plans/b/out.xml"))
        #expect(try Self.junitCases(repo.path + "/out.xml") == junitUnion)
        #expect(junitUnion.count == 4)
        // Naming the folders gives the same as `.`.
        let named = try cli.run(["check", "plans/a", "plans/b", "--format", "sarif", "--output", "named.sarif"], in: repo.path)
        #expect(named.status == 1)
        #expect(try Self.sarifResults(repo.path + "/named.sarif") == combined)
    }

    /// The audit judges each dataset as `check` does: by the nearest configuration above it
    /// (here two as-of dates), not by one configuration found from the current folder; a
    /// dataset no configuration governs gets the built-in packs.
    @Test func auditFromTheRootUsesEachFoldersOwnConfiguration() throws {
        let repo = try TemporaryDirectory()
        try FileManager.default.createDirectory(atPath: repo.path + "/.git", withIntermediateDirectories: true)
        let plan = "tasks:\n  - {id: T1, title: 建设, lead: 市外办, due: 2011-06-30, status: 未开始}\n"
        repo.write("plans/late/.plancheck.yml", "packs: [deadlines]\nasOf: 2011-12-31\n")
        repo.write("plans/late/plan.yaml", plan)
        repo.write("plans/early/.plancheck.yml", "packs: [deadlines]\nasOf: 2010-01-01\n")
        repo.write("plans/early/plan.yaml", plan)
        repo.write("loose/plan.yaml", plan)
        let run = try cli.run(["audit", "plans", "loose", "--format", "json", "--as-of", "2012-01-01"], in: repo.path)
        #expect(run.status == 0, "\(run.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let tasks = try #require(json["tasks"] as? [[String: Any]])
        let states = Dictionary(uniqueKeysWithValues: tasks.map { ($0["file"] as? String ?? "", $0["status"] as? String ?? "") })
        // --as-of wins over both configurations, as in `check`.
        #expect(states == ["plans/late/plan.yaml": "overdue", "plans/early/plan.yaml": "overdue", "loose/plan.yaml": "overdue"])
        let own = try cli.run(["audit", "plans", "--format", "json"], in: repo.path)
        let ownTasks = try #require((try JSONSerialization.jsonObject(with: Data(own.stdout.utf8)) as? [String: Any])?["tasks"] as? [[String: Any]])
        #expect(Dictionary(uniqueKeysWithValues: ownTasks.map { ($0["file"] as? String ?? "", $0["status"] as? String ?? "") })
                == ["plans/late/plan.yaml": "overdue", "plans/early/plan.yaml": "not-started"])
        // The same findings as `check` of the same folders.
        let check = try cli.run(["check", "plans"], in: repo.path)
        #expect(check.stdout.contains("plans/late/plan.yaml:2:41: error: T1: overdue"), "\(check.stdout)")
        #expect(!check.stdout.contains("plans/early/plan.yaml:2:"), "\(check.stdout)")
        // The built-in packs judge a folder no configuration governs (plan-basics asks for an owner, …).
        let loose = try cli.run(["audit", "loose", "--format", "json"], in: repo.path)
        #expect(loose.status == 0, "\(loose.stderr)")
        #expect(loose.stdout.contains("\"loose/plan.yaml\""))
    }

    @Test func oneConfigurationForAllWithConfig() throws {
        let repo = try Self.twoFolderRepository()
        let run = try cli.run(["check", "--config", "plans/a/.plancheck.yml", "plans/b/tasks.yaml"], in: repo.path)
        #expect(run.stdout.contains("plans/b/tasks.yaml:2:5: error: B1: missing required field `lead` [lead-required]"), "\(run.stdout)")
    }

    @Test func noConfigurationSaysWhereItLooked() throws {
        let repo = try TemporaryDirectory()
        try FileManager.default.createDirectory(atPath: repo.path + "/.git", withIntermediateDirectories: true)
        repo.write("plan.yaml", "tasks: []\n")
        let run = try cli.run(["check"], in: repo.path)
        #expect(run.status == 2)
        #expect(run.stdout.contains("no configuration found: no .plancheck.yml in \(repo.path)"), "\(run.stdout)")
        let list = try cli.run(["rules", "list"], in: repo.path)
        #expect(list.status == 0)
        #expect(list.stdout.contains("No configuration found: no .plancheck.yml in \(repo.path)"), "\(list.stdout)")
    }

    // MARK: - Outputs that are safe

    @Test func outputToDevStderrWritesTheStreamAndKeepsTheLink() throws {
        let repo = try Self.twoFolderRepository()
        let run = try cli.run(["check", "--format", "json", "--output", "/dev/stderr"], in: repo.path + "/plans/a")
        #expect(run.status == 1)
        #expect(run.stderr.contains("\"findings\""), "the report reaches standard error")
        #expect(run.stdout.isEmpty)
        let attributes = try FileManager.default.attributesOfItem(atPath: "/dev/stderr")
        #expect(attributes[.type] as? FileAttributeType == .typeSymbolicLink, "/dev/stderr is still a link")
    }

    /// Standard error redirected to a file with `>>`: the report is appended through the
    /// descriptor, the log keeps its earlier lines, and the link stays.
    @Test func outputToDevStderrRedirectedToAFile() throws {
        let repo = try Self.twoFolderRepository()
        let log = repo.write("log.txt", "earlier line\n")
        let binary = try #require(CLITests.binary)
        let shell = try Self.shell("cd '\(repo.path)/plans/a' && '\(binary)' check --format json --output /dev/stderr 2>>'\(log)'")
        #expect(shell.status == 1)
        let text = try String(contentsOfFile: log, encoding: .utf8)
        #expect(text.hasPrefix("earlier line\n{"), "\(text)")
    }

    @Test func outputToAFIFOAndAProcessSubstitution() throws {
        let repo = try Self.twoFolderRepository()
        let binary = try #require(CLITests.binary)
        let fifo = repo.path + "/report.fifo"
        #expect(mkfifo(fifo, 0o644) == 0)
        let received = repo.path + "/received.json"
        let shell = try Self.shell("""
            cd '\(repo.path)/plans/a'
            cat '\(fifo)' > '\(received)' &
            '\(binary)' check --format json --output '\(fifo)'; echo "fifo:$?"
            wait
            '\(binary)' check --format json --output >(cat > '\(repo.path)/substituted.json'); echo "subst:$?"
            sleep 0.2
            """)
        #expect(shell.output.contains("fifo:1") && shell.output.contains("subst:1"), "\(shell.output)")
        var info = stat()
        #expect(lstat(fifo, &info) == 0 && (info.st_mode & S_IFMT) == S_IFIFO, "the FIFO is still a FIFO")
        #expect(try String(contentsOfFile: received, encoding: .utf8).contains("\"findings\""))
        #expect(try String(contentsOfFile: repo.path + "/substituted.json", encoding: .utf8).contains("\"findings\""))
    }

    static func shell(_ script: String) throws -> (status: Int32, output: String) {
        let result = try runMerged("/bin/bash", ["-c", script])
        return (result.status, result.text)
    }

    // MARK: - Errors before checking still produce every report

    static let everyReport = ["--format", "sarif", "--format", "junit", "--format", "github",
                              "--output", "reports/out.sarif", "--output", "reports/out.xml"]

    /// SARIF's notifications, JUnit's `<error>`s and GitHub's `::error` lines of one run.
    static func errorsInReports(_ root: String, githubOutput: String) throws -> (sarif: [String], junit: Int, github: [String]) {
        let log = try #require(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: root + "/reports/out.sarif"))) as? [String: Any])
        let invocation = try #require(((log["runs"] as? [[String: Any]])?.first?["invocations"] as? [[String: Any]])?.first)
        #expect(invocation["executionSuccessful"] as? Bool == false)
        let notes = (invocation["toolExecutionNotifications"] as? [[String: Any]] ?? []).compactMap { ($0["message"] as? [String: Any])?["text"] as? String }
        let junit = try String(contentsOfFile: root + "/reports/out.xml", encoding: .utf8).components(separatedBy: "<error ").count - 1
        let github = githubOutput.split(separator: "\n").map(String.init).filter { $0.hasPrefix("::error ") && $0.contains("input error") }
        return (notes, junit, github)
    }

    @Test func aConfigurationErrorIsInEveryReport() throws {
        let repo = try Self.twoFolderRepository()
        repo.write("plans/b/.plancheck.yml", """
            rules: [checks.yml]
            datasets: [tasks.yaml]
            packs: [permit]
            severity: {due-requird: warning}
            ignore:
              - {rule: due-required, records: [B2]}
            """)
        let run = try cli.run(["check", "."] + Self.everyReport, in: repo.path)
        #expect(run.status == 2)
        let found = try Self.errorsInReports(repo.path, githubOutput: run.stdout)
        #expect(found.sarif.contains { $0.contains("unknown rule pack `permit`") }, "\(found.sarif)")
        #expect(found.sarif.contains { $0.contains("reason") }, "the ignore entry without a reason, in the same run")
        #expect(found.junit >= 2)
        #expect(run.stdout.contains("::error file=plans/b/.plancheck.yml,line=3,col="), "\(run.stdout)")
        // `a` is still checked.
        #expect(try Self.sarifResults(repo.path + "/reports/out.sarif").contains { $0.hasPrefix("plans/a/plan.yaml:3 lead-required") })
    }

    @Test func aMissingPathIsAnInputErrorNotAnAbort() throws {
        let repo = try Self.twoFolderRepository()
        let run = try cli.run(["check", "plans/a/plan.yaml", "plans/a/deleted.yaml"] + Self.everyReport, in: repo.path)
        #expect(run.status == 2)
        let found = try Self.errorsInReports(repo.path, githubOutput: run.stdout)
        #expect(found.sarif == ["no such file or folder"])
        #expect(found.junit == 1)
        #expect(found.github.first?.hasPrefix("::error file=plans/a/deleted.yaml,title=") == true, "\(run.stdout)")
        #expect(try Self.sarifResults(repo.path + "/reports/out.sarif").count == 3, "the file that exists is checked")
    }

    @Test func anUnwritableOutputIsInTheOtherReports() throws {
        let repo = try Self.twoFolderRepository()
        repo.write("blocker", "a file where a folder should be\n")
        let run = try cli.run(["check", "plans/a", "--format", "sarif", "--format", "junit", "--format", "github", "--format", "json",
                               "--output", "reports/out.sarif", "--output", "reports/out.xml", "--output", "-", "--output", "blocker/out.json"],
                              in: repo.path)
        #expect(run.status == 2)
        let found = try Self.errorsInReports(repo.path, githubOutput: run.stdout)
        #expect(found.sarif == ["the report cannot be written: `blocker` is a file, not a folder"])
        #expect(found.junit == 1)
        #expect(found.github.count == 1)
        #expect(run.stderr.contains("error: cannot write `blocker/out.json`: "), "\(run.stderr)")
        #expect(!run.stderr.contains("NSCocoaErrorDomain") && !run.stderr.contains("Error Domain"))
        #expect(FileManager.default.fileExists(atPath: repo.path + "/reports/out.sarif"), "the missing folder was created")
    }

    // MARK: - Baseline hygiene

    @Test func pruneRemovesAFixedEntryAndKeepsANewFindingFailing() throws {
        let repo = try Self.twoFolderRepository()
        let folder = repo.path + "/plans/a"
        #expect(try cli.run(["baseline"], in: folder).status == 0)
        #expect(try cli.run(["check", "--baseline", ".plancheck-baseline.json"], in: folder).status == 0)
        // Fix A2's lead; add A4 without an owner.
        repo.write("plans/a/plan.yaml", """
            tasks:
              - {id: A1, lead: 市外办, owner: 张三}
              - {id: A2, lead: 市外办, owner: 李四}
              - {id: A3, lead: 市外办}
              - {id: A4, lead: 市外办}
              - {id: A9}
            """)
        let before = try String(contentsOfFile: folder + "/.plancheck-baseline.json", encoding: .utf8)
        #expect(before.contains("\"record\": \"A2\""))
        let prune = try cli.run(["baseline", "--prune"], in: folder)
        #expect(prune.status == 0, "\(prune.stderr)")
        #expect(prune.stderr.contains("removed 1 entry that no longer occurs; kept"), "\(prune.stderr)")
        let after = try String(contentsOfFile: folder + "/.plancheck-baseline.json", encoding: .utf8)
        #expect(!after.contains("\"record\": \"A2\""))
        #expect(after.contains("\"record\": \"A3\""))
        #expect(!after.contains("\"record\": \"A4\""), "prune accepts nothing new")
        let check = try cli.run(["check", "--baseline", ".plancheck-baseline.json"], in: folder)
        #expect(check.status == 1)
        #expect(check.stdout.contains("A4: missing required field `owner`"))
        #expect(!check.stdout.contains("no longer occurs"))
    }

    @Test func staleEntriesSaySoOnceAndSuppressedOnesAreNotStale() throws {
        let repo = try Self.twoFolderRepository()
        let folder = repo.path + "/plans/a"
        #expect(try cli.run(["baseline"], in: folder).status == 0)
        // A2 is now suppressed inline, A3 fixed.
        repo.write("plans/a/plan.yaml", """
            tasks:
              - {id: A1, lead: 市外办, owner: 张三}
              - {id: A2, owner: 李四}   # plancheck: disable=lead-required — appointed in Q3
              - {id: A3, lead: 市外办, owner: 王五}
              - {id: A9}
            """)
        let check = try cli.run(["check", "--baseline", ".plancheck-baseline.json", "--fail-on", "never"], in: folder)
        let stale = check.stdout.split(separator: "\n").filter { $0.contains("no longer occurs") }
        #expect(stale.count == 1, "\(check.stdout)")
        #expect(stale.first?.contains("[owner-required] A3: missing") == true)
        #expect(stale.first?.contains("A3: A3:") == false)
        // The way out works where the repository has no root configuration: with this run's PATHs.
        #expect(stale.first?.contains("`plancheck baseline --prune` and the same PATHs as this run") == true)
        #expect(!check.stdout.contains("[lead-required] A2"))
    }

    @Test func aBaselineMatchingNoCheckedFileSaysSo() throws {
        let repo = try Self.twoFolderRepository()
        repo.write("plans/a/old-baseline.json", """
            {"version": 1, "tool": "plancheck", "entries": [
              {"file": "elsewhere/plan.yaml", "rule": "lead-required", "record": "A2", "fingerprint": "x", "message": "m"}]}
            """)
        let check = try cli.run(["check", "--baseline", "old-baseline.json"], in: repo.path + "/plans/a")
        #expect(check.stderr.contains("none of the 1 entries of the baseline old-baseline.json names a file checked in this run"), "\(check.stderr)")
        #expect(!check.stdout.contains("no longer occurs"), "entries of unchecked files are not stale")
    }
}
