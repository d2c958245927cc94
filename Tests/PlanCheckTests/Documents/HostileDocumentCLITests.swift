import Foundation
import Testing
@testable import PlanCheck

/// The bar on bad documents, through the real binary: each hostile document makes `import`
/// and `check` exit 2 with a message located in the file, never a crash or hang, and the good
/// documents named beside it are still read.
@Suite struct HostileDocumentCLITests {
    let cli = CLITests()

    @Test func everyHostileDocumentExitsTwoWithALocatedMessage() throws {
        let folder = NSTemporaryDirectory() + "plancheck-hostile-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for document in try HostileDocuments.all() {
            let path = folder + "/" + document.name
            try Data(document.bytes).write(to: URL(fileURLWithPath: path))
            let run = try cli.run(["import", path, "Examples/plan-documents/plan.txt", "--format", "json", "--quiet"])
            #expect(run.status == 2, "\(document.name): \(run.stderr)")
            let located = run.stderr.split(separator: "\n").first { $0.hasPrefix(path + ":") && $0.contains(": error: ") }
            #expect(located?.contains(document.says) == true, "\(document.name): \(run.stderr)")
            // `path:line:column: error:` — the line is a paragraph for .docx, a line for .txt.
            let position = located.map { $0.dropFirst(path.count + 1).split(separator: ":").prefix(2).compactMap { Int($0) } }
            #expect(position?.count == 2 && position!.allSatisfy { $0 >= 1 }, "\(document.name): \(run.stderr)")
            #expect(run.stdout.contains("行动计划1."), "\(document.name): the good plan is still imported")
            let check = try cli.run(["check", path])
            #expect(check.status == 2, "\(document.name): \(check.stdout)\(check.stderr)")
        }
    }
}
