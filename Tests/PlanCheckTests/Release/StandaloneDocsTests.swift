import Foundation
import Testing
@testable import PlanCheck

/// Users have the repository, not the engineers' shared folder: no README, doc, example or rule
/// pack may send a reader to it, and what those documents relied on (the plans behind the
/// examples, the domain terms) is in docs/plans-and-terms.md.
@Suite struct StandaloneDocsTests {
    static let forbidden = ["../shared", "/work/shared", "domain.md", "shared/seeds"]

    static func userFacingFiles() throws -> [String] {
        var files = [repositoryRoot + "/README.md"]
        for folder in ["docs", "Examples", "Rules"] {
            let base = repositoryRoot + "/" + folder
            guard let walker = FileManager.default.enumerator(atPath: base) else { continue }
            for case let path as String in walker where [".md", ".yml", ".yaml"].contains(where: path.hasSuffix) {
                files.append(base + "/" + path)
            }
        }
        return files
    }

    @Test func noDocumentPointsOutsideTheRepository() throws {
        let files = try Self.userFacingFiles()
        #expect(files.count > 20)
        var offenders: [String] = []
        for file in files {
            let text = try String(contentsOfFile: file, encoding: .utf8)
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                for word in Self.forbidden where line.contains(word) {
                    offenders.append("\(file.dropFirst(repositoryRoot.count + 1)):\(number + 1): \(word)")
                }
            }
        }
        #expect(offenders.isEmpty, Comment(rawValue: offenders.joined(separator: "\n")))
    }

    @Test func thePlansAndTermsPageDescribesEveryDocumentExample() throws {
        let page = try String(contentsOfFile: repositoryRoot + "/docs/plans-and-terms.md", encoding: .utf8)
        for example in ["shenzhen-2011", "urumqi-2013", "civilized-city-2020", "city-construction", "hangzhou-2009"] {
            #expect(page.contains("`Examples/\(example)`"), "docs/plans-and-terms.md does not describe \(example)")
        }
        for term in ["牵头单位", "参加单位", "约束性", "预期性", "一书两证", "十二五", "台账", "督查"] {
            #expect(page.contains(term), "docs/plans-and-terms.md does not explain \(term)")
        }
    }
}
