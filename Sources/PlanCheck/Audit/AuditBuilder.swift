/// Builds the audit from a check run's assessments and findings.
///
/// The audit interprets nothing itself: a task's state comes from the `deadline` rule that
/// judged it, its units from the `accountability` rule, an indicator's status from the
/// `indicator` rule, a rate from the `ratio` rule (see `Assessment`). Whatever field names,
/// vocabulary, options and packs make `check` see, the audit sees; with no rule of a kind, the
/// section says so (`notAssessed`) instead of guessing. Only display text is read from the
/// records themselves: titles, owners, the action a task belongs to, the plan's title.
public struct AuditBuilder: Sendable {
    public var asOf: PlanDate
    /// `zh` or `en`; nil detects it from the datasets' text.
    public var language: AuditLanguage?

    public init(asOf: PlanDate, language: AuditLanguage? = nil) {
        self.asOf = asOf
        self.language = language
    }

    /// The checker kinds whose assessments feed the audit's sections.
    public static let sources = ["deadline", "accountability", "indicator", "ratio"]

    /// - Parameters:
    ///   - result: a run with `Engine.collectsAssessments` on.
    ///   - checkers: the checker names of the rules that ran (rules switched off entirely are
    ///     not among them): a section whose checker is missing is reported as not assessed.
    public func build(result: CheckResult, checkers: Set<String>) -> AuditReport {
        var findingsByRecord: [String: [String]] = [:]
        var counts = FindingCounts()
        counts.inputErrors = result.errors.count
        for finding in result.findings {
            findingsByRecord[finding.file + "\u{0}" + finding.record, default: []].append(finding.rule)
            switch finding.severity {
            case .error: counts.error += 1
            case .warning: counts.warning += 1
            case .info: counts.info += 1
            }
        }

        // The first assessment of each kind per record (rules in report order) speaks for it.
        var deadlines: [RecordID: (Assessment, TaskAssessment)] = [:]
        var unitsOf: [RecordID: UnitAssessment] = [:]
        var recordOrder: [RecordID] = []
        var nodes: [RecordID: Assessment] = [:]
        var indicators: [IndicatorAudit] = []
        var seenIndicators = Set<RecordID>()
        var ratios: [RatioAudit] = []
        var text = LanguageSample()
        for assessment in result.assessments {
            let id = RecordID(assessment.node)
            switch assessment.value {
            case .task(let task):
                if deadlines[id] == nil { deadlines[id] = (assessment, task) }
            case .units(let units):
                if unitsOf[id] == nil { unitsOf[id] = units }
            case .indicator(let indicator):
                guard seenIndicators.insert(id).inserted else { continue }
                let audit = Self.indicator(assessment, indicator)
                text.add(audit.name)
                indicators.append(audit)
                continue
            case .ratio(let ratio):
                ratios.append(Self.ratio(assessment, ratio, files: result.files.count))
                continue
            }
            if nodes[id] == nil { nodes[id] = assessment; recordOrder.append(id) }
        }

        // Actions (行动计划) are the groups; a task names its action in `action`. An action's
        // assessed units are its tasks' units when a task names none (the action's lead answers).
        var groupOrder: [(id: String, title: String, file: String)] = []
        var groupRecords = Set<RecordID>()
        var actionLeads: [String: [String]] = [:]
        var documents: [String: Document] = [:]
        for assessment in result.assessments where documents[assessment.file] == nil { documents[assessment.file] = assessment.node.document }
        let orderedDocuments = documents.values.sorted { $0.file < $1.file }
        for document in orderedDocuments {
            for root in document.rootNodes where root.kind == .map {
                for action in root["actions"]?.items.map({ $0 }) ?? [] where action.kind == .map {
                    guard let id = Self.text(action["id"]) else { continue }
                    let title = Self.text(action["title"]) ?? id
                    text.add(title)
                    groupOrder.append((id, title, document.file))
                    groupRecords.insert(RecordID(action))
                    actionLeads[document.file + "\u{0}" + id] = unitsOf[RecordID(action)]?.leads ?? []
                }
            }
        }

        var tasks: [TaskAudit] = []
        var quality = DataQuality()
        var outside: [String] = []
        var unregistered = Set<String>()
        var hasRegistry = false
        let assessesUnits = checkers.contains("accountability")
        for id in recordOrder where !groupRecords.contains(id) {
            guard let anchor = nodes[id] else { continue }
            let units = unitsOf[id]
            if let units {
                unregistered.formUnion(units.unregistered)
                hasRegistry = hasRegistry || units.hasRegistry
            }
            let task = classify(anchor, deadline: deadlines[id]?.1, units: units, assessesUnits: assessesUnits, actionLeads: actionLeads,
                                quality: &quality, findings: findingsByRecord[anchor.file + "\u{0}" + anchor.record] ?? [])
            if task.outsidePeriod == true { outside.append(task.id) }
            text.add(task.title)
            tasks.append(task)
        }
        quality.deadlineOutsidePeriod = outside.isEmpty ? nil : outside
        quality.unregisteredUnits = hasRegistry ? unregistered.sorted() : []

        var totals = StatusCounts()
        for task in tasks { totals.add(task) }
        let unitAudits = UnitAggregator.aggregate(tasks: tasks, registered: { hasRegistry && !unregistered.contains($0) })
        // Bucketed once: group × task loops are quadratic on 10 000-task ledgers.
        var byGroup: [String: StatusCounts] = [:]
        for task in tasks where task.group != nil { byGroup[task.file + "\u{0}" + task.group!, default: StatusCounts()].add(task) }
        let groups = groupOrder.map { group -> GroupAudit in
            let c = byGroup[group.file + "\u{0}" + group.id] ?? StatusCounts()
            return GroupAudit(id: group.id, title: group.title, counts: c, progress: AuditMath.percent(c.done, of: c.tasks),
                              findings: findingsByRecord[group.file + "\u{0}" + group.id]?.count ?? 0)
        } + ungroupedGroup(tasks)

        let language = self.language ?? text.language
        let title = orderedDocuments.lazy.flatMap(\.rootNodes).compactMap { Self.text($0.lookup(path: "plan.title")) }.first ?? ""
        let missing = Self.sources.filter { !checkers.contains($0) }
        var report = AuditReport(
            schemaVersion: AuditReport.currentSchemaVersion, title: title, asOf: asOf.description,
            language: language.rawValue, datasets: result.files, headline: "", totals: totals,
            units: unitAudits, groups: groups, tasks: tasks, indicators: indicators, ratios: ratios,
            dataQuality: quality, findings: counts, comparison: nil, notAssessed: missing.isEmpty ? nil : missing)
        report.headline = AuditHeadline.make(report, strings: AuditStrings(language))
        return report
    }

