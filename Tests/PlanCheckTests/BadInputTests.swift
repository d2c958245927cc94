import Testing
@testable import PlanCheck

/// Broken datasets and rule files get a located error (exit code 2 in the CLI), never a crash or
/// a hang.
@Suite struct BadInputTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var bytes: [UInt8]
        var line: Int
        var column: Int
        var message: String
        var testDescription: String { name }
    }

    static let aliasBomb: String = {
        var lines = [#"a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]"#]
        for i in 1..<10 {
            let name = String(UnicodeScalar(UInt8(97 + i)))
            let previous = String(UnicodeScalar(UInt8(96 + i)))
            lines.append("\(name): &\(name) [" + Array(repeating: "*" + previous, count: 9).joined(separator: ",") + "]")
        }
        return lines.joined(separator: "\n") + "\n"
    }()

    static let datasets: [Case] = [
        Case(name: "truncated flow list", bytes: Array("tasks: [1, 2\n".utf8), line: 2, column: 1, message: "truncated"),
        Case(name: "truncated quoted string", bytes: Array("title: \"深圳\n".utf8), line: 2, column: 1, message: "quoted scalar"),
        Case(name: "tab indentation", bytes: Array("tasks:\n\t- id: 1\n".utf8), line: 2, column: 1, message: "tab character"),
        Case(name: "duplicate key", bytes: Array("id: a\ntitle: b\nid: c\n".utf8), line: 3, column: 1, message: "duplicate key `id` (first defined at line 1"),
        Case(name: "alias bomb", bytes: Array(aliasBomb.utf8), line: 8, column: 14, message: "alias bomb"),
        Case(name: "10 000-deep nesting", bytes: Array((String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)).utf8),
             line: 1, column: 1001, message: "nesting is deeper than 1000 levels"),
        Case(name: "binary garbage", bytes: [0x89, 0x50, 0x4E, 0x47, 0x00, 0x01, 0xFF, 0xFE, 0x80], line: 1, column: 1, message: "byte 0x89 at offset 0"),
        Case(name: "undefined alias", bytes: Array("a: *nowhere\n".utf8), line: 1, column: 4, message: "names no anchor"),
        Case(name: "list as key", bytes: Array("? [a]\n: 1\n".utf8), line: 1, column: 3, message: "expected a string as mapping key, found a list"),
        Case(name: "number as key", bytes: Array("2011: x\n".utf8), line: 1, column: 1, message: "found integer `2011`"),
    ]

    @Test(arguments: datasets)
    func datasetErrorsAreLocated(_ c: Case) {
        #expect(throws: LoadError.self) { _ = try YAMLLoader.load(bytes: c.bytes, file: "bad.yaml") }
        do {
            _ = try YAMLLoader.load(bytes: c.bytes, file: "bad.yaml")
        } catch {
            #expect(error.file == "bad.yaml")
            #expect((error.line, error.column) == (c.line, c.column), "\(error)")
            #expect(error.message.contains(c.message), "\(error.message)")
        }
    }

    @Test func emptyFileIsAnInputErrorAndOtherFilesAreStillChecked() throws {
        let dir = try TemporaryDirectory()
        let empty = dir.write("empty.yaml", "")
        let broken = dir.write("broken.yaml", "a: [1,\n")
        let good = dir.write("good.yaml", "tasks:\n  - id: T1\n")
        let rules = try RuleFileLoader().load(bytes: Array("ruleset: r\nrules:\n  - {id: lead, checker: required, target: '$.tasks[*]', fields: lead}\n".utf8), file: "r.yml")
        let result = Engine(rules: rules.rules, asOf: PlanDate(year: 2011, month: 1, day: 1)).check(files: [broken, empty, good])
        #expect(result.errors.map(\.file) == [broken, empty])
        #expect(result.errors[1].message.contains("empty"))
        #expect(result.findings.map(\.record) == ["T1"])
    }

    struct RuleCase: Sendable, CustomTestStringConvertible {
        var name: String
        var text: String
        var line: Int
        var column: Int
        var message: String
        var testDescription: String { name }
    }

    static let ruleFiles: [RuleCase] = [
        RuleCase(name: "unknown checker", text: "ruleset: x\nrules:\n  - id: a\n    checker: requird\n    target: $.t[*]\n",
                 line: 4, column: 14, message: "unknown checker `requird` — did you mean `required`?"),
        RuleCase(name: "misspelled option", text: "ruleset: x\nrules:\n  - id: a\n    checker: required\n    target: $.t[*]\n    feilds: [a]\n",
                 line: 6, column: 5, message: "unknown key `feilds` in rule `a` (checker `required`) — did you mean `fields`?; allowed keys: id, checker"),
        RuleCase(name: "wrong option type", text: "ruleset: x\nrules:\n  - id: a\n    checker: type\n    target: $.t[*]\n    field: [a]\n",
                 line: 6, column: 12, message: "option `field` expects string, found list"),
        RuleCase(name: "missing option", text: "ruleset: x\nrules:\n  - id: a\n    checker: required\n    target: $.t[*]\n",
                 line: 3, column: 5, message: "missing option `fields`"),
        RuleCase(name: "bad severity", text: "ruleset: x\nrules:\n  - {id: a, checker: required, target: $.t, fields: a, severity: fatal}\n",
                 line: 3, column: 66, message: "`severity` must be one of error, warning, info"),
        RuleCase(name: "unknown top-level key", text: "ruleset: x\nrule: []\n",
                 line: 2, column: 1, message: "unknown key `rule` in rule file — did you mean `rules`?"),
        RuleCase(name: "duplicate rule id", text: "ruleset: x\nrules:\n  - {id: a, checker: required, target: $.t, fields: a}\n  - {id: a, checker: required, target: $.t, fields: b}\n",
                 line: 4, column: 10, message: "duplicate rule id `a`"),
        RuleCase(name: "missing target", text: "ruleset: x\nrules:\n  - {id: a, checker: required, fields: a}\n",
                 line: 3, column: 5, message: "needs a `target`"),
        RuleCase(name: "bad template", text: "ruleset: x\nrules:\n  - {id: a, checker: required, target: $.t, fields: a, message: 'x {{ key'}\n",
                 line: 3, column: 68, message: "unclosed '{{' in message template (at character 3)"),
        // The column is the problem's own: after the opening quote of a quoted value, at the
        // character itself in a plain one.
        RuleCase(name: "bad template, double-quoted", text: "ruleset: x\nrules:\n  - {id: a, checker: required, target: $.t, fields: a, message: \"x {{ key\"}\n",
                 line: 3, column: 68, message: "unclosed '{{' in message template (at character 3)"),
        RuleCase(name: "bad when, plain", text: "ruleset: x\nrules:\n  - id: a\n    checker: required\n    target: $.t\n    fields: a\n    when: size(lead) > \n",
                 line: 7, column: 23, message: "unexpected end of expression (at character 13)"),
    ]

    @Test(arguments: ruleFiles)
    func ruleFileErrorsAreLocated(_ c: RuleCase) {
        do {
            _ = try RuleFileLoader().load(bytes: Array(c.text.utf8), file: "rules.yml")
            Issue.record("\(c.name) was accepted")
        } catch {
            #expect(error.file == "rules.yml")
            #expect((error.line, error.column) == (c.line, c.column), "\(error)")
            #expect(error.message.contains(c.message), "\(error.message)")
        }
    }
}
