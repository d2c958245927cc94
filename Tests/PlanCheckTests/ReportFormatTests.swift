import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import PlanCheck

/// Golden output of every report format on one small fixed input, plus the checks the bars ask
/// for: SARIF validates against the official 2.1.0 schema, JUnit parses as XML with the
/// expected counts. After an intended change:
/// `PLANCHECK_UPDATE_GOLDENS=1 swift test --filter ReportFormatTests`, then read the diff.
@Suite struct ReportFormatTests {
    static let goldens: [(format: String, file: String)] = [
        ("text", "expected.txt"), ("json", "expected.json"), ("sarif", "expected.sarif"), ("junit", "expected.xml"),
        ("github", "expected.github"), ("markdown", "expected.md"), ("csv", "expected.csv"), ("xcode", "expected.xcode"),
    ]

    /// Two rules, three datasets (one clean), one unreadable file, and messages holding every
    /// character some format must escape.
    static func input() throws -> ReportInput {
        let rules = try RuleFileLoader().load(bytes: Array("""
            ruleset: fixture
            rules:
              - id: task-owner-required
                description: Every task names its owner.
                checker: required
                target: $.tasks[*]
                fields: owner
              - id: task-id-unique
                checker: unique
                target: $.tasks[*]
                fields: id
                severity: warning
            """.utf8), file: "rules.yml").rules
        let findings = [
            Finding(rule: "task-owner-required", checker: "required", severity: .error, message: "T1: no owner",
                    file: "plans/a.yaml", line: 3, column: 5, path: "$['tasks'][0]", record: "T1"),
            Finding(rule: "task-id-unique", checker: "unique", severity: .warning,
                    message: "T1 repeats | see line 3, \"first\" <at> 100% done: yes\nsecond line",
                    file: "plans/a.yaml", line: 9, column: 11, path: "$['tasks'][2]['id']", record: "T1"),
            Finding(rule: "task-owner-required.code", checker: "required", severity: .info, message: "单位：未明确",
                    file: "plans/b, c.yaml", line: 1, column: 1, path: "$['tasks'][0]", record: "任务1"),
        ]
        let result = CheckResult(findings: findings,
                                 errors: [LoadError(file: "plans/broken.yaml", line: 2, column: 7, message: "mapping values are not allowed here")],
                                 files: ["plans/a.yaml", "plans/b, c.yaml", "plans/broken.yaml", "plans/clean.yaml"])
        return ReportInput(result: result, rules: rules, asOf: PlanDate(year: 2011, month: 12, day: 31))
    }

    /// The formats with the repository root fixed, so goldens do not depend on the checkout.
    static func render(_ format: String, _ input: ReportInput) -> String {
        switch format {
        case "sarif": SARIFReport(repositoryRoot: nil).render(input)
        case "junit": JUnitReport(repositoryRoot: nil).render(input)
        case "github": GitHubReport(repositoryRoot: nil).render(input)
        case "markdown": MarkdownReport(repositoryRoot: nil).render(input)
        case "codeclimate": CodeClimateReport(repositoryRoot: nil).render(input)
        default: ReportFormats.named(format)!.init().render(input)
        }
    }

    static let folder = repositoryRoot + "/Tests/PlanCheckTests/Fixtures/reports/"

