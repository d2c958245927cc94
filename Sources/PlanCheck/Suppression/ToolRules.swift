/// Findings PlanCheck reports about its own bookkeeping rather than about a dataset. Their ids
/// contain a dot before any code, which user rule ids cannot, so they never clash.
public enum ToolRules {
    /// A baseline entry that no longer matches a finding (the problem was fixed): delete it.
    public static let staleBaselineEntry = "plancheck.stale-baseline-entry"
    /// An inline `# plancheck: disable=` comment or config `ignore:` entry that hid nothing.
    public static let unusedSuppression = "plancheck.unused-suppression"
    /// The pseudo checker name these findings carry.
    public static let checker = "plancheck"

    /// Descriptions for formats that describe rules (SARIF).
    public static let descriptions: [String: String] = [
        staleBaselineEntry: "A baseline entry no longer matches any finding; the problem was fixed, so remove the entry (rerun `plancheck baseline`).",
        unusedSuppression: "A suppression (inline `# plancheck: disable=` comment or `ignore:` entry) hid no finding; remove it.",
    ]
}
