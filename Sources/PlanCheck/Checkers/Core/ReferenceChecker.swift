/// `reference`: every value of a field (each item of a list, each unit of a `、`-separated
/// string) names a record of another collection, matched on one or more of its fields.
public struct ReferenceChecker: Checker {
    public static let descriptor = CheckerDescriptor(
        name: "reference",
        summary: "Each value of a field exists in another collection (e.g. lead units in the unit registry).",
        discussion: """
        The candidates are the named collection `collection` from `.plancheck.yml` when it is \
        configured, else the records selected by `in` (a JSONPath into the same document); a \
        rule may name both. A value matches when it equals \
        one of the `match` fields of a candidate (a field may hold a list, such as `aliases`). \
        String values are split into units on 、，,；; and line breaks unless `split: false`. An \
        unknown value gets a "did you mean" suggestion by edit distance over characters, so \
        `市发改委` suggests `市发展改革委`.

        **`reference` or `accountability` for a unit registry?** Use `reference` for any field \
        that must name a record elsewhere — an action id, a district code, a project in a \
        ledger, or units when that is all you need. Use `accountability` for the units of a \
        plan's tasks: besides the registry lookup it reads lead and participating units as one \
        unit (an alias counts as its unit), reports a missing lead, co-leads beyond `maxLeads`, a \
        lead repeated among the participants and a missing owner, and it is the rule the audit \
        takes each task's units from. Do not run both on the same field: one unknown unit would \
        be reported twice.
        """,
        options: [
            OptionSpec("field", .string, required: true, "The field holding the reference(s)."),
            OptionSpec("in", .jsonPath, "The candidate records in the same document, e.g. `$.units[*]`."),
            OptionSpec("collection", .string, "A collection named in the configuration's `collections`; wins over `in` when configured."),
            OptionSpec("match", .strings, default: "name", "The candidate fields a value may equal (e.g. [name, aliases])."),
            OptionSpec("split", .boolean, default: "true", "Split string values into several references on 、，,；; and newlines."),
            OptionSpec("what", .string, default: "value", "What a reference names, for messages (e.g. unit, 单位)."),
        ],
        examples: [
            CheckerExample("A lead unit not in the registry", rule: "field: lead\nin: $.units[*]\nmatch: [name, aliases]\nwhat: unit", data: """
                units:
                  - {name: 市发展改革委, aliases: [发展改革委]}
                  - {name: 市港澳办, aliases: [港澳办]}
                tasks:
                  - {id: A04, lead: 市发展改革委、港澳办}
                  - {id: A05, lead: [市发改委]}
                """, triggers: ["A05"]),
            CheckerExample("Aliases count as names", rule: "field: participants\nin: $.units[*]\nmatch: [name, aliases]", data: """
                units:
                  - {name: 市外办, aliases: [外办]}
                tasks:
                  - {id: A02, participants: 外办}
                """, triggers: []),
        ],
        codes: [
            FindingCode("", .rule, "A value names nothing in the registry (with \"did you mean\" suggestions), or the registry itself cannot be found."),
        ])

    let field: String
    let registry: RegistrySource
    let match: [String]
    let split: Bool
    let what: String

    public init(options: RuleOptions) throws(LoadError) {
        field = options.string("field") ?? ""
        registry = try RegistrySource(options: options)
        if !registry.isDeclared {
            throw options.error("in", "give `in` (a JSONPath to the candidates) or `collection` (a configured collection), or both")
        }
        let matchFields = options.strings("match")
        match = matchFields.isEmpty ? ["name"] : matchFields
        split = options.bool("split") ?? true
        what = options.string("what") ?? "value"
    }

    public struct State: Sendable {
        /// Nil when the rule names only a collection the configuration does not define.
        var known: NameRegistry?
        var suggestions: Suggestions.Index?
        /// "Did you mean" per unknown name: the same misspelling recurs across records.
        var hints: [String: [String]] = [:]
    }

    public func makeState(context: CheckContext) -> State {
        State(known: registry.entries(in: context).map { NameRegistry(entries: $0.records, match: match) })
    }

    public func check(_ record: Record, state: inout State, report: inout FindingReporter) {
        guard let value = record[field] else { return }
        guard let known = state.known else {
            report.report(record, at: value, message: registry.unavailable)
            return
        }
        // Fast path: single clean names are looked up by their bytes, without building strings.
        let single = value.kind == .list ? value.items : NodeSequence(single: value)
        var needsSlowPath = false
        for item in single where item.kind == .string {
            let clean = item.withUTF8 { bytes in
                (!split || UnitBytes.isSingleUnit(bytes)) ? known.contains(bytes) : false
            }
            if !clean { needsSlowPath = true; break }
        }
        if !needsSlowPath && !single.contains(where: { $0.kind != .string && $0.kind != .null }) { return }
        let references: [(name: String, node: Node)] = split
            ? UnitSplitter.units(of: value)
            : (value.kind == .list ? value.items.compactMap { n in n.scalarText.map { ($0, n) } } : value.scalarText.map { [($0, value)] } ?? [])
        for (name, node) in references where known.canonical(of: name) == nil {
            let suggestions: [String]
            if let cached = state.hints[name] {
                suggestions = cached
            } else {
                if state.suggestions == nil { state.suggestions = known.suggestionIndex() }
                suggestions = state.suggestions!.closest(to: name)
                state.hints[name] = suggestions
            }
            let hint = suggestions.isEmpty ? "" : "; did you mean \(suggestions.joined(separator: " or "))?"
            report.report(record, at: node, message: "\(record.key): unknown \(what) \"\(name)\" in `\(field)`\(hint)",
                          values: ["field": field, "value": name, "suggestion": suggestions.first ?? ""])
        }
    }
}
