/// The report's tables, built once and laid out by the text, Markdown and HTML formats, so the
/// three cannot disagree with each other or with the JSON model.
struct AuditTable {
    /// A stable id (`units`, `overdue`, …): the HTML `id`, and what tests look up.
    var id: String
    var title: String
    var columns: [String]
    /// Which columns hold numbers (right-aligned, numeric sort).
    var numeric: Set<Int>
    var rows: [[String]]
    /// A per-row key (unit name, task id) for the HTML `data-key` attribute.
    var keys: [String]
}

enum AuditTables {
    /// How many task ids a unit row names; the rest are in the overdue table.
    static let tasksPerUnit = 3

    static func all(_ r: AuditReport, _ s: AuditStrings) -> [AuditTable] {
        [units(r, s), overdue(r, s), late(r, s), groups(r, s), indicators(r, s), ratios(r, s), quality(r, s)]
            .filter { !$0.rows.isEmpty }
    }

    static func days(_ n: Int, _ s: AuditStrings) -> String { s.language == .zh ? "\(n)天" : "\(n) d" }

    /// The status columns: the five every audit has, and "done, date unknown" / "not assessed"
    /// only when some task is in them.
    static func statusColumns(_ r: AuditReport) -> [AuditStatus] {
        var columns: [AuditStatus] = [.doneOnTime, .doneLate]
        if r.totals.doneDateUnknown > 0 { columns.append(.doneDateUnknown) }
        columns += [.inProgress, .notStarted, .overdue]
        if r.totals.notAssessed > 0 { columns.append(.notAssessed) }
        return columns
    }

    static func units(_ r: AuditReport, _ s: AuditStrings) -> AuditTable {
        let optional = statusColumns(r)
        let rows = r.units.map { u -> [String] in
            let worst = u.overdueTasks.prefix(tasksPerUnit).map { "\($0.id) (\(days($0.days, s)))" }
                + (u.overdueTasks.count > tasksPerUnit ? ["…"] : [])
            return [String(u.rank), u.name, String(u.led.tasks)] + optional.map { String(u.led.count($0)) }
                + [String(u.led.daysOverdue), AuditFormat.percent(u.onTimeRate), String(u.participated.tasks), String(u.participated.overdue),
                   String(u.findings), worst.joined(separator: s.language == .zh ? "、" : ", ")]
        }
        let cols = [s["rank"], s["unit"], s["led"]] + optional.map { s.status($0) }
            + [s["daysOverdue"], s["onTimeRate"], s["participated"], s["participated"] + "·" + s["overdue"], s["findingsCount"], s["worstTasks"]]
        return AuditTable(id: "units", title: s["units"], columns: cols, numeric: Set([0] + Array(2..<(cols.count - 1))), rows: rows,
                          keys: r.units.map(\.name))
    }

    /// The units answering for a task: its leads, else its responsible units marked as such
    /// (the plan named no lead, and the audit does not pretend it did).
    static func leads(_ t: TaskAudit, _ s: AuditStrings) -> String {
        let separator = s.language == .zh ? "、" : ", "
        if t.leads.isEmpty, let responsible = t.responsible {
            return responsible.joined(separator: separator) + (s.language == .zh ? "（责任单位）" : " (responsible)")
        }
        return t.leads.isEmpty ? "–" : t.leads.joined(separator: separator)
    }

    static func overdue(_ r: AuditReport, _ s: AuditStrings) -> AuditTable {
        let tasks = r.tasks.filter { $0.status == .overdue }
            .sorted { ($0.daysOverdue ?? 0) != ($1.daysOverdue ?? 0) ? ($0.daysOverdue ?? 0) > ($1.daysOverdue ?? 0) : $0.id < $1.id }
        return AuditTable(
            id: "overdue", title: s["overdueTasks"],
            columns: [s["task"], s["title"], s["lead"], s["owner"], s["deadline"], s["daysOverdue"], s["status"]],
            numeric: [5],
            rows: tasks.map { [$0.id, $0.title, leads($0, s), $0.owner ?? "–", deadline($0, s), String($0.daysOverdue ?? 0),
                               s[$0.progress]] },
            keys: tasks.map(\.id))
    }

    /// The deadline, marked when it lies outside the plan period as `check` reports it.
    static func deadline(_ t: TaskAudit, _ s: AuditStrings) -> String {
        (t.deadline ?? "–") + (t.outsidePeriod == true ? " " + s["outsidePeriodMark"] : "")
    }

