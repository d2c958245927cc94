/// Typed access to a rule's checker options (the keys of the rule map besides the common ones).
/// Types were validated against the checker's `OptionSpec`s before the checker sees them.
public struct RuleOptions: Sendable {
    /// The rule's map in the rule file.
    public let node: Node
    /// The rule id (for messages).
    public let ruleID: String
    /// Settings that replace the rule's own: a pack's rule used `with:` other options in the
    /// configuration (`PackParameters`); `null` there removes the setting.
    public let overrides: Node?

    public init(node: Node, ruleID: String, overrides: Node? = nil) {
        self.node = node
        self.ruleID = ruleID
        self.overrides = overrides
    }

    public subscript(name: String) -> Node? {
        if let overridden = overrides?[name] { return overridden.kind == .null ? nil : overridden }
        guard let value = node[name], value.kind != .null else { return nil }
        return value
    }

    public func string(_ name: String) -> String? { self[name]?.scalarText }

    /// A string or list of strings as a list (empty when absent).
    public func strings(_ name: String) -> [String] {
        guard let value = self[name] else { return [] }
        if value.kind == .list { return value.items.compactMap(\.scalarText) }
        return value.scalarText.map { [$0] } ?? []
    }

    public func integer(_ name: String) -> Int? { self[name]?.integer.map(Int.init) }
    public func number(_ name: String) -> Double? { self[name]?.number }
    public func bool(_ name: String) -> Bool? { self[name]?.bool }
    public func date(_ name: String) -> PlanDate? { string(name).flatMap(PlanDate.init(iso:)) }

    /// A map of strings (e.g. `values: {已完成: done}`) in document order.
    public func stringMap(_ name: String) -> [(String, String)] {
        guard let value = self[name] else { return [] }
        return value.entries.compactMap { key, v in v.scalarText.map { (key, $0) } }
    }

    public func jsonPath(_ name: String) throws(LoadError) -> JSONPath? {
        guard let value = self[name], let text = value.string else { return nil }
        return try JSONPath.compile(text, at: value)
    }

    /// A located error about option `name` (or the rule itself when the option is absent).
    public func error(_ name: String, _ message: String) -> LoadError {
        LoadError(at: overrides?[name] ?? node[name] ?? node, "rule `\(ruleID)`: option `\(name)`: \(message)")
    }
}
