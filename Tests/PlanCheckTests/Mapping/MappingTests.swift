import Foundation
import Testing
@testable import PlanCheck

/// `mapping:`: a file's own field names and values become the canonical model at load time,
/// for every input format, while findings point into the file and name fields as it writes them.
@Suite struct MappingTests {
    static let tasksRules = """
        ruleset: t
        rules:
          - {id: lead-required, checker: required, target: "$.tasks[*]", fields: lead}
          - {id: done-check, checker: expression, target: "$.tasks[*]", assert: "status != 'done'"}
        """
    static let tasksMapping = """
        rules: [rules.yml]
        mapping:
          tasks:
            fields: {牵头单位: lead, 进展: status}
            values: {status: {completed: done}}
        """

    @Test func yamlFieldsAndValuesAreMappedAndFindingsUseTheWrittenName() throws {
        let project = try MappingProject(config: Self.tasksMapping, files: [
            "rules.yml": Self.tasksRules,
            "plan.yaml": """
                tasks:
                  - {id: T1, 牵头单位: "", 进展: completed}
                  - {id: T2, 牵头单位: 区发改局, 进展: in_progress}
                """,
        ])
        #expect(try project.check().sorted() == [
            "plan.yaml:2:20: error: T1: required field `牵头单位` is empty [lead-required]",
            "plan.yaml:2:5: error: T1: assertion failed: status != 'done' [done-check]",
        ])
    }

    @Test func theLoadedDocumentIsCanonicalAndKeepsPositions() throws {
        var mapping = FieldMapping()
        mapping.addField(written: "牵头单位", canonical: "lead")
        mapping.addValue(field: "status", written: "已办结", canonical: .string("done"))
        mapping.addValue(field: "urgent", written: "是", canonical: .bool(true))
        mapping.addValue(field: "weight", written: "高", canonical: .integer(3))
        let entry = MappingEntry(collection: "tasks", mapping: mapping, location: SourceLocation(file: "c", line: 1, column: 1))
        let text = "tasks:\n  - {id: T1, 牵头单位: [甲, 乙], status: 已办结, urgent: 是, weight: 高}\n"
        let document = try DatasetLoader.load(bytes: Array(text.utf8), file: "plan.yaml", mapping: DatasetMapping(entries: [entry]))
        let task = try #require(document.root?["tasks"]?[0])
        #expect(task.keys.map { $0.string ?? "" } == ["id", "lead", "status", "urgent", "weight"])
        #expect(task["lead"]?.items.map { $0.string ?? "" } == ["甲", "乙"])
        #expect(task["status"]?.string == "done")
        #expect(task["urgent"]?.bool == true)
        #expect(task["weight"]?.integer == 3)
        // Positions are the file's: the renamed key where 牵头单位 is written.
        let leadKey = try #require(task.keys.first { $0.string == "lead" })
        #expect((leadKey.line, leadKey.column) == (2, 14))
        #expect((task["status"]!.line, task["status"]!.column) == (2, 36))
    }

    @Test func withoutMappingTheDocumentIsUntouched() throws {
        let document = try YAMLLoader.load(bytes: Array("tasks: [{牵头单位: 甲}]\n".utf8), file: "plan.yaml")
        #expect(try DocumentMapper.apply(DatasetMapping(), to: document) === document)
        // An entry for another file, or one that changes nothing, leaves it too.
        var mapping = FieldMapping()
        mapping.addField(written: "牵头单位", canonical: "lead")
        var entry = MappingEntry(collection: "tasks", mapping: mapping, location: SourceLocation(file: "c", line: 1, column: 1))
        entry.files = [FileGlob("other.yaml", base: "/x")]
        #expect(try DocumentMapper.apply(DatasetMapping(entries: [entry]), to: document) === document)
        #expect(document.writtenNames == nil)
    }

    /// An identity mapping (every field and word mapped to itself) costs no copy: the loaded
    /// document is returned as it is (the benchmark's identity-mapping line measures the rest).
    @Test func anIdentityMappingReturnsTheSameDocument() throws {
        let document = try YAMLLoader.load(bytes: Array("tasks: [{id: T1, lead: 甲, status: done}, {id: T2, status: \"true\"}]\n".utf8), file: "plan.yaml")
        var mapping = FieldMapping()
        for field in ["id", "lead", "status"] { mapping.addField(written: field, canonical: field) }
        mapping.addValue(field: "status", written: "done", canonical: .string("done"))
        mapping.addValue(field: "status", written: "true", canonical: .string("true"))
        let entry = MappingEntry(collection: "tasks", mapping: mapping, location: SourceLocation(file: "c", line: 1, column: 1))
        #expect(try DocumentMapper.apply(DatasetMapping(entries: [entry]), to: document) === document)
        // Mapped to itself but of another kind (an unquoted `true` is a boolean): that is an edit.
        let unquoted = try YAMLLoader.load(bytes: Array("tasks: [{id: T2, status: true}]\n".utf8), file: "plan.yaml")
        let mapped = try DocumentMapper.apply(DatasetMapping(entries: [entry]), to: unquoted)
        #expect(mapped !== unquoted)
        #expect(mapped.root?["tasks"]?[0]?["status"]?.string == "true")
    }

    @Test func nestedFieldsAreRenamedWhereTheyStand() throws {
        let project = try MappingProject(config: """
            packs: [permits]
            mapping:
              projects:
                fields: {permits.site_selection: siteSelection, permits.land_use: permits.landUse}
            """, files: [
            "plan.yaml": """
                projects:
                  - id: P1
                    permits: {site_selection: true, land_use: true, construction: true}
                  - id: P2
                    permits: {site_selection: false, land_use: true, construction: true}
                """,
        ])
        let findings = try project.check()
        #expect(findings.contains { $0.contains("P2: does not count toward 一书两证执行率: missing or false 选址意见书 (`permits.site_selection`)") }, "\(findings)")
        #expect(findings.contains { $0.contains("50 %（1/2）") })
        #expect(!findings.contains { $0.contains("P1") })
    }

    @Test func jsonAndJSONLinesAreMappedToo() throws {
        let project = try MappingProject(config: Self.tasksMapping, files: [
            "rules.yml": Self.tasksRules,
            "a.json": #"{"tasks": [{"id": "J1", "牵头单位": "", "进展": "x"}]}"#,
            "b.jsonl": #"{"id": "L1", "牵头单位": "甲", "进展": "completed"}"# + "\n",
        ])
        let findings = try project.check(["a.json"])
        #expect(findings == ["a.json:1:33: error: J1: required field `牵头单位` is empty [lead-required]"])
        // JSON Lines: one record per line, at `$[*]`: a `target` says where the records are.
        let lines = try MappingProject(config: """
            rules: [rules.yml]
            mapping:
              tasks: {target: "$[*]", fields: {牵头单位: lead, 进展: status}, values: {status: {completed: done}}}
            """, files: [
            "rules.yml": Self.tasksRules.replacingOccurrences(of: "$.tasks[*]", with: "$[*]"),
            "b.jsonl": #"{"id": "L1", "牵头单位": "甲", "进展": "completed"}"# + "\n",
        ])
        #expect(try lines.check(["b.jsonl"]) == ["b.jsonl:1:1: error: L1: assertion failed: status != 'done' [done-check]"])
    }

    @Test func csvHeadersAndCellsGoThroughTheSameMapping() throws {
        let project = try MappingProject(config: Self.tasksMapping.replacingOccurrences(of: "进展: status", with: "进展: status, 主责科室: lead"), files: [
            "rules.yml": Self.tasksRules,
            // 主责科室 is no built-in alias: the config's mapping names it; 进展's values map too.
            "tasks.csv": "序号,任务,主责科室,进展\nC1,甲,,completed\nC2,乙,财政局,x\n",
        ])
        #expect(try project.check(["tasks.csv"]).sorted() == [
            "tasks.csv:2:1: error: C1: assertion failed: status != 'done' [done-check]",
            // At the empty 主责科室 cell (C2), not the row's first one.
            "tasks.csv:2:3: error: C1: missing required field `主责科室` [lead-required]",
        ].sorted())
        // A built-in alias header names itself in findings too.
        let aliased = try MappingProject(config: "rules: [rules.yml]\n", files: [
            "rules.yml": "ruleset: t\nrules:\n  - {id: lead-required, checker: required, target: \"$.tasks[*]\", fields: lead}\n",
            "tasks.csv": "序号,任务,牵头单位\nC1,甲,\n",
        ])
        let aliasedFindings = try aliased.check(["tasks.csv"])
        #expect(aliasedFindings == ["tasks.csv:2:3: error: C1: missing required field `牵头单位` [lead-required]"], "\(aliasedFindings)")
    }

    @Test func filesAndTargetChooseWhereAnEntryApplies() throws {
        let project = try MappingProject(config: """
            rules: [rules.yml]
            mapping:
              tasks:
                - {files: ["district/*.yaml"], fields: {牵头单位: lead}}
                - {files: ["**/city.yaml"], fields: {责任单位: lead}}
              extra:
                target: "$.groups[*].tasks"
                fields: {主办: lead}
            """, files: [
            "rules.yml": "ruleset: t\nrules:\n  - {id: lead-required, checker: required, target: \"$..tasks[*]\", fields: lead}\n",
            "district/a.yaml": "tasks: [{id: A1, 牵头单位: 甲}]\n",
            "other.yaml": "tasks: [{id: O1, 牵头单位: 甲}]\n",
            "sub/city.yaml": "tasks: [{id: C1, 责任单位: 乙}]\ngroups: [{tasks: [{id: G1, 主办: 丙}, {id: G2}]}]\n",
        ])
        let findings = try project.check(["district/a.yaml", "other.yaml", "sub/city.yaml"])
        #expect(findings == [
            "other.yaml:1:9: error: O1: missing required field `lead` [lead-required]",
            "sub/city.yaml:2:36: error: G2: missing required field `主办` [lead-required]",
        ])
    }

    @Test func twoSpellingsOfOneFieldInARecordAreALocatedError() throws {
        let project = try MappingProject(config: Self.tasksMapping, files: [
            "rules.yml": Self.tasksRules,
            "plan.yaml": "tasks:\n  - {id: T1, 牵头单位: 甲, lead: 乙}\n",
        ])
        let result = try project.project().engine.check(files: [project.dir.path + "/plan.yaml"])
        let error = try #require(result.errors.first)
        #expect((error.line, error.column) == (2, 23))
        #expect(error.message.contains("`lead`"), "\(error.message)")
    }
}
