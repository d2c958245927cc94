import Foundation
import Testing
@testable import PlanCheck

/// Report details a CI team relies on: GitHub's annotation limits, the Markdown comment's
/// marker, links and hidden counts, SARIF rule levels after overrides, colour choices, and
/// configuration errors that are located and all reported at once.
@Suite struct CIReportTests {
    static func findings(_ count: Int, _ severity: Severity) -> [Finding] {
        (0..<count).map { i in
            Finding(rule: "r-\(severity.rawValue)", checker: "required", severity: severity, message: "T\(i): problem",
                    file: "plans/a.yaml", line: i + 1, column: 3, path: "$['tasks'][\(i)]", record: "T\(i)")
        }
    }

    static func input(_ findings: [Finding], errors: [LoadError] = []) -> ReportInput {
        ReportInput(result: CheckResult(findings: findings, errors: errors, files: ["plans/a.yaml"]), rules: [],
                    asOf: PlanDate(year: 2020, month: 1, day: 1))
    }

    @Test func githubAnnotatesWithinGitHubsLimitsAndListsTheRest() {
        let report = GitHubReport(repositoryRoot: nil)
        let small = report.render(Self.input(Self.findings(10, .error) + Self.findings(3, .warning)))
        #expect(small.split(separator: "\n").count == 13)
        #expect(!small.contains("not annotated"))

        let errors = [LoadError(file: "plans/b.yaml", line: 0, column: 0, message: "no such file or folder")]
        let text = report.render(Self.input(Self.findings(14, .error) + Self.findings(12, .warning) + Self.findings(10, .info), errors: errors))
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.filter { $0.hasPrefix("::error ") }.count == 10)
        #expect(lines.first?.hasPrefix("::error file=plans/b.yaml,title=PlanCheck input error::") == true, "input errors come first")
        #expect(lines.filter { $0.hasPrefix("::warning ") }.count == 10)
        #expect(lines.filter { $0.hasPrefix("::notice ") }.count == 10)  // 9 findings + the summary
        #expect(lines.contains("plans/a.yaml:14:3: error: T13: problem [r-error]"), "left-out findings stay in the log")
        #expect(lines.contains("plans/a.yaml:10:3: info: T9: problem [r-info]"))
        let summary = lines.last ?? ""
        #expect(summary.hasPrefix("::notice title=PlanCheck annotations truncated::5 errors, 2 warnings, 1 info finding not annotated"))
        #expect(summary.contains("upload --format sarif"))
    }

    @Test func markdownCarriesTheMarkerHiddenCountsAndLinks() {
        var input = Self.input(Self.findings(3, .error))
        input.hidden = HiddenCounts(suppressed: 2, baselined: 5)
        input.linkBase = "https://github.com/office/plans/blob/abc123/"
        let text = MarkdownReport(repositoryRoot: nil, maxFindings: 2).render(input)
        #expect(text.hasPrefix("<!-- plancheck-report -->\n### PlanCheck: 3 errors"))
        #expect(text.contains("Not shown: 2 suppressed (inline comments and `ignore:`), 5 accepted by the baseline."))
        #expect(text.contains("[`plans/a.yaml:2:3`](https://github.com/office/plans/blob/abc123/plans/a.yaml#L2)"))
        #expect(text.contains("…and 1 more findings not listed here"))
        let clean = MarkdownReport(repositoryRoot: nil).render(Self.input([]))
        #expect(clean == "<!-- plancheck-report -->\n### PlanCheck: 0 errors, 0 warnings, 0 info in 1 file\n\nNo findings.\n")
    }

    @Test func linkBaseComesFromTheOptionOrTheCIEnvironment() {
        #expect(LinkBase.resolve(option: "https://example.org/repo/blob/main", environment: [:]) == "https://example.org/repo/blob/main/")
        let github = ["GITHUB_SERVER_URL": "https://github.com", "GITHUB_REPOSITORY": "office/plans", "GITHUB_SHA": "abc"]
        #expect(LinkBase.resolve(option: nil, environment: github) == "https://github.com/office/plans/blob/abc/")
        let gitlab = ["CI_PROJECT_URL": "https://gitlab.example/office/plans", "CI_COMMIT_SHA": "def"]
        #expect(LinkBase.resolve(option: nil, environment: gitlab) == "https://gitlab.example/office/plans/-/blob/def/")
        #expect(LinkBase.resolve(option: nil, environment: [:]) == nil)
        #expect(LinkBase.link(base: "https://x/", path: "计划/a b.yaml", line: 7) == "https://x/%E8%AE%A1%E5%88%92/a%20b.yaml#L7")
    }

    @Test func colourFollowsTheOptionThenTheEnvironmentThenTheTerminal() {
        #expect(ColorChoice.always.wantsColor(environment: ["NO_COLOR": "1"], isTerminal: false))
        #expect(!ColorChoice.never.wantsColor(environment: ["FORCE_COLOR": "1"], isTerminal: true))
        #expect(!ColorChoice.auto.wantsColor(environment: ["NO_COLOR": "1", "FORCE_COLOR": "1"], isTerminal: true))
        #expect(ColorChoice.auto.wantsColor(environment: ["FORCE_COLOR": "1"], isTerminal: false))
        #expect(ColorChoice.auto.wantsColor(environment: ["CLICOLOR_FORCE": "1"], isTerminal: false))
        #expect(!ColorChoice.auto.wantsColor(environment: ["FORCE_COLOR": "0"], isTerminal: false))
        #expect(ColorChoice.auto.wantsColor(environment: ["NO_COLOR": ""], isTerminal: true))
        #expect(!ColorChoice.auto.wantsColor(environment: [:], isTerminal: false))
    }

    @Test func colourOptionReachesTheTextReport() throws {
        let directory = try TemporaryDirectory()
        directory.write("rules.yml", CLITests.rules)
        directory.write("bad.yaml", "tasks:\n  - {id: T1}\n")
        let cli = CLITests()
        let forced = try cli.run(["check", "--rules", "rules.yml", "bad.yaml"], in: directory.path, environment: ["FORCE_COLOR": "1", "NO_COLOR": ""])
        #expect(forced.stdout.contains("\u{1B}[31merror:"))
        let never = try cli.run(["check", "--rules", "rules.yml", "bad.yaml", "--color", "never"], in: directory.path, environment: ["FORCE_COLOR": "1"])
        #expect(!never.stdout.contains("\u{1B}["))
        #expect(try cli.run(["check", "--rules", "rules.yml", "bad.yaml", "--color", "sometimes"], in: directory.path).status == 2)
    }

    /// Issue 15 item 10: an overridden rule's SARIF metadata says the level its results have.
    @Test func sarifRuleLevelsFollowSeverityOverrides() throws {
        let directory = try TemporaryDirectory()
        directory.write(".plancheck.yml", "rules: [rules.yml]\nseverity: {owner-required: error, lead-required: off}\n")
        directory.write("rules.yml", CLITests.rules)
        directory.write("plan.yaml", "tasks:\n  - {id: T1}\n")
        var options = CheckSession.Options(paths: [directory.path + "/plan.yaml"])
        options.jobs = 1
        let session = CheckSession(options: options).run()
        let text = SARIFReport(repositoryRoot: directory.path).render(session.reportInput())
        let log = try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        let rules = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])["rules"] as? [[String: Any]]
        let levels = Dictionary(uniqueKeysWithValues: (rules ?? []).map { ($0["id"] as? String ?? "", ($0["defaultConfiguration"] as? [String: Any])?["level"] as? String) })
        #expect(levels == ["owner-required": "error"], "the override applies; a rule turned off is not described")
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.map { $0["level"] as? String } == ["error"])
    }

    /// Issue 15 items 6 and 7: every configuration mistake is located at its key or value, and
    /// one run reports them all.
    @Test func configurationErrorsAreLocatedAndAllReported() throws {
        let directory = try TemporaryDirectory()
        let config = directory.write(".plancheck.yml", """
            rules: [rules.yml]
            packs: [plan-basics, permit]
            asOf: soon
            severity:
              task-deadline.overdue: warning
              owner-required: loud
            colour: red
            ignore:
              - {rule: owner-required, records: [T1]}
            """)
        directory.write("rules.yml", CLITests.rules)
        let (_, loadErrors) = Configuration.loadReportingAll(path: config)
        let described = loadErrors.map { "\($0.line):\($0.column) \($0.message)" }
        #expect(described.contains { $0.hasPrefix("3:7 `asOf` must be a date") }, "\(described)")
        #expect(described.contains { $0.hasPrefix("6:19 severity for `owner-required`") }, "\(described)")
        #expect(described.contains { $0.hasPrefix("7:1 unknown key `colour`") }, "\(described)")
        #expect(described.contains { $0.hasPrefix("9:5 ") && $0.contains("reason") }, "\(described)")
        #expect(loadErrors.count == 4)

        var options = CheckSession.Options(paths: [directory.path])
        options.jobs = 1
        let session = CheckSession(options: options).run()
        let errors = session.result.errors.map { "\($0.line):\($0.column) \($0.message)" }
        #expect(errors.contains { $0.hasPrefix("2:22 unknown rule pack `permit`") && $0.contains("did you mean `permits`") }, "\(errors)")
        #expect(errors.contains { $0.hasPrefix("5:3 `severity` names rule `task-deadline.overdue`") }, "\(errors)")
        #expect(errors.count == 6, "\(errors)")
        #expect(session.result.errors.allSatisfy { $0.file == config })
        #expect(session.result.files.isEmpty, "a half-read configuration judges no data")
    }

    @Test func manyMistakesAreCappedWithACount() throws {
        let directory = try TemporaryDirectory()
        let keys = (0..<30).map { "unknown\($0): 1" }.joined(separator: "\n")
        directory.write(".plancheck.yml", "rules: [rules.yml]\n" + keys + "\n")
        directory.write("rules.yml", CLITests.rules)
        directory.write("plan.yaml", "tasks: []\n")
        let session = CheckSession(options: CheckSession.Options(paths: [directory.path + "/plan.yaml"])).run()
        #expect(session.result.errors.count == Configuration.errorLimit + 1)
        #expect(session.result.errors.contains { $0.message == "10 more problems not shown; fix these and run again" })
    }

    /// Issue 15 item 7: a rule file with several broken rules reports each of them.
    @Test func everyBrokenRuleOfARuleFileIsReported() throws {
        let directory = try TemporaryDirectory()
        let rules = directory.write("rules.yml", """
            ruleset: t
            rules:
              - {id: a, checker: requird, target: '$.tasks[*]', fields: lead}
              - {id: b, checker: required, target: '$.tasks[*]', fields: owner}
              - {id: c, checker: required, target: '$.tasks[*', fields: owner}
              - {id: b, checker: required, target: '$.tasks[*]', fields: due}
            """)
        let (set, errors) = RuleFileLoader().loadReportingAll(path: rules)
        #expect(set == nil)
        #expect(errors.map(\.line) == [3, 5, 6], "\(errors)")
        #expect(errors.allSatisfy { $0.file == rules })
        #expect(throws: LoadError.self) { try RuleFileLoader().load(path: rules) }
    }
}
