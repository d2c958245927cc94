/// The headline paragraph: the few figures a reader of a circulated report takes away.
enum AuditHeadline {
    /// How many of the worst units the headline names ("3 units account for 8 of them").
    static let concentrationUnits = 3

    /// "1 task names" / "3 tasks name": the English verb agrees with the count.
    static func tasks(_ count: Int, _ singularVerb: String, _ pluralVerb: String) -> String {
        count == 1 ? "1 task \(singularVerb)" : "\(count) tasks \(pluralVerb)"
    }

    static func make(_ report: AuditReport, strings: AuditStrings) -> String {
        let zh = strings.language == .zh
        let t = report.totals
        var parts: [String] = []
        let notAssessed = report.notAssessed ?? []
        if t.tasks == 0 {
            parts.append(zh ? "截至\(report.asOf)，数据中没有任务。" : "As of \(report.asOf), the datasets hold no tasks.")
        } else if t.notAssessed == t.tasks {
            parts.append(zh ? "截至\(report.asOf)，共\(t.tasks)项任务。" : "As of \(report.asOf), \(t.tasks) tasks.")
        } else {
            let undated = t.doneDateUnknown
            parts.append(zh
                ? "截至\(report.asOf)，\(t.tasks)项任务中\(t.overdue)项逾期未完成；已完成\(t.done)项（按期\(t.doneOnTime)项、逾期完成\(t.doneLate)项\(undated > 0 ? "、完成日期不详\(undated)项" : "")），推进中\(t.inProgress)项，未启动\(t.notStarted)项。"
                : "As of \(report.asOf), \(t.overdue) of \(t.tasks) tasks are overdue; \(t.done) done (\(t.doneOnTime) on time, \(t.doneLate) late\(undated > 0 ? ", \(undated) without a completion date" : "")), \(t.inProgress) in progress, \(t.notStarted) not started.")
        }
        let culprits = report.units.filter { $0.led.overdue > 0 }.prefix(concentrationUnits)
        if t.overdue > 0, !culprits.isEmpty {
            // Distinct tasks: a co-led overdue task is counted once.
            let covered = Set(culprits.flatMap { $0.overdueTasks.map(\.id) }).count
            let names = culprits.map(\.name)
            if zh {
                parts.append("\(names.count)个牵头单位（\(names.joined(separator: "、"))）占其中\(covered)项。")
            } else {
                let unitWord = names.count == 1 ? "1 unit" : "\(names.count) units"
                parts.append("\(unitWord) (\(names.joined(separator: ", "))) account\(names.count == 1 ? "s" : "") for \(covered) of them.")
            }
        }
        let binding = report.indicators.filter { $0.kind == "binding" }
        let bindingMissed = binding.filter { $0.status == .missed || $0.status == .behind }.count
        let behind = report.indicators.filter { $0.status == .missed || $0.status == .behind }.count
        if !report.indicators.isEmpty {
            parts.append(zh
                ? "\(report.indicators.count)项指标中\(behind)项未达标或滞后（约束性\(binding.count)项中\(bindingMissed)项）。"
                : "\(behind) of \(report.indicators.count) indicators missed or behind (\(bindingMissed) of \(binding.count) binding).")
        }
        for ratio in report.ratios {
            guard let rate = ratio.rate else { continue }
            let rateText = AuditFormat.number(rate) + "%"
            if ratio.meetsDeclared == false, let declared = ratio.declared {
                parts.append(zh
                    ? "\(ratio.description)：实际\(rateText)，未达到\(AuditFormat.number(declared))%（\(ratio.shortfalls.count)项未达标）。"
                    : "\(ratio.description): \(rateText), short of \(AuditFormat.number(declared)) % (\(ratio.shortfalls.count) falling short).")
            }
        }
        let q = report.dataQuality
        if !q.noLead.isEmpty && !q.noDeadline.isEmpty {
            parts.append(zh
                ? "\(q.noLead.count)项任务未明确牵头单位，\(q.noDeadline.count)项未规定完成时限。"
                : "\(tasks(q.noLead.count, "names", "name")) no lead unit and \(q.noDeadline.count) \(q.noDeadline.count == 1 ? "has" : "have") no deadline.")
        } else if !q.noLead.isEmpty {
            parts.append(zh ? "\(q.noLead.count)项任务未明确牵头单位。" : "\(tasks(q.noLead.count, "names", "name")) no lead unit.")
        } else if !q.noDeadline.isEmpty {
            parts.append(zh ? "\(q.noDeadline.count)项任务未规定完成时限。" : "\(tasks(q.noDeadline.count, "has", "have")) no deadline.")
        }
        if !notAssessed.isEmpty {
            let kinds = notAssessed.map { "`\($0)`" }.joined(separator: zh ? "、" : ", ")
            parts.append(zh
                ? "未配置\(kinds)规则，相应部分未评估。"
                : "No \(kinds) rule configured: \(notAssessed.count == 1 ? "that section is" : "those sections are") not assessed.")
        }
        return parts.joined(separator: zh ? "" : " ")
    }
}

/// Number formatting shared by the formats, so every format shows the figure JSON holds.
enum AuditFormat {
    static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(AuditMath.round2(value))
    }

    static func percent(_ value: Double?) -> String {
        value.map { number($0) + "%" } ?? "–"
    }

    static func optional(_ value: Double?) -> String { value.map(number) ?? "–" }
}
