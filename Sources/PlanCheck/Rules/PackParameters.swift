/// A built-in pack used with some of its rules' settings overridden from the configuration:
/// other field names, thresholds, severities or target paths, without copying the pack.
///
/// ```yaml
/// packs:
///   - plan-basics
///   - pack: indicators
///     with:                                   # rule id → settings that replace the pack's
///       indicator-target: {bindingSeverity: warning, actualYear: reportedYear}
///       indicator-totals: {target: "$.indicator_summary"}
/// ```
///
/// Each override is checked like a rule file: the rule must be one of the pack's, each key a
/// setting the rule may have (its checker's options, or `target`, `severity`, `message`,
/// `when`, `key`, `description`), each value of the option's type. `null` removes a setting.
public struct PackParameters: Sendable {
    public var pack: String
    /// Rule id → the map of settings that replace the pack's.
    public var overrides: [String: Node]
    /// The `packs:` item (for located errors).
    public var node: Node

    /// Rule keys an override may set (besides the checker's options): not `id` or `checker`,
    /// which would make it another rule.
    static let overridableRuleKeys = ["target", "severity", "message", "description", "key", "when"]
    static let keys = ["pack", "with"]

    /// Reads `packs:`: names, or `{pack, with}` maps. Returns the names in order and the
    /// parameters of those given some.
    static func parseList(_ node: Node?) throws(LoadError) -> (names: [String], parameters: [PackParameters]) {
        guard let node, !node.isNull else { return ([], []) }
        if let single = node.string { return ([single], []) }
        guard node.kind == .list else { throw LoadError(at: node, "`packs` is a list of pack names or {pack, with} maps") }
        var names: [String] = []
        var parameters: [PackParameters] = []
        for item in node.items {
            if let name = item.string { names.append(name); continue }
            guard item.kind == .map else { throw LoadError(at: item, "a `packs` item is a pack name or {pack: NAME, with: {rule-id: {option: value}}}") }
            try RuleFileLoader.checkKeys(item, allowed: keys, what: "`packs` item")
            guard let name = item["pack"]?.string, !name.isEmpty else { throw LoadError(at: item["pack"] ?? item, "a `packs` item needs `pack`, the pack's name") }
            var overrides: [String: Node] = [:]
            if let with = item["with"], !with.isNull {
                guard with.kind == .map else { throw LoadError(at: with, "`with` maps the pack's rule ids to the settings to change, e.g. {indicator-target: {bindingSeverity: warning}}") }
                for (rule, settings) in with.entries {
                    guard settings.kind == .map else { throw LoadError(at: settings, "`with.\(rule)` is a map of the rule's settings, e.g. {severity: warning}") }
                    overrides[rule] = settings
                }
            }
            names.append(name)
            parameters.append(PackParameters(pack: name, overrides: overrides, node: item))
        }
        return (names, parameters)
    }

    /// Checks that every overridden rule is one of the pack's.
    func checkRules(of set: RuleSet) throws(LoadError) {
        guard let with = node["with"] else { return }
        let ids = set.rules.map(\.id)
        for key in with.keys where !ids.contains(key.string ?? "") {
            let name = key.string ?? ""
            let hint = Suggestions.closest(to: name, among: ids, limit: 1).first.map { " — did you mean `\($0)`?" } ?? ""
            throw LoadError(at: key, "pack `\(pack)` has no rule `\(name)`\(hint); its rules: \(ids.joined(separator: ", "))")
        }
    }
}
