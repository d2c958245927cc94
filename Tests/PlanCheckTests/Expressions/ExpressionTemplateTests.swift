import Testing
@testable import PlanCheck

@Suite struct ExpressionTemplateTests {
    @Test func rendersPlaceholders() throws {
        let task = try ExprTest.record("id: M01\ndue: '2011-06-30'\nlead: [市发展改革委]\n")
        let template = try ExpressionTemplate.compile("{{ id }} 逾期 {{ days(due, asOf) }} 天（牵头：{{ lead[0] }}）")
        #expect(template.render(record: task, context: ExprTest.context) == "M01 逾期 185 天（牵头：市发展改革委）")
    }

    @Test func bracesAndStringsInsidePlaceholders() throws {
        let template = try ExpressionTemplate.compile("a{{ {'k': '}}'}['k'] }}b {{ [1, 2] }}")
        #expect(template.render(record: nil, context: ExprTest.context) == "a}}b [1, 2]")
        #expect(try ExpressionTemplate.compile("plain text").isConstant)
    }

    @Test func errorsPointIntoTheTemplate() {
        do {
            _ = try ExpressionTemplate.compile("任务 {{ id + }} 逾期")
            Issue.record("expected a compile error")
        } catch {
            #expect(error.offset == 11)   // the closing }} where an operand was expected
        }
        do {
            _ = try ExpressionTemplate.compile("x {{ id")
            Issue.record("expected a compile error")
        } catch {
            #expect(error.message.contains("unclosed"))
            #expect(error.offset == 2)
        }
    }

    @Test func runtimeErrorsRenderVisibly() throws {
        let template = try ExpressionTemplate.compile("owner: {{ owner }}")
        let text = template.render(record: try ExprTest.record("id: 1\n"), context: ExprTest.context)
        #expect(text.hasPrefix("owner: <error:"))
    }
}
