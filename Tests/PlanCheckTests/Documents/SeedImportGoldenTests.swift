import Foundation
import Testing
@testable import PlanCheck

/// `plancheck import` of the five seed plans as published (`Examples/<name>/plan.txt`), kept as
/// small reviewed goldens (`import-expected.txt`): how many records of each kind, the plan's
/// metadata, and per record the accountability fields — lead, participants, responsible, due.
/// After an intended change: `PLANCHECK_UPDATE_GOLDENS=1 swift test --filter SeedImportGolden`,
/// then read the diff.
@Suite struct SeedImportGoldenTests {
    static let examples = ["shenzhen-2011", "urumqi-2013", "city-construction", "civilized-city-2020", "hangzhou-2009"]

    static func summary(_ plan: ImportedPlan) -> String {
        let counts = plan.counts
        var out = "sections \(counts.sections), actions \(counts.actions), tasks \(counts.tasks), notes \(plan.notes.count)\n"
        if let meta = plan.root["plan"] {
            for key in ["title", "issuer", "issued", "period"] {
                if let value = meta[key] { out += "plan.\(key): \(text(value))\n" }
            }
        }
        for (kind, records) in [("action", plan.actions), ("task", plan.tasks)] {
            for record in records {
                var line = "\(kind) \(record["id"].map(text) ?? "?")"
                for key in ["lead", "participants", "responsible", "due"] {
                    if let value = record[key] { line += " | \(key): \(text(value))" }
                }
                out += line + "\n"
            }
        }
        for note in plan.notes { out += "note line \(note.position.line): \(note.rule)\n" }
        return out
    }

    static func text(_ value: ImportedValue) -> String {
        switch value {
        case .list(let items, _): items.map(text).joined(separator: "、")
        case .map: "{…}"
        default: YAMLText.scalar(value)
        }
    }

    @Test(arguments: examples)
    func importMatchesGolden(_ name: String) throws {
        let folder = repositoryRoot + "/Examples/" + name
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: folder + "/plan.txt")))
        let text = Self.summary(try PlanImport.recognize(bytes: bytes, file: "plan.txt"))
        let goldenPath = folder + "/import-expected.txt"
        if ProcessInfo.processInfo.environment["PLANCHECK_UPDATE_GOLDENS"] != nil {
            try text.write(toFile: goldenPath, atomically: true, encoding: .utf8)
        }
        #expect(text == (try String(contentsOfFile: goldenPath, encoding: .utf8)))
    }

    /// The hand-built dataset and the published text agree: Shenzhen's 19 action plans, each
    /// with the lead units the text names.
    @Test func shenzhenActionsMatchTheHandBuiltDataset() throws {
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: repositoryRoot + "/Examples/shenzhen-2011/plan.txt")))
        let plan = try PlanImport.recognize(bytes: bytes, file: "plan.txt")
        #expect(plan.actions.count == 19)
        #expect(plan.actions.allSatisfy { !($0["lead"]?.items.isEmpty ?? true) })
    }

    /// `Examples/civilized-city-2020/plan.docx` (Scripts/make-plan-docx.py) types the same plan
    /// with Word's automatic numbering: the numbers are rendered, so the records are the text's.
    @Test func wordRenditionWithAutomaticNumberingReadsAsTheText() throws {
        let folder = repositoryRoot + "/Examples/civilized-city-2020"
        let text = try PlanImport.recognize(bytes: Array(try Data(contentsOf: URL(fileURLWithPath: folder + "/plan.txt"))), file: "plan.txt")
        let word = try PlanImport.recognize(bytes: Array(try Data(contentsOf: URL(fileURLWithPath: folder + "/plan.docx"))), file: "plan.docx")
        func records(_ plan: ImportedPlan) -> [String] {
            (plan.sections + plan.tasks).map { record in
                ["id", "number", "title"].map { record[$0].map(Self.text) ?? "-" }.joined(separator: " ")
            }
        }
        #expect(records(word) == records(text))
        #expect(word.tasks.map { $0["number"].map(Self.text) } == ["\"1.\"", "\"2.\"", "\"3.\"", "\"4.\"", "\"5.\"", "(一)"])
    }
}
