/// CSV (RFC 4180, CRLF): one table per file, chosen with `--table`.
///
/// Headers are the JSON model's field names, in English whatever `--lang` says: CSV feeds
/// spreadsheets and scripts, and a script's column names must not change with the language.
/// The file starts with a UTF-8 byte-order mark because Excel, the usual reader in the offices
/// this is for, otherwise opens UTF-8 Chinese as mojibake.
enum AuditCSV {
    static func render(_ r: AuditReport, table: AuditCSVTable) -> String {
        var rows: [[String]]
        switch table {
        case .units:
            rows = [["rank", "name", "registered", "led.tasks", "led.doneOnTime", "led.doneLate", "led.inProgress",
                     "led.notStarted", "led.overdue", "led.daysOverdue", "led.maxDaysOverdue", "onTimeRate",
                     "participated.tasks", "participated.overdue", "findings", "overdueTasks", "led.doneDateUnknown"]]
            for u in r.units {
                rows.append([String(u.rank), u.name, String(u.registered), String(u.led.tasks), String(u.led.doneOnTime),
                             String(u.led.doneLate), String(u.led.inProgress), String(u.led.notStarted), String(u.led.overdue),
                             String(u.led.daysOverdue), String(u.led.maxDaysOverdue), u.onTimeRate.map(AuditFormat.number) ?? "",
                             String(u.participated.tasks), String(u.participated.overdue), String(u.findings),
                             u.overdueTasks.map(\.id).joined(separator: " "), String(u.led.doneDateUnknown)])
            }
        case .tasks:
            rows = [["id", "title", "group", "leads", "participants", "owner", "dueText", "deadline", "progress",
                     "completed", "status", "daysOverdue", "daysLate", "findings", "file", "line", "outsidePeriod", "responsible"]]
            for t in r.tasks {
                rows.append([t.id, t.title, t.group ?? "", t.leads.joined(separator: "、"), t.participants.joined(separator: "、"),
                             t.owner ?? "", t.dueText ?? "", t.deadline ?? "", t.progress, t.completed ?? "", t.status.rawValue,
                             t.daysOverdue.map(String.init) ?? "", t.daysLate.map(String.init) ?? "",
                             t.findings.joined(separator: " "), t.file, String(t.line), t.outsidePeriod == true ? "true" : "",
                             (t.responsible ?? []).joined(separator: "、")])
            }
        case .groups:
            rows = [["id", "title", "tasks", "doneOnTime", "doneLate", "inProgress", "notStarted", "overdue", "progress", "findings",
                     "doneDateUnknown"]]
            for g in r.groups {
                let c = g.counts
                rows.append([g.id, g.title, String(c.tasks), String(c.doneOnTime), String(c.doneLate), String(c.inProgress),
                             String(c.notStarted), String(c.overdue), g.progress.map(AuditFormat.number) ?? "", String(g.findings),
                             String(c.doneDateUnknown)])
            }
        case .indicators:
            rows = [["id", "name", "kind", "unit", "direction", "target", "targetYear", "actual", "actualYear", "growth",
                     "actualGrowth", "gap", "attainment", "status", "basis", "pathValue"]]
            for i in r.indicators {
                let n: (Double?) -> String = { $0.map(AuditFormat.number) ?? "" }
                rows.append([i.id, i.name, i.kind, i.unit ?? "", i.direction, n(i.target), i.targetYear.map(String.init) ?? "",
                             n(i.actual), i.actualYear.map(String.init) ?? "", n(i.growth), n(i.actualGrowth), n(i.gap),
                             n(i.attainment), i.status.rawValue, i.basis, n(i.pathValue)])
            }
        }
        return "\u{FEFF}" + rows.map { $0.map(field).joined(separator: ",") + "\r\n" }.joined()
    }

    /// Quotes a field when it holds a comma, quote or line break (RFC 4180 §2).
    static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else { return text }
        return "\"" + text.replacing("\"", with: "\"\"") + "\""
    }
}
