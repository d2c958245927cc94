import Testing
import PlanCheck
@testable import PlanCheckServerCore

@Suite struct ServerConfigurationTests {
    func parse(_ text: String) throws(LoadError) -> ServerConfiguration {
        try ServerConfiguration.parse(bytes: Array(text.utf8), file: "/srv/plancheck/server.yml")
    }

    func error(_ text: String) -> LoadError? {
        do { _ = try parse(text); return nil } catch { return error }
    }

    @Test func theExampleLoads() throws {
        let configuration = ExampleServer.configuration
        #expect(configuration.ruleSets.map(\.name) == ["office-basics", "shenzhen-2011", "ledger-xlsx", "audit-demo"])
        #expect(configuration.defaultRuleSet == "shenzhen-2011")
        #expect(configuration.ruleSets[1].label.zh.hasPrefix("深圳"))
        #expect(configuration.ruleSets[1].label.en.hasPrefix("Shenzhen"))
        #expect(configuration.limits.maxRequestBytes == 32 << 20)
        #expect(ExampleServer.catalog.entries.count == 4)
        #expect(ExampleServer.catalog.entry(named: nil)?.name == "shenzhen-2011")
        #expect(ExampleServer.catalog.entry(named: "shenzhen-2011")?.asOf == PlanDate(year: 2011, month: 12, day: 31))
    }

    @Test func pathsAreRelativeToTheFileAndLabelsDefault() throws {
        let configuration = try parse("ruleSets:\n  - {name: a, config: rules/a.yml}\n  - {name: b, label: 乙, config: /etc/b.yml}\n")
        #expect(configuration.ruleSets[0].config == "/srv/plancheck/rules/a.yml")
        #expect(configuration.ruleSets[0].label == .init(zh: "a", en: "a"))
        #expect(configuration.ruleSets[1].config == "/etc/b.yml")
        #expect(configuration.ruleSets[1].label == .init(zh: "乙", en: "乙"))
        #expect(configuration.defaultRuleSet == "a")
        #expect(configuration.limits == ServerLimits())
    }

    @Test func limitsTakeSizesWithUnits() throws {
        let limits = try parse("ruleSets: [{name: a, config: a.yml}]\nlimits: {maxRequestBytes: 2GiB, maxFileBytes: 512KiB, maxFiles: 3, timeoutSeconds: 2.5, maxConcurrentChecks: 8}\n").limits
        #expect(limits.maxRequestBytes == 2 << 30)
        #expect(limits.maxFileBytes == 512 << 10)
        #expect(limits.maxFiles == 3)
        #expect(limits.timeoutSeconds == 2.5)
        #expect(limits.maxConcurrentChecks == 8)
    }

    @Test(arguments: [
        ("ruleSet: []\n", 1, "unknown key `ruleSet`"),
        ("ruleSets: []\n", 1, "at least one"),
        ("ruleSets:\n  - {name: a}\n", 2, "needs `config`"),
        ("ruleSets:\n  - {name: a b, config: x}\n", 2, "letters, digits"),
        ("ruleSets:\n  - {name: a, config: x}\n  - {name: a, config: y}\n", 3, "listed twice"),
        ("ruleSets:\n  - {name: a, config: x, rules: [r.yml]}\n", 2, "unknown key `rules` in the rule set"),
        ("ruleSets: [{name: a, config: x}]\ndefaultRuleSet: b\n", 2, "`defaultRuleSet` names one of"),
        ("ruleSets: [{name: a, config: x}]\nlimits: {maxFiles: 0}\n", 2, "`limits.maxFiles`"),
        ("ruleSets: [{name: a, config: x}]\nlimits: {maxRequestBytes: lots}\n", 2, "`limits.maxRequestBytes` is a size"),
        ("ruleSets: [{name: a, config: x}]\nlimits: {maxUpload: 1}\n", 2, "unknown key `maxUpload` in the limits"),
    ])
    func mistakesAreLocated(text: String, line: Int, message: String) {
        let error = error(text)
        #expect(error?.line == line)
        #expect(error?.message.contains(message) == true, "\(String(describing: error))")
        #expect(error?.file == "/srv/plancheck/server.yml")
    }

    /// Plugins are external programs; the server refuses a rule set that would need one.
    @Test func ruleSetsWithPluginsAreRefused() throws {
        let configuration = try ServerConfiguration.parse(
            bytes: Array("ruleSets: [{name: plugins, config: ../plugins/.plancheck.yml}]\n".utf8),
            file: repositoryRoot + "/Examples/server/server.yml")
        #expect(throws: LoadError.self) { try RuleSetCatalog.load(configuration) }
        do {
            _ = try RuleSetCatalog.load(configuration)
        } catch {
            #expect(error.message.contains("never runs external checkers"))
        }
    }

    @Test func aMissingRuleSetConfigurationNamesTheFile() throws {
        let configuration = try parse("ruleSets: [{name: a, config: missing/.plancheck.yml}]\n")
        do {
            _ = try RuleSetCatalog.load(configuration)
            Issue.record("loaded a missing configuration")
        } catch {
            #expect(error.file == "/srv/plancheck/missing/.plancheck.yml")
        }
    }
}