    static func late(_ r: AuditReport, _ s: AuditStrings) -> AuditTable {
        let tasks = r.tasks.filter { $0.status == .doneLate }
        return AuditTable(
            id: "late", title: s["lateTasks"],
            columns: [s["task"], s["title"], s["lead"], s["deadline"], s["completed"], s["days"]],
            numeric: [5],
            rows: tasks.map { [$0.id, $0.title, leads($0, s), deadline($0, s), $0.completed ?? "–", String($0.daysLate ?? 0)] },
            keys: tasks.map(\.id))
    }

    static func groups(_ r: AuditReport, _ s: AuditStrings) -> AuditTable {
        let statuses = statusColumns(r)
        return AuditTable(
            id: "groups", title: s["groups"],
            columns: [s["group"], s["title"], s["tasks"]] + statuses.map { s.status($0) } + [s["progress"], s["findingsCount"]],
            numeric: Set(2...(4 + statuses.count)),
            rows: r.groups.map { g in
                [g.id.isEmpty ? "–" : g.id, g.id.isEmpty ? s["ungrouped"] : g.title, String(g.counts.tasks)]
                    + statuses.map { String(g.counts.count($0)) } + [AuditFormat.percent(g.progress), String(g.findings)]
            },
            keys: r.groups.map(\.id))
    }

    static func indicators(_ r: AuditReport, _ s: AuditStrings) -> AuditTable {
        AuditTable(
            id: "indicators", title: s["indicators"],
            columns: [s["indicator"], s["title"], s["kind"], s["target"], s["actual"], s["gap"], s["attainment"], s["status"]],
            numeric: [3, 4, 5, 6],
            rows: r.indicators.map { i in
                let unit = i.unit.map { " " + $0 } ?? ""
                let target = i.target.map { (i.direction == "at-most" ? "≤" : "≥") + AuditFormat.number($0) + unit }
                    ?? i.growth.map { "+" + AuditFormat.number($0) + "%/" + (s.language == .zh ? "年" : "yr") } ?? "–"
                let actual = i.actual.map { AuditFormat.number($0) + unit + (i.actualYear.map { " (\($0))" } ?? "") }
                    ?? i.actualGrowth.map { "+" + AuditFormat.number($0) + "%/" + (s.language == .zh ? "年" : "yr") } ?? "–"
                return [i.id, i.name, s[i.kind], target, actual, AuditFormat.optional(i.gap), AuditFormat.percent(i.attainment),
                        s[i.status.rawValue]]
            },
            keys: r.indicators.map(\.id))
    }

    static func ratios(_ r: AuditReport, _ s: AuditStrings) -> AuditTable {
        AuditTable(
            id: "ratios", title: s["ratios"],
            columns: [s["ratio"], s["title"], s["declared"], s["rate"], "n", s["shortfalls"]],
            numeric: [2, 3],
            rows: r.ratios.map { ratio in
                let short = ratio.shortfalls.map { "\($0.id) (\(s["missing"]) \($0.missing.joined(separator: ", ")))" }
                return [ratio.id, ratio.description, AuditFormat.percent(ratio.declared), AuditFormat.percent(ratio.rate),
                        "\(ratio.satisfied)/\(ratio.total)", short.isEmpty ? "–" : short.joined(separator: "; ")]
            },
            keys: r.ratios.map(\.id))
    }

    /// Task ids listed per data-quality line; long lists are cut (the JSON has them all).
    static let qualityIds = 30

    static func quality(_ r: AuditReport, _ s: AuditStrings) -> AuditTable {
        let q = r.dataQuality
        let lines: [(String, [String])] = [("noLead", q.noLead), ("noOwner", q.noOwner), ("noDeadline", q.noDeadline),
                                           ("unreadableDeadline", q.unreadableDeadline), ("noStatus", q.noStatus),
                                           ("doneWithoutDate", q.doneWithoutDate), ("deadlineOutsidePeriod", q.deadlineOutsidePeriod ?? []),
                                           ("unregisteredUnits", q.unregisteredUnits)]
        let shown = lines.filter { !$0.1.isEmpty }
        return AuditTable(
            id: "quality", title: s["dataQuality"], columns: [s["dataQuality"], "n", s["task"]], numeric: [1],
            rows: shown.map { key, ids in
                [s[key], String(ids.count), ids.prefix(qualityIds).joined(separator: " ") + (ids.count > qualityIds ? " …" : "")]
            },
            keys: shown.map(\.0))
    }
}
