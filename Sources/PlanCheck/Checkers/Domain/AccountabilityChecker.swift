/// `accountability`: "事事有人管" — every record has a lead unit that exists, participants that
/// exist, no lead repeated as a participant, and a named owner where the plan demands one.
public struct AccountabilityChecker: Checker {
    public static let descriptor = CheckerDescriptor(
        name: "accountability",
        summary: "Every record names registered lead and participating units (and an owner where required), without repeating the lead among the participants.",
        discussion: """
        Plans assign each measure to lead units (牵头单位) and participating units (参加单位), \
        often as one run of text: `市发展改革委、港澳办`. A string is split on 、 ， , ； ; / and \
        line breaks; a list is taken item by item (items are split too).

        With a unit registry — `collection:` a collection named in the config, or `in:` a \
        JSONPath into the document (`$.units[*]`); given both, the collection wins when the \
        config defines it, so one rule serves plans with and without a separate registry file — \
        every unit must match one of the registry's `match` \
        fields (default `name` and `aliases`). An unknown name gets "did you mean" suggestions by \
        edit distance over characters, so `市发改委` suggests `市发展改革委`. Aliases count as the \
        unit they belong to: a lead written as an alias and repeated in full among the \
        participants is still a repeat.

        Many plans name only responsible units (责任单位：X、Y, or a 责任单位 column with no \
        牵头单位 beside it) and mark none of them as lead. Those units are read from the \
        `responsible` field, checked against the registry like the others and counted by the \
        audit as answerable for the task; the checker never guesses which of them leads, and \
        reports the record as `responsible-without-lead` (a warning) instead of `missing-lead`.

        Codes: `missing-lead`, `responsible-without-lead`, `too-many-leads`, `unknown-lead`, \
        `unknown-participant`, `unknown-responsible`, `lead-also-participant`, `duplicate-unit`, \
        `missing-owner`, `registry-empty`, and with \
        `summary: true` one `unit-summary` finding (info) per unit: tasks led and joined. \
        `checkRepeats: false` leaves the repeat codes (`lead-also-participant`, \
        `duplicate-unit`) to another rule on the same records, so one problem is reported once.

        Prefer this checker to `reference` for the units of tasks and actions: it reads leads \
        and participants the way plans write them, checks the roles (missing lead, repeats, \
        owner) and feeds the audit's unit ranking; `reference` is for any other field that must \
        name a record elsewhere (an action id, a district code).

        For the audit the checker assesses each record's units: the leads and participants \
        (resolved to the registry's names) and the names the registry does not know.
        """,
        options: [
            OptionSpec("lead", .string, default: "lead", "The field holding the lead unit(s)."),
            OptionSpec("participants", .string, default: "participants", "The field holding the participating units."),
            OptionSpec("responsible", .string, default: "responsible", "The field holding responsible units where the plan marks no lead (责任单位)."),
            OptionSpec("owner", .string, default: "owner", "The field holding the named person responsible."),
            OptionSpec("requireLead", .boolean, default: "true", "Report records without a lead unit."),
            OptionSpec("requireOwner", .boolean, default: "false", "Report records without a named owner (落实到人头)."),
            OptionSpec("maxLeads", .integer, "The most lead units a record may name (1 forbids co-leads); unlimited when absent."),
            OptionSpec("in", .jsonPath, "A JSONPath to the unit registry's entries in the document, e.g. `$.units[*]`."),
            OptionSpec("collection", .string, "The name of a config collection holding the unit registry; used instead of `in` when the config defines it."),
            OptionSpec("checkLeads", .boolean, default: "true", "Look lead units up in the registry."),
            OptionSpec("checkParticipants", .boolean, default: "true", "Look participating units up in the registry."),
            OptionSpec("match", .strings, default: "[name, aliases]", "Registry fields whose values (strings or lists) name a unit; the first is the unit's canonical name."),
            OptionSpec("checkRepeats", .boolean, default: "true", "Report a lead repeated among the participants and a unit listed twice."),
            OptionSpec("summary", .boolean, default: "false", "Also report, per unit, the number of records it leads and joins (info)."),
        ],
        examples: [
            CheckerExample("Unknown, repeated and missing units", rule: "in: $.units[*]\nrequireOwner: true", data: """
                units:
                  - {name: 市发展改革委, aliases: [发展改革委, 市发改委]}
                  - {name: 港澳办}
                  - {name: 市科工贸信委}
                tasks:
                  - id: M1
                    lead: 市发展改革委、港澳办
                    participants: 市科工贸信委，发展改革委
                    owner: 张三
                  - id: M2
                    lead: 市发展改委
                    owner: 李四
                  - id: M3
                    participants: [港澳办]
                """, triggers: ["M1", "M2", "M3", "M3"]),
            CheckerExample("Leads and participants all registered", rule: "in: $.units[*]\nmaxLeads: 2", data: """
                units:
                  - {name: 市发展改革委, aliases: [市发改委]}
                  - {name: 港澳办}
                  - {name: 市外办}
                tasks:
                  - id: M1
                    lead: 市发改委、港澳办
                    participants: [市外办]
                """, triggers: []),
            CheckerExample("Responsible units but no lead marked; a responsible unit the registry does not know", rule: "in: $.units[*]", data: """
                units:
                  - {name: 市交通局}
                  - {name: 市财政局}
                tasks:
                  - id: M1
                    responsible: 市交通局、市财政局
                  - id: M2
                    lead: 市交通局
                    participants: 市财政局
                  - id: M3
                    responsible: [市交通局, 市财政厅]
                """, triggers: ["M1", "M3", "M3"]),
        ],
        codes: [
            FindingCode("missing-lead", .rule, "No lead unit (with `requireLead`)."),
            FindingCode("responsible-without-lead", .fixed(.warning), "Responsible units (责任单位) named, none marked as lead (with `requireLead`)."),
            FindingCode("too-many-leads", .rule, "More lead units than `maxLeads`."),
            FindingCode("unknown-lead", .rule, "A lead unit the registry does not know (with `checkLeads`)."),
            FindingCode("unknown-participant", .rule, "A participating unit the registry does not know (with `checkParticipants`)."),
            FindingCode("unknown-responsible", .rule, "A responsible unit the registry does not know (with `checkLeads`)."),
            FindingCode("lead-also-participant", .rule, "A lead unit repeated among the participants (with `checkRepeats`)."),
            FindingCode("duplicate-unit", .rule, "A unit listed twice in one role (with `checkRepeats`)."),
            FindingCode("missing-owner", .rule, "No named owner (with `requireOwner`)."),
            FindingCode("registry-empty", .fixed(.warning), "The registry holds no unit, so names are not checked."),
            FindingCode("unit-summary", .fixed(.info), "Per unit: records led and joined (with `summary`)."),
        ])