    /// A record's identity across rules: its file and node. (Not the `Document` object: rules
    /// running side by side each walk their own view of the document.)
    struct RecordID: Hashable {
        let file: String
        let index: Int32
        init(_ node: Node) {
            file = node.document.file
            index = node.index
        }
    }

    /// A display field as trimmed text; nil for null, empty, lists and maps.
    static func text(_ node: Node?) -> String? {
        guard let node, node.kind != .null, node.kind != .list, node.kind != .map, let text = node.scalarText else { return nil }
        let trimmed = UnitSplitter.trim(Substring(text))
        return trimmed.isEmpty ? nil : trimmed
    }

    /// Tasks that belong to no action are shown as one group, so group totals add up.
    private func ungroupedGroup(_ tasks: [TaskAudit]) -> [GroupAudit] {
        var c = StatusCounts()
        for task in tasks where task.group == nil { c.add(task) }
        guard c.tasks > 0 else { return [] }
        return [GroupAudit(id: "", title: "", counts: c, progress: AuditMath.percent(c.done, of: c.tasks), findings: 0)]
    }

    private func classify(_ anchor: Assessment, deadline: TaskAssessment?, units: UnitAssessment?, assessesUnits: Bool,
                          actionLeads: [String: [String]], quality: inout DataQuality, findings: [String]) -> TaskAudit {
        let node = anchor.node
        let id = anchor.record
        let group = Self.text(node["action"])
        var leads = units?.leads ?? []
        var inherited = false
        // A task's own responsible units answer for it before its action's leads do.
        let responsible = leads.isEmpty ? units?.responsible ?? [] : []
        if leads.isEmpty, responsible.isEmpty, let group, let fromAction = actionLeads[anchor.file + "\u{0}" + group], !fromAction.isEmpty {
            leads = fromAction
            inherited = true
        }
        let participants = (units?.participants ?? []).filter { !leads.contains($0) }
        let owner = Self.text(node["owner"])
        if assessesUnits, leads.isEmpty { quality.noLead.append(id) }
        if owner == nil { quality.noOwner.append(id) }

        var status = AuditStatus.notAssessed
        var progress = "unknown"
        if let deadline {
            if deadline.dueText == nil { quality.noDeadline.append(id) }
            if deadline.deadlineProblem != nil { quality.unreadableDeadline.append(id) }
            if deadline.statusText == nil || deadline.progress == nil { quality.noStatus.append(id) }
            switch deadline.state {
            case .doneOnTime: status = .doneOnTime
            case .doneLate: status = .doneLate
            case .doneDateUnknown:
                status = .doneDateUnknown
                quality.doneWithoutDate.append(id)
            case .overdue: status = .overdue
            case .due, .noDeadline, .unreadable:
                status = deadline.progress == .inProgress || deadline.progress == .delayed ? .inProgress : .notStarted
            }
            switch deadline.state {
            case .doneOnTime, .doneLate, .doneDateUnknown: progress = Vocabulary.Progress.done.rawValue
            default: progress = (deadline.progress ?? .notStarted).rawValue
            }
        }
        return TaskAudit(
            id: id, title: Self.text(node["title"]) ?? Self.text(node["name"]) ?? "", group: group,
            leads: leads, participants: participants, leadsInherited: inherited, owner: owner,
            dueText: deadline?.dueText, deadline: deadline?.deadline?.description, deadlineProblem: deadline?.deadlineProblem,
            progress: progress, completed: deadline?.completed?.description, status: status,
            daysOverdue: deadline?.daysOverdue, daysLate: deadline?.daysLate, outsidePeriod: deadline?.outsidePeriod == true ? true : nil,
            findings: findings.sorted(), file: anchor.file, line: node.line, responsible: responsible.isEmpty ? nil : responsible)
    }

