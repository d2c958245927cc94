import Foundation
import Testing
@testable import PlanCheck

/// Every report format names a finding's place as its reader does (issue 15 item 9, issue 12
/// item 3): a CSV cell `tasks.csv!D4`, a worksheet cell `ledger.xlsx:任务台账!C12`, a Word table
/// cell `plan.docx:表1!C3`, a Word paragraph `plan.docx:¶101`, with the column's header as
/// written; formats that print numbers keep them and add the place. Goldens in
/// `Fixtures/reports/places/`; after an intended change
/// `PLANCHECK_UPDATE_GOLDENS=1 swift test --filter FindingPlaceReportTests`, then read the diff.
@Suite struct FindingPlaceReportTests {
    static let formats = ["text", "json", "sarif", "junit", "github", "markdown", "csv", "xcode", "codeclimate"]

    static func input() throws -> ReportInput {
        let rules = try RuleFileLoader().load(bytes: Array("""
            ruleset: fixture
            rules:
              - {id: lead-required, checker: required, target: "$.tasks[*]", fields: lead}
              - {id: id-unique, checker: unique, target: "$.tasks[*]", fields: id, severity: warning}
            """.utf8), file: "rules.yml").rules
        let findings = [
            Finding(rule: "lead-required", checker: "required", severity: .error, message: "M10: missing required field `牵头单位`",
                    file: "plans/ledger.xlsx", line: 12, column: 3, path: "$['tasks'][9]", record: "M10", sheet: "任务台账",
                    cell: FindingCell(row: 12, column: 3, header: "牵头单位")),
            Finding(rule: "lead-required", checker: "required", severity: .error, message: "R3: missing required field `lead`",
                    file: "plans/plan.docx", line: 57, column: 1, path: "$['tasks'][1]", record: "R3",
                    cell: FindingCell(table: 1, row: 3, column: 3, header: "牵头单位")),
            Finding(rule: "id-unique", checker: "unique", severity: .warning, message: "5.3: duplicate id",
                    file: "plans/plan.docx", line: 101, column: 5, path: "$['tasks'][7]['id']", record: "5.3"),
            // The record starts on line 5: an earlier quoted field spans two lines, so Excel's row is 4.
            Finding(rule: "lead-required", checker: "required", severity: .error, message: "T3: missing required field `牵头单位`",
                    file: "plans/tasks.csv", line: 5, column: 4, path: "$['tasks'][2]", record: "T3",
                    cell: FindingCell(row: 4, column: 4, header: "牵头单位")),
            Finding(rule: "lead-required", checker: "required", severity: .error, message: "T4: missing required field `lead`",
                    file: "plans/tasks.yaml", line: 9, column: 5, path: "$['tasks'][3]", record: "T4"),
        ]
        let result = CheckResult(findings: findings, errors: [],
                                 files: ["plans/ledger.xlsx", "plans/plan.docx", "plans/tasks.csv", "plans/tasks.yaml"])
        var input = ReportInput(result: result, rules: rules, asOf: PlanDate(year: 2011, month: 12, day: 31))
        input.linkBase = "https://example.org/blob/main/"
        return input
    }

    static func render(_ format: String, _ input: ReportInput) -> String { ReportFormatTests.render(format, input) }

