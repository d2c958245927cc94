import Foundation
import Testing
@testable import PlanCheck

/// Packs used `with:` parameters: some settings of their rules replaced from the configuration.
@Suite struct PackParameterTests {
    static let indicators = """
        indicators:
          - {id: I1, name: 森林覆盖率, kind: binding, target: 40, actual: 38, direction: at-least}
        summary: {total: 2}
        """

    @Test func anOptionAndASeverityAreOverridden() throws {
        let plain = try MappingProject(config: "packs: [indicators]\n", files: ["plan.yaml": Self.indicators])
        #expect(try plain.check().contains { $0.contains("error: I1 森林覆盖率: binding") })
        let relaxed = try MappingProject(config: """
            packs:
              - pack: indicators
                with:
                  indicator-target: {bindingSeverity: warning}
                  indicator-fields: {severity: info}
            """, files: ["plan.yaml": Self.indicators.replacingOccurrences(of: "kind: binding, ", with: "")])
        let findings = try relaxed.check()
        #expect(findings.contains { $0.contains("info: I1: missing required field `kind`") }, "\(findings)")
        let bindingPlan = try MappingProject(config: """
            packs: [{pack: indicators, with: {indicator-target: {bindingSeverity: warning}}}]
            """, files: ["plan.yaml": Self.indicators])
        #expect(try bindingPlan.check().contains { $0.contains("warning: I1 森林覆盖率: binding") })
    }

    @Test func theTargetAndFieldNamesAreOverridden() throws {
        let project = try MappingProject(config: """
            packs:
              - pack: indicators
                with:
                  indicator-totals: {target: $.summary, declared: total, path: "$.indicators[*]"}
            """, files: ["plan.yaml": Self.indicators])
        #expect(try project.check().contains { $0.contains("declared 2, counted 1") })
    }

    @Test func nullRemovesASetting() throws {
        // Without `period`, the indicator rule has no plan period to take a target year from.
        let project = try MappingProject(config: """
            packs: [{pack: indicators, with: {indicator-target: {period: null}}}]
            """, files: ["plan.yaml": Self.indicators])
        let rule = try #require(try project.project().engine.rules.first { $0.id == "indicator-target" })
        #expect(rule.id == "indicator-target")
        #expect(try project.check().contains { $0.contains("I1 森林覆盖率: binding") })
    }

    @Test func mistakesAreLocatedWithSuggestions() throws {
        let cases: [(String, String, Int, Int)] = [
            ("packs: [{pack: indicators, with: {indicator-targte: {bindingSeverity: warning}}}]", "has no rule `indicator-targte` — did you mean `indicator-target`?", 1, 35),
            ("packs:\n  - pack: indicators\n    with:\n      indicator-target: {bindingSeverty: warning}", "unknown key `bindingSeverty` in the settings of rule `indicator-target` (checker `indicator`) — did you mean `bindingSeverity`?", 4, 26),
            ("packs:\n  - pack: indicators\n    with:\n      indicator-target: {bindingSeverity: fatal}", "option `bindingSeverity` expects", 4, 43),
            ("packs:\n  - pack: indicators\n    with:\n      indicator-target: {target: \"$.[\"}", "invalid JSONPath", 4, 34),
            ("packs: [{pack: indicators, with: {indicator-target: {checker: total}}}]", "unknown key `checker`", 1, 54),
            ("packs: [{pack: indicators, wiht: {}}]", "did you mean `with`?", 1, 28),
            ("packs: [{pack: indicators, with: {indicator-fields: {fields: null}}}]", "is required and cannot be removed", 1, 62),
            ("packs: [{with: {}}]", "needs `pack`", 1, 9),
        ]
        for (yaml, expected, line, column) in cases {
            let project = try MappingProject(config: yaml + "\n", files: [:])
            let error = try #require(project.configError(), "\(yaml)")
            #expect(error.message.contains(expected), "\(yaml): \(error.message)")
            #expect((error.line, error.column) == (line, column) && error.file.hasSuffix(".plancheck.yml"), "\(yaml): \(error)")
        }
    }
}
