/// One entry of the configuration's `ignore:` list: findings of `rule` on the listed records
/// (record keys) or under the listed JSONPaths are hidden, for the recorded reason.
///
/// ```yaml
/// ignore:
///   - rule: measure-owner-required
///     records: [M01, M02]
///     reason: The programme names no owners; tracked in issue 12.
///   - rule: action-lead-registered
///     paths: ["$.actions[?@.id == 'A19']"]
///     reason: The unit was dissolved in 2012.
/// ```
public struct IgnoreEntry: Sendable {
    public static let keys = ["rule", "records", "paths", "reason"]

    /// A rule id (covering its sub-kinds) or `rule-id.code`.
    public var rule: String
    public var records: [String]
    public var paths: [JSONPath]
    public var reason: String
    /// Where the entry is written, for errors and unused-suppression reports.
    public var location: SourceLocation

    public func covers(rule id: String) -> Bool { id == rule || id.hasPrefix(rule + ".") }

    /// Parses the `ignore` value of a configuration; nil or absent means no entries.
    public static func parse(_ node: Node?) throws(LoadError) -> [IgnoreEntry] {
        guard let node, !node.isNull else { return [] }
        guard node.kind == .list else {
            throw LoadError(at: node, "`ignore` is a list of {rule, records or paths, reason}")
        }
        var entries: [IgnoreEntry] = []
        for item in node.items {
            guard item.kind == .map else { throw LoadError(at: item, "an `ignore` entry is a map with `rule`, `records` or `paths`, and `reason`") }
            try RuleFileLoader.checkKeys(item, allowed: keys, what: "ignore entry")
            guard let rule = item["rule"]?.string, !rule.isEmpty else {
                throw LoadError(at: item["rule"] ?? item, "an `ignore` entry needs `rule`, the rule id whose findings it hides")
            }
            guard let reason = item["reason"]?.scalarText, !reason.allSatisfy({ $0 == " " }) else {
                throw LoadError(at: item["reason"] ?? item, "the `ignore` entry for `\(rule)` needs a `reason`: why these findings are acceptable")
            }
            let records = try Configuration.strings(item, "records")
            var paths: [JSONPath] = []
            for text in try Configuration.strings(item, "paths") {
                let at = item["paths"] ?? item
                paths.append(try JSONPath.compile(text, at: at))
            }
            if records.isEmpty && paths.isEmpty {
                throw LoadError(at: item, "the `ignore` entry for `\(rule)` names no `records` or `paths`; to turn the rule off, use `severity: {\(rule): off}`")
            }
            entries.append(IgnoreEntry(rule: rule, records: records, paths: paths, reason: reason, location: item.location))
        }
        return entries
    }
}
