import Testing
@testable import PlanCheck

@Suite struct ExpressionLanguageTests {
    @Test func recordFieldsAreBareIdentifiers() throws {
        let task = try ExprTest.record("id: M01\nstatus: done\nlead: [市发展改革委, 港澳办]\nowner: 张三\n")
        #expect(try ExprTest.eval("status == 'done'", record: task) == "true")
        #expect(try ExprTest.eval("self.status == status", record: task) == "true")
        #expect(try ExprTest.eval("lead.size()", record: task) == "2")
        #expect(try ExprTest.eval("'港澳办' in lead", record: task) == "true")
        #expect(try ExprTest.eval("has(self.due)", record: task) == "false")
        #expect(try ExprTest.eval("due", record: task) == "error: no such field 'due' in the record")
    }

    @Test func variablesShadowRecordFields() throws {
        let task = try ExprTest.record("status: done\n")
        var context = ExprTest.context
        context.variables["status"] = .string("overridden")
        #expect(try ExprTest.eval("status", record: task, context: context) == "'overridden'")
        #expect(try ExprTest.eval("self.status", record: task, context: context) == "'done'")
    }

    @Test func collectionsAndRoot() throws {
        let doc = try YAMLLoader.load(bytes: Array("units:\n  - {id: fgw, name: 市发展改革委}\ntasks:\n  - {lead: 市发展改革委}\n".utf8), file: "d.yaml")
        let root = try #require(doc.root)
        let task = root["tasks"]?[0]
        let context = ExpressionContext(asOf: PlanDate(year: 2012, month: 1, day: 1), root: root,
                                        collections: ["units": Array(root["units"]!.items)])
        #expect(try ExprTest.eval("collections.units.exists(u, u.name == lead)", record: task, context: context) == "true")
        #expect(try ExprTest.eval("root.units[0].id", record: task, context: context) == "'fgw'")
    }

    @Test func celSemantics() throws {
        let cases: [(String, String)] = [
            ("1 == 1.0", "true"), ("dyn(1) + 1.0", "error: no matching overload for _+_(int, double)"),
            ("9223372036854775807 + 1", "error: integer overflow"), ("double('nan') == double('nan')", "false"),
            ("1 / 0 == 1 || true", "true"), ("false && 1 / 0 == 1", "false"),
            ("[1, 2, 3].exists_one(i, i > 2)", "true"), ("[1, 2, 3].map(i, i > 1, i * 10)", "[20, 30]"),
            ("string(123456789.0)", "'1.23456789e+08'"), ("'héllo'.size()", "5"), ("type(1u) == uint", "true"),
        ]
        for (source, expected) in cases {
            #expect(try ExprTest.eval(source) == expected, "\(source)")
        }
        // `1 + 1.0` is also rejected statically: both operand types are known.
        #expect(ExprTest.compileError("1 + 1.0") != nil)
    }

    @Test func staticErrorsPointIntoTheSource() {
        let unknown = ExprTest.compileError("status == 'a' && frobnicate(x)")
        #expect(unknown?.offset == 17)
        #expect(unknown?.message.contains("unknown function 'frobnicate'") == true)
        #expect(ExprTest.compileError("size(1, 2)")?.message.contains("takes 1 argument") == true)
        #expect(ExprTest.compileError("x + 'a' - 1")?.offset == 8)
        #expect(ExprTest.compileError("!1")?.offset == 0)
        #expect(ExprTest.compileError("(1 + 2")?.message.contains("expected ')'") == true)
        #expect(ExprTest.compileError("a = 1")?.offset == 2)
        #expect(ExprTest.compileError("'abc".self)?.message.contains("unterminated") == true)
        #expect(ExprTest.compileError("true && 1")?.offset == 8)
    }

    @Test func conditionsThrowOnErrorsAndNonBooleans() throws {
        let task = try ExprTest.record("status: done\n")
        let ok = try CompiledExpression.compile("status == 'done'")
        #expect(try ok.evaluateCondition(record: task, context: ExprTest.context))
        let missing = try CompiledExpression.compile("owner == '张三'")
        #expect(throws: ExpressionError.self) { try missing.evaluateCondition(record: task, context: ExprTest.context) }
        let notBool = try CompiledExpression.compile("status")
        #expect(throws: ExpressionError.self) { try notBool.evaluateCondition(record: task, context: ExprTest.context) }
    }

    @Test func domainFunctions() throws {
        let task = try ExprTest.record("due: '2011-06-30'\ncompleted: '2011-07-10'\nbudget: 3500亿元\n")
        #expect(try ExprTest.eval("days(due, completed)", record: task) == "10")
        #expect(try ExprTest.eval("date(completed) > date(due)", record: task) == "true")
        #expect(try ExprTest.eval("date(due) < asOf", record: task) == "true")
        #expect(try ExprTest.eval("quantity(budget) == 3.5e11", record: task) == "true")
        #expect(try ExprTest.eval("quantity('3.7%') == 0.037") == "true")
        #expect(try ExprTest.eval("quantity('2‰')") == "0.002")
        #expect(try ExprTest.eval("date('长期坚持')").hasPrefix("error:"))
    }
}