    @Test(arguments: formats)
    func matchesGolden(_ format: String) throws {
        let text = Self.render(format, try Self.input())
        let path = repositoryRoot + "/Tests/PlanCheckTests/Fixtures/reports/places/expected." + format
        if ProcessInfo.processInfo.environment["PLANCHECK_UPDATE_GOLDENS"] != nil {
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        }
        let golden = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text == golden, "\(format) differs from \(path)")
    }

    /// Each format shows each place (not only the golden's bytes): the cell of every table
    /// finding and the paragraph of the Word one; YAML stays `line:column`.
    @Test(arguments: formats)
    func everyFormatCarriesEveryPlace(_ format: String) throws {
        let text = Self.render(format, try Self.input())
        for place in ["任务台账!C12", "表1!C3", "¶101", "tasks.csv!D4"] {
            #expect(text.contains(place), "\(format) does not name \(place)")
        }
        if !["text", "csv", "json"].contains(format) { #expect(text.contains("牵头单位)"), "\(format) does not name the column header") }
        #expect(!text.contains("tasks.yaml!"))
    }

    @Test func jsonCarriesCellHeaderAndTable() throws {
        let text = Self.render("json", try Self.input())
        let json = try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let findings = try #require(json["findings"] as? [[String: Any]])
        let csv = try #require(findings.first { $0["file"] as? String == "plans/tasks.csv" })
        #expect(csv["place"] as? String == "plans/tasks.csv!D4")
        #expect(csv["cell"] as? String == "D4")
        #expect(csv["columnHeader"] as? String == "牵头单位")
        #expect(csv["line"] as? Int == 5)  // the stable keys keep their meaning
        let word = try #require(findings.first { $0["record"] as? String == "R3" })
        #expect(word["place"] as? String == "plans/plan.docx:表1!C3")
        #expect(word["table"] as? Int == 1)
        #expect(word["paragraph"] as? Int == 57)
        let yaml = try #require(findings.first { $0["file"] as? String == "plans/tasks.yaml" })
        #expect(yaml["place"] as? String == "plans/tasks.yaml:9:5")
        #expect(yaml["cell"] == nil && yaml["columnHeader"] == nil)
    }

    @Test func sarifKeepsTheRegionAndAddsTheCell() throws {
        let text = Self.render("sarif", try Self.input())
        let log = try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let results = try #require((log["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]])
        let csv = try #require(results.first { ($0["properties"] as? [String: Any])?["record"] as? String == "T3" })
        let location = try #require((csv["locations"] as? [[String: Any]])?.first)
        let region = (location["physicalLocation"] as? [String: Any])?["region"] as? [String: Int]
        #expect(region == ["startLine": 5, "startColumn": 4])
        #expect((location["message"] as? [String: String])?["text"] == "tasks.csv!D4 (牵头单位)")
        let logical = try #require(location["logicalLocations"] as? [[String: Any]])
        #expect(logical.count == 2)
        #expect(logical[1]["name"] as? String == "D4")
        let properties = try #require(csv["properties"] as? [String: Any])
        #expect(properties["columnHeader"] as? String == "牵头单位")
        #expect(properties["place"] as? String == "plans/tasks.csv!D4")
        let yaml = try #require(results.first { ($0["properties"] as? [String: Any])?["record"] as? String == "T4" })
        #expect((yaml["properties"] as? [String: Any])?["place"] == nil)
    }

    @Test(.enabled(if: Python.hasModule("jsonschema"), "python3 with the jsonschema module is not installed: SARIF schema validation skipped"))
    func sarifWithPlacesValidatesAgainstTheOfficialSchema() throws {
        let directory = try TemporaryDirectory()
        let file = directory.write("places.sarif", Self.render("sarif", try Self.input()))
        let script = """
            import json, sys, jsonschema
            schema = json.load(open(sys.argv[1]))
            jsonschema.validators.validator_for(schema)(schema, format_checker=jsonschema.FormatChecker()).validate(json.load(open(sys.argv[2])))
            """
        let output = try Python.run(["-c", script, ReportFormatTests.sarifSchema, file])
        #expect(output.status == 0, "schema validation failed: \(output.text)")
    }

    /// The markdown link of a Word or Excel finding has no line anchor (GitHub shows no lines of
    /// a binary file); a CSV finding's keeps its line.
    @Test func markdownLinksBinaryFilesWithoutALine() throws {
        let text = Self.render("markdown", try Self.input())
        #expect(text.contains("(https://example.org/blob/main/plans/plan.docx)"))
        #expect(text.contains("(https://example.org/blob/main/plans/tasks.csv#L5)"))
    }
}
