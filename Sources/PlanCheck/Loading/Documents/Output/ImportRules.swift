/// The rule ids of what recognising a plan document could not settle. `check` reports them as
/// findings of the pseudo checker `import` (info unless the configuration's `severity:` says
/// otherwise, `off` included), located at the paragraph or line the doubt is about, so a reader
/// sees what to check instead of a silent guess.
public enum ImportRules {
    /// The pseudo checker name the findings carry.
    public static let checker = "import"
    public static let noUnits = "import.no-units"
    public static let unlabelledUnits = "import.unlabelled-units"
    public static let ambiguousNumbering = "import.ambiguous-numbering"
    public static let severalDeadlines = "import.several-deadlines"
    public static let unreadTable = "import.unread-table"
    /// The severity when the configuration does not set one.
    public static let defaultSeverity = Severity.info

    /// Every id with what it means, in the order `plancheck rules list` prints them.
    public static let descriptions: KeyValuePairs<String, String> = [
        noUnits: "The plan names no lead or responsible unit (牵头单位/责任单位) at all, or a task has a deadline but no units: check who answers for it.",
        unlabelledUnits: "Units were read from a bracket without 牵头单位/责任单位 labels (`（X牵头，Y配合）`): check who leads.",
        ambiguousNumbering: "A numbering label breaks its sequence (repeated, skipped, a level not starting at 1); it was read as an item: check the outline.",
        severalDeadlines: "An item holds several deadline phrases; `due` is the last: check it.",
        unreadTable: "A table has no header row naming its columns (序号、任务、牵头单位、完成时限…), so it was not read.",
    ]

    public static func description(of id: String) -> String? { descriptions.first { $0.key == id }?.value }

    /// Whether `id` is one of these rules, or `import` (all of them), as `severity:` may name it.
    public static func contains(_ id: String) -> Bool { id == checker || description(of: id) != nil }

    /// The notes of `plan` as findings.
    static func findings(_ plan: ImportedPlan) -> [Finding] {
        plan.notes.map { note in
            Finding(rule: note.rule, checker: checker, severity: defaultSeverity, message: note.message, file: plan.file,
                    line: note.position.line, column: note.position.column, path: "$", record: "",
                    cell: plan.tableSources.cell(ofParagraph: note.position.line, whole: true))
        }
    }
}
