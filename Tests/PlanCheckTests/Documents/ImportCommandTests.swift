import Foundation
import Testing
@testable import PlanCheck

/// `plancheck import` end to end: formats, notes on standard error, exit codes.
@Suite struct ImportCommandTests {
    let cli = CLITests()

    @Test func writesJSONAndNotes() throws {
        let run = try cli.run(["import", "Examples/plan-documents/plan.txt", "--format", "json"])
        #expect(run.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect((json["actions"] as? [Any])?.count == 19)
        #expect(run.stderr.contains("plan.txt:102:1: info: 5.3: a task with a deadline but no lead or responsible unit [import.no-units]"))
    }

    @Test func writesYAMLToAFileAtomically() throws {
        let output = NSTemporaryDirectory() + "plancheck-import-\(UUID().uuidString).yaml"
        defer { try? FileManager.default.removeItem(atPath: output) }
        let run = try cli.run(["import", "Examples/plan-documents/tasks.docx", "--output", output, "--quiet"])
        #expect(run.status == 0 && run.stdout.isEmpty && run.stderr.isEmpty)
        let yaml = try String(contentsOfFile: output, encoding: .utf8)
        #expect(yaml.contains("# ¶"))
        let check = try cli.run(["check", output, "--rules", "Rules/plan-basics.yml"])
        #expect(check.stdout.contains("missing required field `due`"))
    }

    @Test func anUnreadableDocumentExitsWithTwoAndTheOthersAreStillWritten() throws {
        let bad = NSTemporaryDirectory() + "plancheck-bad-\(UUID().uuidString).docx"
        try Data("not a zip".utf8).write(to: URL(fileURLWithPath: bad))
        defer { try? FileManager.default.removeItem(atPath: bad) }
        let run = try cli.run(["import", bad, "Examples/plan-documents/plan.txt", "--quiet"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("\(bad):1:1: error: not a .docx file"))
        #expect(run.stdout.contains("行动计划1."))
    }

    @Test func checkReadsAWordPlanWithTheBuiltInPacks() throws {
        let run = try cli.run(["check", "Examples/plan-documents/plan.docx", "--config", "Examples/plan-documents/.plancheck.yml"])
        #expect(run.status == 1)
        // A Word finding is named by its paragraph; JSON carries the paragraph explicitly.
        #expect(run.stdout.contains("plan.docx:¶101: error: 5.3: overdue by 184 days"))
        let json = try cli.run(["check", "Examples/plan-documents/plan.docx", "--config", "Examples/plan-documents/.plancheck.yml", "--format", "json"])
        #expect(json.stdout.contains("\"paragraph\": 101"))
        let sarif = try cli.run(["check", "Examples/plan-documents/plan.docx", "--config", "Examples/plan-documents/.plancheck.yml", "--format", "sarif"])
        #expect(sarif.stdout.contains("\"paragraph\": 101") || sarif.stdout.contains("\"paragraph\":101"))
    }
}
