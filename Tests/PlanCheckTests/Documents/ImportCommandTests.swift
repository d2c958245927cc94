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

    /// A Word plan's notes name the paragraph, as `check`'s findings on it do (`plan.docx:¶N`).
    @Test func notesOnAWordPlanNameTheParagraph() throws {
        let run = try cli.run(["import", "Examples/plan-documents/plan.docx", "--format", "json"])
        #expect(run.status == 0)
        let notes = run.stderr.split(separator: "\n").filter { $0.contains(": info: ") }
        #expect(!notes.isEmpty)
        for note in notes { #expect(note.hasPrefix("Examples/plan-documents/plan.docx:¶"), "\(note)") }
    }

    /// The bar: `plancheck import` of the published Shenzhen text gives 19 action plans and 51
    /// measures, each with the lead and participating units of the hand-built dataset (which
    /// copies them from the text, `Examples/shenzhen-2011/plan.yaml`).
    @Test func shenzhenImportGivesTheSeedsActionsAndMeasures() throws {
        let run = try cli.run(["import", "Examples/shenzhen-2011/plan.txt", "--format", "json", "--quiet"])
        #expect(run.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let actions = try #require(json["actions"] as? [[String: Any]])
        let measures = try #require(json["tasks"] as? [[String: Any]]).filter { $0["action"] != nil }
        #expect(actions.count == 19)
        #expect(measures.count == 51)
        let seed = try #require(try DatasetLoader.load(path: repositoryRoot + "/Examples/shenzhen-2011/plan.yaml").root)
        func names(_ node: Node?) -> [String] {
            guard let node else { return [] }
            if let text = node.string { return text.split(whereSeparator: { "、,，".contains($0) }).map(String.init) }
            return node.items.compactMap(\.string)
        }
        func units(_ record: [String: Any], _ key: String) -> [String] { record[key] as? [String] ?? [] }
        let seedActions = seed["actions"].map { Array($0.items) } ?? []
        let seedMeasures = (seed["tasks"].map { Array($0.items) } ?? []).filter { $0["action"] != nil }
        #expect(seedActions.count == 19 && seedMeasures.count == 51)
        for (action, expected) in zip(actions, seedActions) {
            #expect(action["title"] as? String == expected["title"]?.string)
            #expect(units(action, "lead") == names(expected["lead"]))
            #expect(units(action, "participants") == names(expected["participants"]))
        }
        for (measure, expected) in zip(measures, seedMeasures) {
            #expect(measure["title"] as? String == expected["title"]?.string)
            #expect(units(measure, "lead") == names(expected["lead"]), "\(expected["id"]?.string ?? "")")
            #expect(units(measure, "participants") == names(expected["participants"]), "\(expected["id"]?.string ?? "")")
        }
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
