/// Runs a checker's documented examples through the real rule-file loader and engine. The test
/// suite runs every registered checker's examples with it; authors of third-party checkers can
/// do the same in their own tests.
public enum ExampleRunner {
    /// The findings `example` produces, in report order.
    public static func findings(for example: CheckerExample, of descriptor: CheckerDescriptor,
                                registry: CheckerRegistry = .builtIn) throws(LoadError) -> [Finding] {
        let indented = example.rule.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }.joined(separator: "\n")
        let ruleFile = """
        ruleset: example
        rules:
          - id: example
            checker: \(descriptor.name)
            target: "\(example.target)"
        \(indented)
        """
        let rules = try RuleFileLoader(registry: registry).load(bytes: Array(ruleFile.utf8), file: "example-rules.yml")
        let data = try YAMLLoader.load(bytes: Array(example.data.utf8), file: "example.yaml")
        return Engine(rules: rules.rules, asOf: example.asOf, jobs: 1).check(document: data)
    }
}
