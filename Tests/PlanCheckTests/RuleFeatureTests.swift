import Testing
@testable import PlanCheck

/// Features every rule has: `when`, `message` templates, `key`, severity overrides.
@Suite struct RuleFeatureTests {
    func run(_ rules: String, _ data: String, overrides: [String: Severity?] = [:]) throws -> [Finding] {
        let set = try RuleFileLoader().load(bytes: Array(rules.utf8), file: "rules.yml")
        let document = try YAMLLoader.load(bytes: Array(data.utf8), file: "data.yaml")
        return Engine(rules: set.rules, asOf: PlanDate(year: 2011, month: 12, day: 31), severityOverrides: overrides, jobs: 1)
            .check(document: document)
    }

    static let data = """
    tasks:
      - {id: T1, status: done, budget: 10}
      - {id: T2, status: in-progress}
      - {id: T3, status: done}
    """

    @Test func whenRestrictsTheRecords() throws {
        let findings = try run("""
            ruleset: r
            rules:
              - {id: done-needs-completion, checker: required, target: '$.tasks[*]', fields: completed, when: "status == 'done'"}
            """, Self.data)
        #expect(findings.map(\.record) == ["T1", "T3"])
    }

    @Test func whenThatCannotBeEvaluatedIsAFindingNotASilentSkip() throws {
        let findings = try run("""
            ruleset: r
            rules:
              - {id: big, checker: required, target: '$.tasks[*]', fields: owner, when: "budget > 5"}
            """, Self.data)
        #expect(findings.map(\.rule) == ["big", "big.when-error", "big.when-error"])
        #expect(findings[1].message.contains("could not be evaluated"))
    }

    @Test func whenParseErrorPointsIntoTheExpression() {
        do {
            _ = try RuleFileLoader().load(bytes: Array("ruleset: r\nrules:\n  - id: a\n    checker: required\n    target: $.t[*]\n    fields: a\n    when: status == == 1\n".utf8), file: "r.yml")
            Issue.record("accepted")
        } catch {
            #expect(error.line == 7)
            #expect(error.column == 11 + 10)
            #expect(error.message.contains("status == == 1\n              ^"), "\(error.message)")
        }
    }

    @Test func nonBooleanWhenIsRejectedAtLoad() {
        #expect(throws: LoadError.self) {
            try RuleFileLoader().load(bytes: Array("ruleset: r\nrules:\n  - {id: a, checker: required, target: $.t, fields: a, when: \"1 + 2\"}\n".utf8), file: "r.yml")
        }
    }

    @Test func messageTemplatesQuoteFieldsAndExpressions() throws {
        let findings = try run("""
            ruleset: r
            rules:
              - id: owner
                checker: required
                target: $.tasks[*]
                fields: owner
                message: "{{ key }}（{{ status }}）：{{ message }}；预算 {{ has(self.budget) ? string(budget) : '无' }}"
            """, Self.data)
        #expect(findings.first?.message == "T1（done）：T1: missing required field `owner`；预算 10")
        #expect(findings.last?.message == "T3（done）：T3: missing required field `owner`；预算 无")
    }

    @Test func severityOverridesAndOff() throws {
        let rules = """
            ruleset: r
            rules:
              - {id: owner, checker: required, target: '$.tasks[*]', fields: owner}
              - {id: due, checker: required, target: '$.tasks[*]', fields: due}
            """
        let findings = try run(rules, Self.data, overrides: ["owner": Severity?.some(.warning), "due": Severity?.none])
        #expect(findings.count == 3)
        #expect(findings.allSatisfy { $0.rule == "owner" && $0.severity == .warning })
    }

    @Test func keyNamesTheRecord() throws {
        let findings = try run("""
            ruleset: r
            key: status
            rules:
              - {id: owner, checker: required, target: '$.tasks[1]', fields: owner}
            """, Self.data)
        #expect(findings.map(\.record) == ["in-progress"])
    }

    /// `description: >` (how the built-in packs write long ones) ends with a line break; kept,
    /// it printed an empty line in `plancheck rules list`.
    @Test func foldedDescriptionsLoseTheirTrailingLineBreak() throws {
        let rules = """
        ruleset: r
        description: >
          A rule set
          on two lines.
        rules:
          - id: a
            description: >
              Tasks name
              a lead.
            checker: required
            target: $.tasks[*]
            fields: lead
        """
        let set = try RuleFileLoader().load(bytes: Array(rules.utf8), file: "rules.yml")
        #expect(set.description == "A rule set on two lines.")
        #expect(set.rules.map(\.description) == ["Tasks name a lead."])
    }

    @Test func everyBuiltInRuleDescriptionIsOneTrimmedLine() throws {
        for name in Project.packNames {
            let set = try Project.pack(named: name)
            for rule in set.rules {
                #expect(!rule.description.contains("\n"), "\(name): \(rule.id)")
            }
        }
    }

    /// A rule's `message:` says what is wrong with a record; when the rule could not judge the
    /// record at all, using it claimed a violation nobody found (`T2 已完成但未填写完成日期` for a
    /// task with no status).
    @Test func evaluationErrorsKeepTheirOwnMessageNotTheRulesTemplate() throws {
        let findings = try run("""
        ruleset: r
        rules:
          - id: done-has-completion
            checker: expression
            target: $.tasks[*]
            when: "state == 'done'"
            assert: "has(self.completed)"
            message: "{{ id }} 已完成但未填写完成日期"
          - id: budget-positive
            checker: expression
            target: $.tasks[*]
            assert: "budget > 0"
            message: "{{ id }} 预算应为正数"
        """, "tasks:\n  - {id: T1, state: done}\n  - {id: T2}\n")
        let byRule = Dictionary(grouping: findings, by: \.rule)
        #expect(byRule["done-has-completion"]?.map(\.message) == ["T1 已完成但未填写完成日期"])
        #expect(byRule["done-has-completion.when-error"]?.map(\.record) == ["T2"])
        #expect(byRule["done-has-completion.when-error"]?.allSatisfy { $0.message.contains("could not be evaluated") && !$0.message.contains("已完成") } == true)
        #expect(byRule["budget-positive.error"]?.count == 2)
        #expect(byRule["budget-positive.error"]?.allSatisfy { $0.message.contains("could not be evaluated") && !$0.message.contains("预算") } == true)
    }

    @Test func ratioConditionErrorsKeepTheirOwnMessage() throws {
        let findings = try run("""
        ruleset: r
        rules:
          - id: funded
            checker: ratio
            target: $.projects[*]
            condition: "budget > 0"
            min: 0
            message: "{{ key }} 未落实资金"
        """, "projects:\n  - {id: P1, budget: 5}\n  - {id: P2}\n")
        let errors = findings.filter { $0.rule == "funded.condition-error" }
        #expect(errors.map(\.record) == ["P2"])
        #expect(errors.allSatisfy { $0.message.contains("could not be evaluated") && !$0.message.contains("未落实") })
    }
}
