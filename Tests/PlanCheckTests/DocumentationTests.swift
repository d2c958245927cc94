import Foundation
import Testing
@testable import PlanCheck

/// `docs/checkers/<name>.md` is generated from each checker's descriptor (the same text
/// `plancheck rules explain` prints), so the reference cannot drift from the code.
/// Regenerate with `PLANCHECK_UPDATE_GOLDENS=1 swift test --filter Documentation`.
@Suite struct DocumentationTests {
    @Test(arguments: CheckerRegistry.builtIn.descriptors.map(\.name))
    func checkerReferenceIsCurrent(_ name: String) throws {
        let descriptor = try #require(CheckerRegistry.builtIn[name]).descriptor
        let text = "<!-- Generated from the checker's descriptor; do not edit. See DocumentationTests. -->\n"
            + CheckerDocumentation.markdown(descriptor)
        let path = repositoryRoot + "/docs/checkers/\(name).md"
        if ProcessInfo.processInfo.environment["PLANCHECK_UPDATE_GOLDENS"] != nil {
            try FileManager.default.createDirectory(atPath: repositoryRoot + "/docs/checkers", withIntermediateDirectories: true)
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        }
        let current = try? String(contentsOfFile: path, encoding: .utf8)
        #expect(current == text, "docs/checkers/\(name).md is stale: PLANCHECK_UPDATE_GOLDENS=1 swift test --filter Documentation")
    }
}
