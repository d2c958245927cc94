import Foundation
import Testing
@testable import PlanCheck

/// The `mapping:` block is checked like the rest of the configuration: closed keys with
/// suggestions, located errors, and renames that stay where the field stands.
@Suite struct MappingConfigurationTests {
    @Test func entriesAreParsed() throws {
        let dir = try TemporaryDirectory()
        let path = dir.write(".plancheck.yml", """
            mapping:
              tasks:
                fields: {牵头单位: lead, permits.site_selection: permits.siteSelection}
                values: {status: {in_progress: in-progress, 是: true}}
              plan: [{files: ["*.csv"], target: $.meta, fields: {规划期: period}}]
            """)
        let config = try Configuration.load(path: path)
        #expect(config.mapping.entries.map(\.collection) == ["tasks", "plan"])
        let tasks = config.mapping.entries[0].mapping
        #expect(tasks.fields.map(\.written) == ["牵头单位", "permits.site_selection"])
        #expect(tasks.value(of: "in_progress", inField: "status") == .string("in-progress"))
        #expect(tasks.value(of: "是", inField: "status") == .bool(true))
        let plan = config.mapping.entries[1]
        #expect(plan.applies(to: dir.path + "/x/ledger.csv") && !plan.applies(to: dir.path + "/plan.yaml"))
        #expect(plan.explicitTarget?.description == "$.meta")
    }

    @Test func mistakesAreLocatedErrors() throws {
        let cases: [(String, String, Int, Int)] = [
            ("mapping: [tasks]", "`mapping` maps collection names", 1, 10),
            ("mapping:\n  tasks: {fieldz: {a: b}}", "unknown key `fieldz` in `mapping.tasks` — did you mean `fields`?", 2, 11),
            ("mapping:\n  tasks: {fields: {a: [b]}}", "maps `a` to a field name", 2, 23),
            ("mapping:\n  tasks: {fields: {permits.site_selection: siteSelection.x}}", "moves the field", 2, 44),
            ("mapping:\n  tasks: {values: {status: {a: [b]}}}", "is a single value", 2, 32),
            ("mapping:\n  tasks: {values: {status: done}}", "maps values as written", 2, 28),
            ("mapping:\n  tasks: {target: \"$[\"}", "invalid JSONPath", 2, 19),
            ("mapping:\n  tasks: 3", "is a map with `fields`", 2, 10),
        ]
        for (yaml, expected, line, column) in cases {
            let dir = try TemporaryDirectory()
            let path = dir.write(".plancheck.yml", yaml + "\n")
            var caught: LoadError?
            do { _ = try Configuration.load(path: path) } catch { caught = error }
            let error = try #require(caught, "\(yaml)")
            #expect(error.message.contains(expected), "\(yaml): \(error.message)")
            #expect((error.line, error.column) == (line, column), "\(yaml): \(error)")
        }
    }

    @Test func globs() {
        #expect(FileGlob("*.csv", base: "/p").matches("/p/a/b/x.csv"))
        #expect(!FileGlob("*.csv", base: "/p").matches("/p/x.csv.bak"))
        #expect(FileGlob("data/*.yaml", base: "/p").matches("/p/data/a.yaml"))
        #expect(!FileGlob("data/*.yaml", base: "/p").matches("/p/data/sub/a.yaml"))
        #expect(FileGlob("data/**/a?.yaml", base: "/p").matches("/p/data/sub/deep/a1.yaml"))
        #expect(FileGlob("data/**/a?.yaml", base: "/p").matches("/p/data/a1.yaml"))
        #expect(!FileGlob("data/*.yaml", base: "/p").matches("/q/data/a.yaml"))
    }
}
