import Foundation
import Testing
@testable import PlanCheck

/// `Examples/plan-documents`: the Shenzhen programme as text and as Word, checked and imported.
/// Its checked output is a golden of `ExampleGoldenTests`.
@Suite struct PlanDocumentExampleTests {
    let folder = repositoryRoot + "/Examples/plan-documents"

    func imported(_ name: String) throws -> ImportedPlan {
        try PlanImport.recognize(bytes: FileReader.read(folder + "/" + name), file: name)
    }

    /// The bar: 19 action plans and 51 measures, each action's lead and participating units
    /// exactly as the hand-built dataset (copied from the text) holds them.
    @Test(arguments: ["plan.txt", "plan.docx"])
    func shenzhenActionsAndMeasuresMatchTheHandBuiltDataset(_ name: String) throws {
        let plan = try imported(name)
        #expect(plan.actions.count == 19)
        let measures = plan.tasks.filter { $0["action"] != nil }
        #expect(measures.count == 51)
        #expect(measures.map { $0["number"]?.stringValue } == (1...51).map { "(\($0))" })
        let handBuilt = try #require(try DatasetLoader.load(path: repositoryRoot + "/Examples/shenzhen-2011/plan.yaml").root?["actions"])
        func names(_ node: Node?) -> [String] {
            guard let node else { return [] }
            if let text = node.string { return text.split(whereSeparator: { "、,，".contains($0) }).map(String.init) }
            return node.items.compactMap(\.string)
        }
        for (action, expected) in zip(plan.actions, handBuilt.items) {
            #expect(action["title"]?.stringValue == expected["title"]?.string)
            #expect(action["lead"]?.items.compactMap(\.stringValue) ?? [] == names(expected["lead"]))
            #expect(action["participants"]?.items.compactMap(\.stringValue) ?? [] == names(expected["participants"]))
        }
        // The two dated tasks of 五、保障措施, as the hand-built G1 and G2.
        #expect(plan.tasks.compactMap { $0["due"]?.stringValue } == ["2011年6月30日以前", "2011年年底前"])
    }

    @Test func textAndWordRenditionsGiveTheSameRecords() throws {
        func shape(_ plan: ImportedPlan) -> [[String]] {
            (plan.sections + plan.actions + plan.tasks).map { record in
                guard case .map(let fields, _) = record else { return [] }
                return fields.map { "\($0.key)=\(describe($0.value))" }
            }
        }
        func describe(_ value: ImportedValue) -> String {
            switch value {
            case .string(let s, _): s
            case .integer(let n, _): String(n)
            case .bool(let b, _): String(b)
            case .list(let items, _): items.map(describe).joined(separator: "|")
            case .map(let fields, _): fields.map { $0.key + ":" + describe($0.value) }.joined(separator: ",")
            }
        }
        #expect(shape(try imported("plan.txt")) == shape(try imported("plan.docx")))
    }

    @Test func theTaskTableReadsEveryActionWithItsArea() throws {
        let plan = try imported("tasks.docx")
        #expect(plan.tasks.count == 19)
        #expect(plan.tasks.compactMap { $0["area"]?.stringValue }.count == 19)
        #expect(plan.tasks.last?["area"]?.stringValue == "加强对外交流与合作")
        #expect(plan.notes.isEmpty)
    }

    @Test func importWritesYAMLThatLoadsAsTheSameDataset() throws {
        let plan = try imported("plan.txt")
        let yaml = PlanImport.yaml(document: plan)
        #expect(yaml.contains("  # line 23\n  - id: \"4.1.1\"\n    number: 行动计划1.\n"))
        let reloaded = try DatasetLoader.load(bytes: Array(yaml.utf8), file: "plan.yaml")
        let direct = PlanDatasetBuilder.document(plan)
        #expect(reloaded.root?["tasks"]?.items.count == direct.root?["tasks"]?.items.count)
        let reloadedTasks = Array(try #require(reloaded.root?["tasks"]).items), directTasks = Array(try #require(direct.root?["tasks"]).items)
        for (a, b) in zip(reloadedTasks, directTasks) {
            #expect(a["id"]?.string == b["id"]?.string)
            #expect(a["title"]?.string == b["title"]?.string)
            #expect(a["text"]?.string == b["text"]?.string)
            #expect(a["lead"].map { $0.items.compactMap { $0.string } } == b["lead"].map { $0.items.compactMap { $0.string } })
        }
        let json = try JSONSerialization.jsonObject(with: Data(PlanImport.json(document: plan))) as? [String: Any]
        #expect((json?["tasks"] as? [Any])?.count == 53)
        #expect((json?["actions"] as? [Any])?.count == 19)
        #expect(json?["notes"] is [Any])
    }
}