    @Test(arguments: goldens.map(\.format))
    func matchesGolden(_ format: String) throws {
        let text = Self.render(format, try Self.input())
        let path = Self.folder + Self.goldens.first { $0.format == format }!.file
        if ProcessInfo.processInfo.environment["PLANCHECK_UPDATE_GOLDENS"] != nil {
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        }
        let golden = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text == golden, "\(format) differs from \(path)")
    }

    @Test func everyFormatIsRegistered() {
        #expect(ReportFormats.identifiers == ["text", "json", "sarif", "junit", "github", "markdown", "csv", "xcode", "codeclimate"])
    }

    /// The official schema ships in the repository (Tests/Schemas, with its OASIS notice).
    static let sarifSchema = repositoryRoot + "/Tests/Schemas/sarif-schema-2.1.0.json"

    @Test(.enabled(if: Python.hasModule("jsonschema"), "python3 with the jsonschema module is not installed: SARIF schema validation skipped"))
    func sarifValidatesAgainstTheOfficialSchema() throws {
        let schema = Self.sarifSchema
        let directory = try TemporaryDirectory()
        let fixture = directory.write("fixture.sarif", Self.render("sarif", try Self.input()))
        // A real run too: the Shenzhen example through the whole pipeline.
        let project = try Project(configuration: Configuration.load(path: repositoryRoot + "/Examples/shenzhen-2011/.plancheck.yml"), jobs: 1)
        let result = project.engine.check(files: project.datasetFiles(paths: []))
        let real = directory.write("real.sarif", SARIFReport().render(ReportInput(result: result, rules: project.engine.rules, asOf: project.engine.asOf)))
        let script = """
            import json, sys, jsonschema
            schema = json.load(open(sys.argv[1]))
            for path in sys.argv[2:]:
                jsonschema.validators.validator_for(schema)(schema, format_checker=jsonschema.FormatChecker()).validate(json.load(open(path)))
            print("valid")
            """
        let output = try Python.run(["-c", script, schema, fixture, real])
        #expect(output.status == 0, "schema validation failed: \(output.text)")
    }

    @Test func sarifHasRulesResultsAndFingerprints() throws {
        let text = Self.render("sarif", try Self.input())
        let log = try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        let ruleIDs = (driver["rules"] as? [[String: Any]])?.compactMap { $0["id"] as? String }
        #expect(ruleIDs == ["task-owner-required", "task-id-unique", "task-owner-required.code"])
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.count == 3)
        let fingerprints = results.compactMap { ($0["partialFingerprints"] as? [String: String])?[SARIFReport.fingerprintKey] }
        #expect(Set(fingerprints).count == 3)
        #expect(text.contains("\"uri\": \"plans/b%2C%20c.yaml\""))
    }

    @Test func junitParsesWithTheExpectedCounts() throws {
        var input = try Self.input()
        input.failOn = .info  // every finding fails
        let text = Self.render("junit", input)
        let counter = XMLCounter()
        let parser = XMLParser(data: Data(text.utf8))
        parser.delegate = counter
        #expect(parser.parse(), "JUnit output is not well-formed XML: \(String(describing: parser.parserError))")
        #expect(counter.count("testsuite") == 4)
        #expect(counter.count("testcase") == 5)  // 3 findings, 1 input error, 1 clean file
        #expect(counter.count("failure") == 3)
        #expect(counter.count("error") == 1)
        #expect(counter.attributes("testsuites").first?["tests"] == "5")
        let clean = counter.attributes("testcase").first { $0["classname"] == "plans/clean.yaml" }
        #expect(clean?["file"] == "plans/clean.yaml")
        let failures = counter.attributes("failure").map { $0["message"] ?? "" }
        #expect(failures.contains("T1 repeats | see line 3, \"first\" <at> 100% done: yes\nsecond line"))
    }

    /// Issue 15 item 11: below `--fail-on` a finding is a passing test case carrying the
    /// finding in `<system-out>`, not a `<failure>`; `never` fails nothing.
    @Test func junitFollowsFailOn() throws {
        var input = try Self.input()
        for (threshold, failures, outputs) in [(Severity.error, 1, 2), (.warning, 2, 1), (.info, 3, 0)] as [(Severity, Int, Int)] {
            input.failOn = threshold
            let text = Self.render("junit", input)
            #expect(text.components(separatedBy: "<failure ").count - 1 == failures, "--fail-on \(threshold)")
            #expect(text.components(separatedBy: "<system-out>").count - 1 == outputs, "--fail-on \(threshold)")
            #expect(text.contains("<testsuites name=\"plancheck\" tests=\"5\" failures=\"\(failures)\""))
        }
        input.failOn = nil
        #expect(!Self.render("junit", input).contains("<failure "))
    }

    @Test func githubEscapesDataAndProperties() {
        #expect(GitHubReport.escapeData("50% done\r\nnext") == "50%25 done%0D%0Anext")
        #expect(GitHubReport.escapeProperty("a,b:c%") == "a%2Cb%3Ac%25")
        let line = GitHubReport(repositoryRoot: nil).command("warning", file: "x, y.yaml", line: 2, column: 3, title: "r (k:1)", message: "m\nn")
        #expect(line == "::warning file=x%2C y.yaml,line=2,col=3,title=r (k%3A1)::m%0An\n")
    }

    @Test func csvQuotesPerRFC4180() {
        #expect(CSVReport.field("plain") == "plain")
        #expect(CSVReport.field("a,b") == "\"a,b\"")
        #expect(CSVReport.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CSVReport.field("two\nlines") == "\"two\nlines\"")
    }

    @Test func markdownEscapesPipesAndMarkup() {
        #expect(MarkdownReport.cell("a|b\n<script>") == "a\\|b<br>&lt;script>")
    }
}

/// Counts elements and keeps their attributes.
final class XMLCounter: NSObject, XMLParserDelegate {
    var elements: [(name: String, attributes: [String: String])] = []

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        elements.append((elementName, attributeDict))
    }

    func count(_ name: String) -> Int { elements.filter { $0.name == name }.count }
    func attributes(_ name: String) -> [[String: String]] { elements.filter { $0.name == name }.map(\.attributes) }
}

/// Runs python3 for the checks done best with Python's reference libraries.