    let leadField: String
    let participantsField: String
    let responsibleField: String
    let ownerField: String
    let requireLead: Bool
    let requireOwner: Bool
    let maxLeads: Int?
    let registrySource: RegistrySource
    let matchFields: [String]
    let summary: Bool
    let checkLeads: Bool
    let checkParticipants: Bool
    let checkRepeats: Bool

    public init(options: RuleOptions) throws(LoadError) {
        leadField = options.string("lead") ?? "lead"
        participantsField = options.string("participants") ?? "participants"
        responsibleField = options.string("responsible") ?? "responsible"
        ownerField = options.string("owner") ?? "owner"
        requireLead = options.bool("requireLead") ?? true
        requireOwner = options.bool("requireOwner") ?? false
        maxLeads = options.integer("maxLeads")
        registrySource = try RegistrySource(options: options)
        let match = options.strings("match")
        matchFields = match.isEmpty ? ["name", "aliases"] : match
        summary = options.bool("summary") ?? false
        if let maxLeads, maxLeads < 1 { throw options.error("maxLeads", "must be at least 1") }
        checkLeads = options.bool("checkLeads") ?? true
        checkParticipants = options.bool("checkParticipants") ?? true
        checkRepeats = options.bool("checkRepeats") ?? true
    }

    /// The unit registry of one document and where it came from (for messages).
    struct Registry: Sendable {
        var names: NameRegistry
        var source: String
        var suggestions: Suggestions.Index?
    }

    public struct State: Sendable {
        var registry: Registry?
        /// Per canonical unit: (records led, records joined), in first-seen order.
        var tally: [String: (led: Int, joined: Int)] = [:]
        var order: [String] = []
        var registryNode: Node?
        /// Unit names seen; an empty registry matters only when there was a name to check.
        var names = 0
    }

    public func makeState(context: CheckContext) -> State {
        var state = State()
        guard registrySource.isDeclared else { return state }
        if let (entries, source) = registrySource.entries(in: context) {
            state.registry = Registry(names: NameRegistry(entries: entries, match: matchFields), source: source)
        } else {
            state.registry = Registry(names: NameRegistry(entries: [], match: []), source: registrySource.unavailable)
        }
        return state
    }

