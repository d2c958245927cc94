/// Builds the audit model from loaded datasets and the check engine's findings.
///
/// Datasets follow docs/dataset-schema.md: `$.tasks[*]`, `$.actions[*]`, `$.indicators[*]`,
/// `$.ratios[*]`, `$.units[*]`, `$.plan`. Every dataset given contributes; a registry may also
/// come from the configuration's `units` collection.
public struct AuditBuilder: Sendable {
    public var asOf: PlanDate
    /// Registry records (the configuration's `units` collection); datasets' `$.units[*]` are added.
    public var registry: [Node]
    /// `zh` or `en`; nil detects it from the datasets' text.
    public var language: AuditLanguage?

    public init(asOf: PlanDate, registry: [Node] = [], language: AuditLanguage? = nil) {
        self.asOf = asOf
        self.registry = registry
        self.language = language
    }

    public func build(documents: [Document], findings: [Finding] = [], inputErrors: Int = 0) -> AuditReport {
        let roots = documents.flatMap(\.rootNodes).filter { $0.kind == .map }
        // Plans abbreviate units (`文体旅游局`, `发改委`): resolving them to the registry's full
        // names counts one unit's tasks together however the text writes it.
        let units = NameRegistry(entries: registry + roots.flatMap { $0["units"]?.items.map { $0 } ?? [] },
                                 match: ["name", "aliases", "shortName"])
        var findingsByRecord: [String: [String]] = [:]
        var counts = FindingCounts()
        counts.inputErrors = inputErrors
        for finding in findings {
            findingsByRecord[finding.file + "\u{0}" + finding.record, default: []].append(finding.rule)
            switch finding.severity {
            case .error: counts.error += 1
            case .warning: counts.warning += 1
            case .info: counts.info += 1
            }
        }

        var tasks: [TaskAudit] = []
        var groupOrder: [(id: String, title: String, file: String)] = []
        var quality = DataQuality()
        var unregistered = Set<String>()
        var text = LanguageSample()
        for root in roots {
            let file = root.document.file
            let period = AuditFields.period(of: root)
            var actionLeads: [String: [String]] = [:]
            for action in root["actions"]?.items.map({ $0 }) ?? [] {
                guard let id = AuditFields.text(action["id"]) else { continue }
                let title = AuditFields.text(action["title"]) ?? id
                text.add(title)
                groupOrder.append((id, title, file))
                actionLeads[id] = action["lead"].map { UnitSplitter.units(of: $0).map(\.name) } ?? []
            }
            for node in root["tasks"]?.items.map({ $0 }) ?? [] where node.kind == .map {
                let task = classify(node, period: period, actionLeads: actionLeads, units: units,
                                    unregistered: &unregistered, quality: &quality,
                                    findings: findingsByRecord[file + "\u{0}" + (AuditFields.text(node["id"]) ?? node.normalizedPath)] ?? [])
                text.add(task.title)
                tasks.append(task)
            }
        }
        quality.unregisteredUnits = units.isEmpty ? [] : unregistered.sorted()

        var indicators: [IndicatorAudit] = []
        var ratios: [RatioAudit] = []
        for root in roots {
            let period = AuditFields.period(of: root)
            for node in root["indicators"]?.items.map({ $0 }) ?? [] where node.kind == .map {
                let indicator = IndicatorEvaluator.evaluate(node, period: period)
                text.add(indicator.name)
                indicators.append(indicator)
            }
            for node in root["ratios"]?.items.map({ $0 }) ?? [] where node.kind == .map {
                if let ratio = RatioEvaluator.evaluate(node, root: root) { ratios.append(ratio) }
            }
        }

        var totals = StatusCounts()
        for task in tasks { totals.add(task) }
        let unitAudits = UnitAggregator.aggregate(tasks: tasks, registered: { units.isEmpty ? false : units.canonical(of: $0) != nil })
        // Bucketed once: group × task loops are quadratic on 10 000-task ledgers.
        var byGroup: [String: StatusCounts] = [:]
        for task in tasks where task.group != nil { byGroup[task.file + "\u{0}" + task.group!, default: StatusCounts()].add(task) }
        let groups = groupOrder.map { group -> GroupAudit in
            let c = byGroup[group.file + "\u{0}" + group.id] ?? StatusCounts()
            return GroupAudit(id: group.id, title: group.title, counts: c, progress: AuditMath.percent(c.done, of: c.tasks),
                              findings: findingsByRecord[group.file + "\u{0}" + group.id]?.count ?? 0)
        } + ungroupedGroup(tasks)

        let language = self.language ?? text.language
        let title = roots.lazy.compactMap { AuditFields.text($0.lookup(path: "plan.title")) }.first ?? ""
        var report = AuditReport(
            schemaVersion: AuditReport.currentSchemaVersion, title: title, asOf: asOf.description,
            language: language.rawValue, datasets: documents.map(\.file), headline: "", totals: totals,
            units: unitAudits, groups: groups, tasks: tasks, indicators: indicators, ratios: ratios,
            dataQuality: quality, findings: counts, comparison: nil)
        report.headline = AuditHeadline.make(report, strings: AuditStrings(language))
        return report
    }

