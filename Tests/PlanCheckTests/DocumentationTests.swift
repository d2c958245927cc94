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

    /// A merge left half-done once shipped conflict markers in the README: no text file the
    /// project writes may hold one.
    @Test func noConflictMarkersInTheProjectsText() throws {
        var offenders: [String] = []
        let folders = ["", "/docs", "/docs/checkers", "/Rules", "/Benchmarks", "/Scripts"]
        for folder in folders {
            let directory = repositoryRoot + folder
            for name in try FileManager.default.contentsOfDirectory(atPath: directory)
            where [".md", ".yml", ".py", ".sh", ".swift"].contains(where: name.hasSuffix) {
                guard let text = try? String(contentsOfFile: directory + "/" + name, encoding: .utf8) else { continue }
                let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
                if lines.contains(where: { $0.hasPrefix("<<<<<<< ") || $0.hasPrefix(">>>>>>> ") }) {
                    offenders.append(String((folder + "/" + name).dropFirst()))
                }
            }
        }
        #expect(offenders.isEmpty, "conflict markers in \(offenders)")
    }
}

