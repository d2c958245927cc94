import Foundation
import Testing
@testable import PlanCheck

/// Every input a fuzz target ever crashed or hung on is kept in `Fuzz/Regressions/TARGET/`
/// and replayed here through the same entry point the target calls (Fuzz/Sources), in the
/// normal test suite: a crash fails the whole run, so passing means "answered".
@Suite struct FuzzRegressionTests {
    static let folder = repositoryRoot + "/Fuzz/Regressions"

    static var inputs: [(target: String, file: String)] {
        let targets = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return targets.sorted().flatMap { target in
            ((try? FileManager.default.contentsOfDirectory(atPath: folder + "/" + target)) ?? []).sorted().map { (target, $0) }
        }
    }

    @Test func regressionInputsAreKept() {
        // The crashers are kept at least for the XLSX reader.
        #expect(Self.inputs.contains { $0.target == "xlsx" }, "no saved inputs under \(Self.folder)")
    }

    @Test func everySavedInputIsAnsweredWithoutACrash() throws {
        let record = try DatasetLoader.load(bytes: Array("tasks:\n  - {id: T1, lead: [a, b], n: 3}\n".utf8), file: "r.yaml")
        let context = ExpressionContext(asOf: PlanDate(year: 2024, month: 7, day: 1), root: record.root)
        for (target, file) in Self.inputs {
            let bytes = try FileReader.read(Self.folder + "/" + target + "/" + file)
            let text = String(decoding: bytes, as: UTF8.self)
            switch target {
            case "expression":
                if let expression = try? CompiledExpression.compile(text) {
                    _ = expression.evaluate(record: record.root?["tasks"]?[0], context: context)
                }
                if let template = try? ExpressionTemplate.compile(text) {
                    _ = template.render(record: record.root?["tasks"]?[0], context: context)
                }
            case "jsonpath":
                if let path = try? JSONPath(text), let root = record.root { _ = path.selectWithPaths(root).map(\.path) }
            case "rules":
                _ = try? RuleFileLoader().load(bytes: bytes, file: "rules.yml")
                _ = try? Configuration.load(path: Self.folder + "/" + target + "/" + file)
            case "deadline":
                _ = DeadlineParser.parse(text)
                _ = DeadlineParser.parse(text, planPeriod: .year(2024))
            case "docx", "txt", "md":
                // A plan document: damaged ones are located errors, while almost any text is
                // a (possibly empty) plan, so only "answered" is asserted here.
                _ = loadError { () throws(LoadError) in try DatasetLoader.load(bytes: bytes, file: "fuzz.\(target)") }
            default:
                // A dataset: every saved input here is damaged, so it must be a located error.
                let error = loadError { () throws(LoadError) in try DatasetLoader.load(bytes: bytes, file: "fuzz.\(target)") }
                #expect(error != nil, "\(target)/\(file) was accepted")
            }
        }
    }
}