    /// Tasks that belong to no action are shown as one group, so group totals add up.
    private func ungroupedGroup(_ tasks: [TaskAudit]) -> [GroupAudit] {
        var c = StatusCounts()
        for task in tasks where task.group == nil { c.add(task) }
        guard c.tasks > 0 else { return [] }
        return [GroupAudit(id: "", title: "", counts: c, progress: AuditMath.percent(c.done, of: c.tasks), findings: 0)]
    }

    private func classify(_ node: Node, period: PlanDateInterval?, actionLeads: [String: [String]], units: NameRegistry,
                          unregistered: inout Set<String>, quality: inout DataQuality, findings: [String]) -> TaskAudit {
        let id = AuditFields.text(node["id"]) ?? node.normalizedPath
        let group = AuditFields.text(node["action"])
        func resolve(_ names: [String]) -> [String] {
            var out: [String] = []
            for written in names {
                let canonical = units.canonical(of: written)
                if canonical == nil { unregistered.insert(written) }
                let name = canonical ?? written
                if !out.contains(name) { out.append(name) }
            }
            return out
        }
        var leadNames = node["lead"].map { UnitSplitter.units(of: $0).map(\.name) } ?? []
        var inherited = false
        if leadNames.isEmpty, let group, let fromAction = actionLeads[group], !fromAction.isEmpty {
            leadNames = fromAction
            inherited = true
        }
        let leads = resolve(leadNames)
        let participants = resolve(node["participants"].map { UnitSplitter.units(of: $0).map(\.name) } ?? []).filter { !leads.contains($0) }
        let owner = AuditFields.text(node["owner"])
        if leads.isEmpty { quality.noLead.append(id) }
        if owner == nil { quality.noOwner.append(id) }

        let dueText = AuditFields.text(node["due"])
        var deadline: PlanDate?
        var deadlineProblem: String?
        if let dueText {
            switch DeadlineParser.parse(dueText, planPeriod: period) {
            case .interval(let interval): deadline = interval.end
            case .noFixedDeadline: deadlineProblem = "no-fixed-deadline"
            case .ambiguous: deadlineProblem = "ambiguous"
            case .unparseable: deadlineProblem = "unparseable"
            }
            if deadlineProblem != nil { quality.unreadableDeadline.append(id) }
        } else {
            quality.noDeadline.append(id)
        }

        let completed = AuditFields.date(node["completed"])
        let statusText = AuditFields.text(node["status"])
        var progress = statusText.flatMap(AuditFields.progress)
        if progress == nil {
            quality.noStatus.append(id)
            // A completion date says more than a missing status.
            progress = completed != nil ? .done : .notStarted
        }
        var status: AuditStatus
        var daysOverdue: Int?, daysLate: Int?
        if progress == .done {
            if completed == nil { quality.doneWithoutDate.append(id) }
            if let deadline, let completed, completed > deadline {
                status = .doneLate
                daysLate = deadline.days(to: completed)
            } else {
                status = .doneOnTime
            }
        } else if let deadline, deadline < asOf {
            // Due ON the as-of date is not overdue: the day is not over.
            status = .overdue
            daysOverdue = deadline.days(to: asOf)
        } else {
            status = progress == .inProgress ? .inProgress : .notStarted
        }
        return TaskAudit(
            id: id, title: AuditFields.text(node["title"]) ?? AuditFields.text(node["name"]) ?? "", group: group,
            leads: leads, participants: participants, leadsInherited: inherited, owner: owner,
            dueText: dueText, deadline: deadline?.description, deadlineProblem: deadlineProblem,
            progress: progress!.rawValue, completed: completed?.description, status: status,
            daysOverdue: daysOverdue, daysLate: daysLate, findings: findings.sorted(),
            file: node.document.file, line: node.line)
    }
}

/// Loading and checking in one call, for the CLI and tests.
extension AuditBuilder {
    /// Checks `files` with `project`'s engine and builds the audit of the same files.
    public static func audit(project: Project, files: [String], language: AuditLanguage? = nil) -> AuditReport {
        let result = project.engine.check(files: files)
        let documents = files.compactMap { try? DatasetLoader.load(path: $0) }
        let builder = AuditBuilder(asOf: project.engine.asOf, registry: project.engine.collections["units"] ?? [],
                                   language: language)
        return builder.build(documents: documents, findings: result.findings, inputErrors: result.errors.count)
    }

    /// Audits `files` without rules (no findings): for datasets that have no project yet.
    public static func audit(files: [String], asOf: PlanDate, language: AuditLanguage? = nil) -> AuditReport {
        var documents: [Document] = []
        var errors = 0
        for file in files {
            if let document = try? DatasetLoader.load(path: file) { documents.append(document) } else { errors += 1 }
        }
        return AuditBuilder(asOf: asOf, language: language).build(documents: documents, inputErrors: errors)
    }
}
