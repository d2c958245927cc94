import Foundation
import Testing
@testable import PlanCheck

/// The request PlanCheck writes and how reply findings are located.
@Suite struct PluginProtocolTests {
    @Test func requestCarriesOptionsRecordsAndPaths() throws {
        let project = try PluginProject()
        project.reply(#"{"protocol": "plancheck-plugin/1", "findings": []}"#)
        let result = try project.check(allowing: [project.stub])
        #expect(result.errors.isEmpty, "\(result.errors)")
        let request = try JSONLoader.load(bytes: Array(Data(contentsOf: URL(fileURLWithPath: project.path + "/request.json"))), file: "request.json")
        let root = try #require(request.root)
        #expect(root["protocol"]?.string == "plancheck-plugin/1")
        #expect(root["rule"]?["id"]?.string == "stub-rule")
        #expect(root["rule"]?["options"]?.jsonText == #"{"limit":6,"labels":["甲","b"]}"#, "only the rule's own keys")
        #expect(root["asOf"]?.string == "2020-06-30")
        #expect(root["file"]?.string?.hasSuffix("/plan.yaml") == true)
        let records = try #require(root["records"])
        #expect(records.count == 2)
        #expect(records[0]?["key"]?.string == "T1")
        #expect(records[0]?["path"]?.string == "$['tasks'][0]")
        #expect(records[0]?["value"]?.jsonText == #"{"id":"T1","lead":"市外办","budget":5}"#)
        #expect(records[1]?["path"]?.string == "$['tasks'][1]")
    }

    @Test func theRequestIsJSONWhateverTheYAML() throws {
        let project = try PluginProject()
        project.dir.write("plan.yaml", "tasks:\n  - {id: T1, targets: {'2011': 5, max: .inf}, note: \"a\\u0001\\\"b\"}\n")
        project.reply(#"{"protocol": "plancheck-plugin/1", "findings": []}"#)
        let result = try project.check(allowing: [project.stub])
        #expect(result.errors.isEmpty, "\(result.errors)")
        let request = try JSONLoader.load(bytes: Array(Data(contentsOf: URL(fileURLWithPath: project.path + "/request.json"))), file: "request.json")
        #expect(request.root?["records"]?[0]?["value"]?.jsonText == #"{"id":"T1","targets":{"2011":5,"max":null},"note":"a\u0001\"b"}"#)
    }

    @Test func findingsAreLocatedByRecordKeyAndPath() throws {
        let project = try PluginProject()
        project.reply("""
        {"protocol": "plancheck-plugin/1", "extra": "ignored", "findings": [
          {"record": "T1", "message": "T1 looks odd"},
          {"path": "$['tasks'][1]['budget']", "message": "budget too high", "code": "high", "severity": "warning"},
          {"record": "T1", "path": "$['tasks'][0]['lead']", "message": "lead unknown", "code": "lead"}
        ]}
        """)
        let result = try project.check(allowing: [project.stub])
        #expect(result.errors.isEmpty, "\(result.errors)")
        let plugin = result.findings.filter { $0.checker == "plugin:stub" }
        #expect(plugin.map { "\($0.line):\($0.column) \($0.rule) \($0.severity) \($0.record) \($0.path)" } == [
            "2:5 stub-rule error T1 $['tasks'][0]",
            "3:11 stub-rule.lead error T1 $['tasks'][0]['lead']",
            "6:13 stub-rule.high warning T2 $['tasks'][1]['budget']",
        ])
        #expect(plugin.allSatisfy { $0.file.hasSuffix("/plan.yaml") && $0.recordLine != nil })
        #expect(result.hasBuiltInFinding)
    }

    @Test func aRuleMessageTemplateAppliesToPluginFindings() throws {
        let project = try PluginProject()
        project.dir.write("rules.yml", """
        ruleset: t
        rules:
          - {id: stub-rule, checker: 'plugin:stub', target: '$.tasks[*]', message: '{{ key }} ({{ budget }}): {{ message }}'}
        """)
        project.reply(#"{"protocol": "plancheck-plugin/1", "findings": [{"record": "T2", "message": "too much"}]}"#)
        let result = try project.check(allowing: [project.stub])
        #expect(result.findings.map(\.message) == ["T2 (7): too much"])
    }

    @Test func noRecordsMeansTheProgramIsNotStarted() throws {
        let project = try PluginProject()
        project.dir.write("plan.yaml", "tasks: []\n")
        project.reply(#"{"protocol": "plancheck-plugin/1", "findings": []}"#)
        let result = try project.check(allowing: [project.stub])
        #expect(result.errors.isEmpty)
        #expect(!project.exists("request.json"))
    }

    @Test func severalFilesOnSeveralThreads() throws {
        let project = try PluginProject()
        for index in 1...6 { project.dir.write("more/plan\(index).yaml", PluginProject.plan) }
        project.reply(#"{"protocol": "plancheck-plugin/1", "findings": [{"record": "T1", "message": "seen"}]}"#)
        let checked = try project.project(allowing: [project.stub], jobs: 4)
        let result = checked.engine.check(files: checked.datasetFiles(paths: [project.path]))
        #expect(result.errors.isEmpty, "\(result.errors)")
        #expect(result.findings.filter { $0.checker == "plugin:stub" }.count == 7)
    }

    @Test(arguments: [
        (#"{"protocol": "plancheck-plugin/1", "findings": [{"record": "T9", "message": "x"}]}"#, #"names record "T9", which was not sent"#),
        (#"{"protocol": "plancheck-plugin/1", "findings": [{"path": "$['nope']", "message": "x"}]}"#, "names no single node"),
        (#"{"protocol": "plancheck-plugin/1", "findings": [{"message": "x"}]}"#, #"names neither a "record" nor a "path""#),
        (#"{"protocol": "plancheck-plugin/1", "findings": [{"record": "T1"}]}"#, #"has no "message""#),
        (#"{"protocol": "plancheck-plugin/1", "findings": [{"record": "T1", "message": "x", "severity": "fatal"}]}"#, "must be error, warning or info"),
        (#"{"protocol": "plancheck-plugin/1"}"#, #"without a "findings" list"#),
        ("[]", "not an object"),
    ])
    func malformedRepliesAreErrorsForTheRule(reply: String, expected: String) throws {
        let project = try PluginProject()
        project.reply(reply)
        let result = try project.check(allowing: [project.stub])
        #expect(result.errors.count == 1)
        let message = try #require(result.errors.first?.message)
        #expect(message.contains("rule `stub-rule`: plugin `stub`"), "\(message)")
        #expect(message.contains(expected), "\(message)")
        #expect(!result.findings.contains { $0.checker == "plugin:stub" }, "a reply is used all or nothing")
        #expect(result.hasBuiltInFinding)
    }
}
