import Testing
@testable import PlanCheck

@Suite struct YAMLLoaderTests {
    func load(_ text: String) throws -> Document {
        try YAMLLoader.load(bytes: Array(text.utf8), file: "t.yaml")
    }

    @Test func scalarsResolveByCoreSchema() throws {
        let doc = try load("a: 1\nb: 2.5\nc: true\nd: ~\ne: 2011-06-30\nf: '1'\ng: yes\nh: -0x1\ni: .inf\n")
        let root = try #require(doc.root)
        #expect(root["a"]?.integer == 1)
        #expect(root["b"]?.double == 2.5)
        #expect(root["c"]?.bool == true)
        #expect(root["d"]?.isNull == true)
        #expect(root["e"]?.string == "2011-06-30")
        #expect(root["f"]?.string == "1")
        #expect(root["g"]?.string == "yes")
        #expect(root["h"]?.string == "-0x1")
        #expect(root["i"]?.double == .infinity)
    }

    @Test func locationsAreOneBased() throws {
        let doc = try load("tasks:\n  - id: 任务一\n    lead: 市外办\n")
        let task = try #require(doc.root?["tasks"]?[0])
        #expect(task["lead"]?.line == 3)
        #expect(task["lead"]?.column == 11)
        #expect(task["lead"]?.normalizedPath == "$['tasks'][0]['lead']")
        #expect(task["lead"]?.string == "市外办")
    }

    @Test func lookupFollowsDottedPathsAndListIndices() throws {
        let doc = try load("p:\n  permits: {landUse: true}\n  leads: [市外办, 市发展改革委]\n  '0': zero\n")
        let root = try #require(doc.root)
        #expect(root.lookup(path: "p.permits.landUse")?.bool == true)
        #expect(root.lookup(path: "p.leads.1")?.string == "市发展改革委")
        #expect(root.lookup(path: "p.0")?.string == "zero")
        #expect(root.lookup(path: "p.leads.2") == nil)
        #expect(root.lookup(path: "p.leads.x") == nil)
        #expect(root.lookup(path: "p.permits.") == nil)
        #expect(root.lookup(path: "p")?.kind == .map)
    }

    /// The alias limit counts what aliases add, not the nodes a file writes out: a large plain
    /// file loads under a limit it exceeds in size, a small file of aliases does not.
    @Test func aliasLimitCountsOnlyWhatAliasesAdd() throws {
        var limits = LoadLimits()
        limits.maxExpandedNodes = 1_000
        let plain = "tasks:\n" + (0..<2_000).map { "  - {id: T\($0), lead: 市外办}\n" }.joined()
        #expect(try YAMLLoader.load(bytes: Array(plain.utf8), file: "p.yaml", limits: limits).nodeCount > 8_000)
        let list = "[" + (0..<100).map(String.init).joined(separator: ", ") + "]"
        let aliases = "base: &b \(list)\nuses:\n" + (0..<20).map { _ in "  - *b\n" }.joined()
        #expect(throws: LoadError.self) { try YAMLLoader.load(bytes: Array(aliases.utf8), file: "a.yaml", limits: limits) }
        let few = "base: &b \(list)\nuses:\n" + (0..<5).map { _ in "  - *b\n" }.joined()
        #expect(try YAMLLoader.load(bytes: Array(few.utf8), file: "f.yaml", limits: limits).root?["uses"]?.count == 5)
    }
}

