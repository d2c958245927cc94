import Testing
@testable import PlanCheck

/// Every rule in docs/cookbook.md compiles (when, assert, message), and the rules behave as
/// described on a small dataset, so the documentation cannot drift from the language.
@Suite struct CookbookTests {
    struct Rule {
        let id: String
        let target: String
        let when: CompiledExpression?
        let assertion: CompiledExpression
        let message: ExpressionTemplate
    }

    static func rules() throws -> [Rule] {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(4)
        let text = String(decoding: try FileReader.read(parts.joined(separator: "/") + "/docs/cookbook.md"), as: UTF8.self)
        var rules: [Rule] = []
        for block in text.components(separatedBy: "```yaml\n").dropFirst() {
            let yaml = block.components(separatedBy: "```")[0]
            let rule = try #require(try YAMLLoader.load(bytes: Array(yaml.utf8), file: "cookbook.md").root?[0])
            rules.append(Rule(id: rule["id"]?.string ?? "", target: rule["target"]?.string ?? "",
                              when: try rule["when"]?.string.map(CompiledExpression.compile),
                              assertion: try CompiledExpression.compile(rule["assert"]?.string ?? ""),
                              message: try ExpressionTemplate.compile(rule["message"]?.string ?? "")))
        }
        return rules
    }

    static let dataset = """
        units:
          - {id: fgw, name: 市发展改革委, aliases: [发展改革委]}
          - {id: gab, name: 港澳办}
          - {id: czw, name: 市财政委}
        tasks:
          - {id: M01, lead: [市发展改革委], participants: [港澳办], owner: 张三, due: '2011-06-30', status: done, completed: '2011-06-20', budget: 2000万元}
          - {id: M02, lead: [发展改革委, 未知办], participants: [发展改革委], owner: 待定, due: '2011-06-30', status: in-progress, budget: 2000万元}
        indicators:
          - {id: I01, name: 地区生产总值, kind: binding, unit: 亿元, target: 3500, actual: 2002, direction: at-least}
          - {id: I02, name: 城镇登记失业率, kind: binding, unit: '%', target: 3.7, actual: 3.2, direction: at-most}
        projects:
          - {id: P1, name: 甲, permits: {siteSelection: true, landUse: true, construction: true}}
          - {id: P2, name: 乙, permits: {siteSelection: true, landUse: false}}
        """

    @Test func cookbookRulesCompileAndBehave() throws {
        let rules = try Self.rules()
        #expect(rules.count == 10)
        let root = try #require(try YAMLLoader.load(bytes: Array(Self.dataset.utf8), file: "d.yaml").root)
        let context = ExpressionContext(asOf: PlanDate(year: 2012, month: 1, day: 1), root: root,
                                        collections: ["units": Array(root["units"]!.items)])
        var failing: [String: [String]] = [:]
        for rule in rules {
            let records = rule.target == "$" ? [root] : Array(root[String(rule.target.dropFirst(2).dropLast(3))]?.items ?? NodeSequence(document: root.document, start: 0, count: 0, stride: 1))
            for record in records {
                if let when = rule.when, (try? when.evaluateCondition(record: record, context: context)) != true { continue }
                if (try? rule.assertion.evaluateCondition(record: record, context: context)) != true {
                    failing[rule.id, default: []].append(record["id"]?.string ?? "root")
                    _ = rule.message.render(record: record, context: context)
                }
            }
        }
        #expect(failing["done-has-completion"] == nil)
        #expect(failing["overdue"] == ["M02"])
        #expect(failing["lead-registered"] == ["M02"])
        #expect(failing["lead-not-participant"] == ["M02"])
        #expect(failing["owner-named"] == ["M02"])
        #expect(failing["binding-indicator-met"] == ["I01"])
        #expect(failing["big-budget-finance"] == ["M01", "M02"])
        #expect(failing["permits-complete"] == ["P2"])
        #expect(failing["indicator-count"] == ["root"])
    }
}