    static func indicator(_ a: Assessment, _ i: IndicatorAssessment) -> IndicatorAudit {
        let atMost = i.direction == .atMost
        var gap: Double?, attainment: Double?
        if let target = i.target, let actual = i.actual {
            gap = AuditMath.round2(actual - target)
            if atMost { attainment = actual == 0 ? nil : AuditMath.round1(target / actual * 100) }
            else { attainment = target == 0 ? nil : AuditMath.round1(actual / target * 100) }
        }
        let unit = i.unit.map { $0 == "%" || $0 == "‰" ? " " + $0 : $0 } ?? ""
        func n(_ v: Double?) -> String { v.map(AuditFormat.number).map { $0 + unit } ?? "–" }
        let basis: String
        switch (i.basis, i.status) {
        case (_, .unreadable): basis = "a value could not be read (see the rule's findings)"
        case (.growth?, _): basis = "growth \(AuditFormat.optional(i.actualGrowth)) % vs \(AuditFormat.optional(i.growth)) % a year"
        case (.path?, .noData):
            basis = i.actual == nil ? "no actual reported" : "target year \(i.targetYear.map(String.init) ?? "–") not reached; no baseline to draw the path from"
        case (.path?, _):
            basis = "actual \(n(i.actual)) vs \(n(i.pathValue)) on the path from \(n(i.baseline)) (\(i.baselineYear.map(String.init) ?? "–")) to \(n(i.target)) (\(i.targetYear.map(String.init) ?? "–"))"
        case (.finalTarget?, _): basis = "actual \(n(i.actual)) vs target \(n(i.target))"
        case (nil, _): basis = i.actual == nil && i.actualGrowth == nil ? "no actual reported" : "no target to compare with"
        }
        let status: IndicatorAudit.Status = switch i.status {
        case .met: .met
        case .missed: .missed
        case .onTrack: .onTrack
        case .behind: .behind
        case .noData: .noData
        case .unreadable: .unreadable
        }
        return IndicatorAudit(
            id: a.record, name: i.name ?? "", kind: i.kind?.rawValue ?? i.kindText ?? "unknown", unit: i.unit,
            direction: i.direction.rawValue, baseline: i.baseline, target: i.target, targetYear: i.targetYear,
            actual: i.actual, actualYear: i.actualYear, growth: i.growth, actualGrowth: i.actualGrowth,
            gap: gap, attainment: attainment, status: status, basis: basis, pathValue: i.pathValue.map(AuditMath.round2), rule: a.rule)
    }

    static func ratio(_ a: Assessment, _ r: RatioAssessment, files: Int) -> RatioAudit {
        RatioAudit(
            id: a.rule, description: r.label + (files > 1 ? " (\(FileSystemPath.lastComponent(a.file)))" : ""),
            declared: AuditMath.round1(r.minimum * 100), satisfied: r.satisfied, total: r.total,
            rate: AuditMath.percent(r.satisfied, of: r.total), meetsDeclared: r.meetsMinimum,
            shortfalls: r.shortfalls.map { .init(id: $0.record, name: $0.name ?? "", missing: $0.missing) })
    }
}

/// Checking and auditing in one call, for the CLI and tests.
extension AuditBuilder {
    /// The packs an audit runs when there is no configuration and no rule file: every section
    /// then has the rule that feeds it.
    public static let defaultPacks = ["plan-basics", "accountability", "deadlines", "indicators", "permits"]

    /// A project of `defaultPacks`, for datasets that have no configuration yet.
    public static func defaultProject(asOf: PlanDate?, jobs: Int = 0) throws(LoadError) -> Project {
        var configuration = Configuration()
        configuration.packs = defaultPacks
        return try Project(configuration: configuration, asOf: asOf, jobs: jobs)
    }

    /// The audit of a `CheckSession` run with `collectsAssessments`: every dataset judged by the
    /// configuration that governs it, as `plancheck check` judges it.
    public static func audit(session: SessionResult, language: AuditLanguage? = nil) -> AuditReport {
        AuditBuilder(asOf: session.asOf, language: language).build(result: session.result, checkers: session.checkers)
    }

    /// Checks `files` with `project`'s engine, collecting the rules' assessments, and builds the
    /// audit from them.
    public static func audit(project: Project, files: [String], language: AuditLanguage? = nil) -> AuditReport {
        auditedRun(project: project, files: files, language: language).report
    }

    /// The audit and the check run it was built from (its located input errors included), so a
    /// caller that must show those errors does not check the files a second time.
    public static func auditedRun(project: Project, files: [String], language: AuditLanguage? = nil) -> (report: AuditReport, result: CheckResult) {
        var engine = project.engine
        engine.collectsAssessments = true
        let result = engine.check(files: files)
        let report = AuditBuilder(asOf: engine.asOf, language: language)
            .build(result: result, checkers: Set(engine.activeRules.map(\.checker)))
        return (report, result)
    }
}
