import Testing
@testable import PlanCheck

/// One registry of names serves `reference`, `accountability` and the audit.
@Suite struct NameRegistryTests {
    static let units = """
        units:
          - {name: 市发展改革委, aliases: [发展改革委, 市发改委]}
          - {name: 市港澳办, aliases: 港澳办、港澳事务办}
          - {name: 市外办, shortName: 外办}
        tasks:
          - {id: T1, lead: 市发改委}
          - {id: T2, lead: 外办}
        """

    @Test func aliasesResolveToTheFirstName() throws {
        let root = try #require(try YAMLLoader.load(bytes: Array(Self.units.utf8), file: "u.yaml").root)
        let registry = NameRegistry(entries: Array(try #require(root["units"]).items), match: ["name", "aliases", "shortName"])
        #expect(registry.canonical(of: "市发改委") == "市发展改革委")
        #expect(registry.canonical(of: "港澳事务办") == "市港澳办", "a 、-separated alias string is split")
        #expect(registry.canonical(of: "外办") == "市外办")
        #expect(registry.canonical(of: "市科工贸信委") == nil)
        #expect(registry.suggestionIndex().closest(to: "发改委").contains("市发改委"))
        let bytes = Array("发展改革委".utf8)
        #expect(bytes.withUnsafeBufferPointer { registry.contains($0) })
    }

    func referenceFindings(collections: [String: [Node]], rule: String) throws -> [Finding] {
        let set = try RuleFileLoader().load(bytes: Array("ruleset: r\nrules:\n  - \(rule)\n".utf8), file: "r.yml")
        let document = try YAMLLoader.load(bytes: Array(Self.units.utf8), file: "u.yaml")
        return Engine(rules: set.rules, asOf: PlanDate(year: 2011, month: 1, day: 1), collections: collections, jobs: 1)
            .check(document: document)
    }

    @Test func aConfiguredCollectionWinsOverIn() throws {
        let rule = "{id: lead, checker: reference, target: '$.tasks[*]', field: lead, in: '$.units[*]', collection: registry, match: [name, aliases]}"
        // Not configured: the document's own units (name + aliases) answer; 外办 is only a shortName.
        #expect(try referenceFindings(collections: [:], rule: rule).map(\.record) == ["T2"])
        // Configured: the collection answers, and it knows neither lead.
        let other = try YAMLLoader.load(bytes: Array("- {name: 市教育局}\n".utf8), file: "c.yaml")
        let collection = Array(try #require(other.root).items)
        #expect(try referenceFindings(collections: ["registry": collection], rule: rule).map(\.record) == ["T1", "T2"])
    }

    @Test func anUnconfiguredCollectionAloneIsReportedPerRecord() throws {
        let rule = "{id: lead, checker: reference, target: '$.tasks[*]', field: lead, collection: registry}"
        let findings = try referenceFindings(collections: [:], rule: rule)
        #expect(findings.count == 2)
        #expect(findings.allSatisfy { $0.message.contains("collection `registry` is not configured") })
    }

    @Test func referenceNeedsACandidateSource() {
        #expect(throws: LoadError.self) {
            try RuleFileLoader().load(bytes: Array("ruleset: r\nrules:\n  - {id: a, checker: reference, target: $.t, field: lead}\n".utf8), file: "r.yml")
        }
    }

    /// The same misspelling in several records gets the same hint each time (the hint is
    /// computed once per name and kept).
    @Test func aRepeatedUnknownNameGetsTheSameHintEveryTime() throws {
        let text = "units:\n  - {name: 市发展改革委, aliases: [市发改委]}\n  - {name: 市外办}\ntasks:\n"
            + (1...4).map { "  - {id: T\($0), lead: \($0 == 3 ? "市外事办" : "市发展改委")}\n" }.joined()
        let set = try RuleFileLoader().load(bytes: Array("ruleset: r\nrules:\n  - {id: lead, checker: reference, target: '$.tasks[*]', field: lead, in: '$.units[*]', match: [name, aliases]}\n".utf8), file: "r.yml")
        let findings = Engine(rules: set.rules, asOf: PlanDate(year: 2011, month: 1, day: 1), jobs: 1)
            .check(document: try YAMLLoader.load(bytes: Array(text.utf8), file: "p.yaml"))
        #expect(findings.map(\.record) == ["T1", "T2", "T3", "T4"])
        let hints = findings.map { $0.message.components(separatedBy: "did you mean ").last ?? "" }
        #expect(hints[0] == hints[1] && hints[1] == hints[3] && hints[0].contains("市发展改革委"))
        #expect(hints[2].contains("市外办") && hints[2] != hints[0])
    }
}