    public func check(_ record: Record, state: inout State, report: inout FindingReporter) {
        var key: String { record.key } // built only for findings
        let leadNode = record[leadField]
        let leads = leadNode.map(UnitSplitter.units(of:)) ?? []
        let participants = record[participantsField].map(UnitSplitter.units(of:)) ?? []
        let responsible = record[responsibleField].map(UnitSplitter.units(of:)) ?? []
        state.names += leads.count + participants.count + responsible.count

        if leads.isEmpty, !responsible.isEmpty {
            if requireLead {
                report.report(record, at: record[responsibleField],
                              message: "\(key): responsible units (`\(responsibleField)`: \(responsible.map(\.name).joined(separator: "、"))) are named, but none is marked as lead (牵头)",
                              code: "responsible-without-lead", severity: .warning, values: ["field": responsibleField])
            }
        } else if leads.isEmpty {
            if requireLead {
                report.report(record, at: leadNode, missing: leadField, message: "\(key): no lead unit (`\(leadField)`)", code: "missing-lead", values: ["field": leadField])
            }
        } else if let maxLeads, leads.count > maxLeads {
            report.report(record, at: leadNode,
                          message: "\(key): \(leads.count) lead units (\(leads.map(\.name).joined(separator: "、"))), at most \(maxLeads) allowed",
                          code: "too-many-leads", values: ["field": leadField])
        }

        var leadUnits: Set<String> = []
        var seen: Set<String> = []
        var judged = report.isAssessing ? UnitAssessment(leads: [], participants: [], unregistered: [], hasRegistry: state.registry.map { !$0.names.isEmpty } ?? false) : nil
        for (role, units, field) in [("lead", leads, leadField), ("responsible", responsible, responsibleField), ("participant", participants, participantsField)] {
            for unit in units {
                let canonical = resolve(unit.name, role: role, field: field, at: unit.node, record: record, state: &state, report: &report)
                if judged != nil {
                    if judged!.hasRegistry, state.registry?.names.canonical(of: unit.name) == nil, !judged!.unregistered.contains(unit.name) {
                        judged!.unregistered.append(unit.name)
                    }
                    if !seen.contains(canonical) {
                        switch role {
                        case "lead": judged!.leads.append(canonical)
                        case "responsible": judged!.responsible.append(canonical)
                        default: judged!.participants.append(canonical)
                        }
                    }
                }
                if seen.contains(canonical) {
                    guard checkRepeats else { continue }
                    if role != "lead" && leadUnits.contains(canonical) {
                        report.report(record, at: unit.node, message: "\(key): lead unit \(unit.name) is also listed as a participant",
                                      code: "lead-also-participant", values: ["field": field, "value": unit.name])
                    } else {
                        report.report(record, at: unit.node, message: "\(key): \(unit.name) is listed twice", code: "duplicate-unit",
                                      values: ["field": field, "value": unit.name])
                    }
                    continue
                }
                seen.insert(canonical)
                if role == "lead" { leadUnits.insert(canonical) }
                if summary {
                    // Responsible units answer for the record as leads do.
                    if state.tally[canonical] == nil { state.order.append(canonical); state.tally[canonical] = (0, 0) }
                    if role == "participant" { state.tally[canonical]!.joined += 1 } else { state.tally[canonical]!.led += 1 }
                }
            }
        }

        if let judged { report.assess(record, .units(judged)) }

        if requireOwner {
            let owner = record[ownerField]
            if owner?.isEmpty ?? true {
                report.report(record, at: owner, missing: ownerField, message: "\(key): no named owner (`\(ownerField)`)", code: "missing-owner", values: ["field": ownerField])
            }
        }
    }

    /// The unit's canonical name; reports it when the registry does not know it.
    func resolve(_ name: String, role: String, field: String, at node: Node, record: Record, state: inout State,
                 report: inout FindingReporter) -> String {
        guard let registry = state.registry else { return name }
        if let canonical = registry.names.canonical(of: name) { return canonical }
        guard !registry.names.isEmpty, role == "participant" ? checkParticipants : checkLeads else { return name }
        if registry.suggestions == nil { state.registry?.suggestions = registry.names.suggestionIndex() }
        let found = state.registry!.suggestions!.closest(to: name)
        let hint = found.isEmpty ? "" : " (did you mean " + found.joined(separator: ", ") + "?)"
        let (adjective, code) = switch role {
        case "lead": ("lead", "unknown-lead")
        case "responsible": ("responsible", "unknown-responsible")
        default: ("participating", "unknown-participant")
        }
        report.report(record, at: node, message: "\(record.key): \(adjective) unit \(name) is not in the unit registry\(hint)",
                      code: code, values: ["field": field, "value": name])
        return name
    }

    public func finish(state: inout State, report: inout FindingReporter) {
        if let registry = state.registry, registry.names.isEmpty, state.names > 0 {
            report.report(report.datasetRecord, at: state.registryNode,
                          message: "the unit registry (\(registry.source)) is empty: unit names are not checked", code: "registry-empty", severity: .warning)
        }
        guard summary else { return }
        for unit in state.order {
            let t = state.tally[unit]!
            report.report(report.datasetRecord, message: "\(unit): leads \(t.led), joins \(t.joined)", code: "unit-summary", severity: .info,
                          values: ["unit": unit, "led": String(t.led), "joined": String(t.joined)])
        }
    }
}
