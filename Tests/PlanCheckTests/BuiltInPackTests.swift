import Foundation
import Testing
@testable import PlanCheck

@Suite struct BuiltInPackTests {
    static func packFiles() throws -> [String: String] {
        let folder = repositoryRoot + "/Rules"
        var result: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder) where name.hasSuffix(".yml") {
            result[String(name.dropLast(4))] = try String(contentsOfFile: folder + "/" + name, encoding: .utf8)
        }
        return result
    }

    @Test func embeddedPacksMatchRulesFolder() throws {
        let files = try Self.packFiles()
        #expect(Set(files.keys) == Set(BuiltInPacks.sources.keys), "run `python3 Scripts/generate-packs.py`")
        for (name, text) in files {
            #expect(BuiltInPacks.sources[name] == text.trimmingSuffixNewlines(), "pack \(name) is stale: run `python3 Scripts/generate-packs.py`")
        }
    }

    @Test func everyPackLoads() throws {
        for name in Project.packNames {
            let set = try Project.pack(named: name)
            #expect(!set.rules.isEmpty, "pack \(name) has no rules")
        }
    }

    @Test func unknownPackSuggestsTheClosest() {
        #expect(throws: LoadError.self) { try Project.pack(named: "no-such-pack") }
    }
}

extension String {
    func trimmingSuffixNewlines() -> String {
        var s = self
        while s.hasSuffix("\n") { s.removeLast() }
        return s
    }
}
