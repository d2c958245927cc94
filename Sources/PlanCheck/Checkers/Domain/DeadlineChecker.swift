/// `deadline`: deadlines are present, readable, inside the plan period, and kept as of the run's
/// as-of date.
public struct DeadlineChecker: Checker {
    public static let descriptor = CheckerDescriptor(
        name: "deadline",
        summary: "Deadlines are present, readable, inside the plan period, not overdue, and consistent with status and completion dates.",
        discussion: """
        Deadlines are read as plans write them (`2011年6月30日以前`, `年底前`, `第一季度`, \
        `十二五期间`; see docs/deadlines.md): each becomes a closed interval of days whose end is \
        the deadline. As of the run's as-of date (`--as-of`, then the config, then today) a record \
        that is not done and whose deadline ended before that date is **overdue**; a deadline \
        falling *on* the as-of date is not overdue yet.

        Each kind of finding has its own code, so a rule file or config can switch one off or \
        re-grade it: `missing`, `unparseable`, `ambiguous` (a year-less `6月底` in a plan spanning \
        several years), `no-fixed-deadline` (`长期坚持`, `每年`), `outside-period`, `overdue`, \
        `done-late`, `done-without-date`, `completed-unreadable`, `completed-in-future`, \
        `due-soon` (info), `status-unknown`, and `period` (the plan period the rule points at cannot be read).

        Status words are read with PlanCheck's vocabulary (docs/vocabulary.md): done \
        (`done`, `completed`, `finished`, `closed`, `已完成`, `完成`, `办结`), in progress \
        (`in progress`, `in_progress`, `ongoing`, `推进中`, `进行中`), not started (`未开始`, \
        `未启动`), delayed (`滞后`, `延期`) — case, `-`, `_` and spaces do not matter. A status \
        the vocabulary does not know is `status-unknown` (warning) and the task is taken as not \
        done; the rest of the record is still checked. A record is done when its status says so \
        (or one of the rule's `done:` words, which replace the built-in ones), or, when it has \
        no status at all, when it has a completion date.

        For the audit the checker also assesses each task: done on time, done late, done with \
        the date unknown (no completion date: outside the on-time rate), overdue, due, no \
        deadline, or a deadline that gives no date; with the deadline, the days late or overdue \
        and whether the deadline lies outside the plan period.
        """,
        options: [
            OptionSpec("due", .string, default: "due", "The field holding the deadline as written."),
            OptionSpec("status", .string, default: "status", "The field holding the record's status."),
            OptionSpec("done", .strings, default: "the vocabulary's done words", "Status values that mean the record is done, replacing the built-in done words (done, completed, 已完成, 完成, 办结…)."),
            OptionSpec("completed", .string, default: "completed", "The field holding the completion date (ISO or a single-day deadline form)."),
            OptionSpec("period", .jsonPath, "A JSONPath into the document to the plan period, a `{start, end}` map (e.g. `$.plan.period`). When the document has none (a CSV ledger), or without this option, the period of the configuration's `plan:` applies."),
            OptionSpec("periodStart", .date, "The plan period's first day, when the document does not carry it."),
            OptionSpec("periodEnd", .date, "The plan period's last day, when the document does not carry it."),
            OptionSpec("issued", .jsonPath, "A JSONPath to the document's date (e.g. `$.plan.issued`): `今年`, `本年`, `年内` then mean that year even in a multi-year plan."),
            OptionSpec("dueSoonDays", .integer, default: "0 (off)", "Report open records due within this many days after the as-of date (severity info)."),
            OptionSpec("requireDue", .boolean, default: "true", "Report records without a deadline (`missing`)."),
        ],
        examples: [
            CheckerExample("Overdue, late and unreadable deadlines", rule: "period: $.plan.period", data: """
                plan:
                  period: {start: 2011-01-01, end: 2011-12-31}
                tasks:
                  - id: M1
                    due: 2011年6月30日以前
                    status: in-progress
                  - id: M2
                    due: 2011年3月底
                    status: done
                    completed: 2011-04-15
                  - id: M3
                    due: 尽快
                  - id: M4
                    due: 2012年底前
                  - id: M5
                    status: not-started
                """, triggers: ["M1", "M2", "M3", "M4", "M5"], asOf: PlanDate(year: 2011, month: 7, day: 1)),
            CheckerExample("A year-less deadline in a multi-year plan", rule: "period: $.plan.period", data: """
                plan:
                  period: {start: 2011-01-01, end: 2020-12-31}
                tasks:
                  - id: M1
                    due: 6月30日以前
                """, triggers: ["M1"]),
            CheckerExample("Due on the as-of date, done on time, year-less forms in a one-year plan", rule: "periodStart: 2011-01-01\nperiodEnd: 2011-12-31", data: """
                tasks:
                  - id: M1
                    due: 2011年6月30日
                    status: in-progress
                  - id: M2
                    due: 年底前
                    status: 已完成
                    completed: 2011-05-20
                  - id: M3
                    due: 第四季度
                """, triggers: [], asOf: PlanDate(year: 2011, month: 6, day: 30)),
        ],
        codes: [
            FindingCode("missing", .rule, "No deadline (with `requireDue`)."),
            FindingCode("unparseable", .rule, "The deadline cannot be read as a date."),
            FindingCode("ambiguous", .rule, "The deadline needs a year the plan period does not give (`6月底` in a multi-year plan)."),
            FindingCode("no-fixed-deadline", .fixed(.warning), "Recurring or open-ended wording (`长期坚持`, `每年`)."),
            FindingCode("outside-period", .rule, "The deadline lies outside the plan period."),
            FindingCode("overdue", .rule, "Not done, and the deadline ended before the as-of date."),
            FindingCode("done-late", .rule, "Completed after the deadline."),
            FindingCode("done-without-date", .rule, "Done, without a completion date."),
            FindingCode("completed-unreadable", .rule, "The completion date is not a date."),
            FindingCode("completed-in-future", .rule, "The completion date is after the as-of date."),
            FindingCode("status-unknown", .fixed(.warning), "A status word the vocabulary does not know; the task is taken as not done."),
            FindingCode("due-soon", .fixed(.info), "Not done and due within `dueSoonDays`."),
            FindingCode("period", .fixed(.warning), "The plan period `period` points at cannot be read."),
        ])

    let dueField: String
    let statusField: String
    /// The rule's own `done:` words; empty when the vocabulary's are used.
    let doneValues: Set<String>
    /// `doneValues` keyed by bytes: the per-record test allocates nothing. nil without `done:`.
    let doneTable: ByteStringTable<Bool>?
    let completedField: String
    let periodPath: JSONPath?
    let issuedPath: JSONPath?
    let fixedPeriod: PlanDateInterval?
    let dueSoonDays: Int
    let requireDue: Bool

    public init(options: RuleOptions) throws(LoadError) {
        dueField = options.string("due") ?? "due"
        statusField = options.string("status") ?? "status"
        doneValues = Set(options.strings("done"))
        if doneValues.isEmpty {
            doneTable = nil
        } else {
            var table = ByteStringTable<Bool>()
            for value in doneValues { table.insert(value, true) }
            doneTable = table
        }
        completedField = options.string("completed") ?? "completed"
        periodPath = try options.jsonPath("period")
        issuedPath = try options.jsonPath("issued")
        dueSoonDays = options.integer("dueSoonDays") ?? 0
        requireDue = options.bool("requireDue") ?? true
        if dueSoonDays < 0 { throw options.error("dueSoonDays", "must be 0 (off) or a positive number of days") }
        switch (options.date("periodStart"), options.date("periodEnd")) {
        case (nil, nil):
            fixedPeriod = nil
        case (let start?, let end?):
            guard start <= end else { throw options.error("periodEnd", "the period ends (\(end)) before it starts (\(start))") }
            if periodPath != nil { throw options.error("period", "give either `period` or `periodStart`/`periodEnd`, not both") }
            fixedPeriod = PlanDateInterval(start: start, end: end)
        case (nil, _):
            throw options.error("periodStart", "`periodEnd` needs `periodStart`")
        case (_, nil):
            throw options.error("periodEnd", "`periodStart` needs `periodEnd`")
        }
    }

    public struct State: Sendable {
        var period: PlanDateInterval?
        /// Set when `period:` points at nothing readable; reported once in `finish`.
        var periodProblem: (node: Node?, message: String)?
        var asOf: PlanDate
        var records = 0
        /// The year the document was written, for wording relative to it (`今年`, `年内`).
        var issuedYear: Int?
    }

    public func makeState(context: CheckContext) -> State {
        var state = State(period: fixedPeriod, periodProblem: nil, asOf: context.asOf)
        // The dataset's own dates first, then the config's `plan:` (a ledger carries none).
        state.issuedYear = issuedPath?.select(context.root).first.flatMap(FieldValues.day)?.year ?? context.plan?.issued?.year
        if let periodPath {
            let found = periodPath.select(context.root)
            if let node = found.first, let interval = FieldValues.interval(node) {
                state.period = interval
            } else if found.isEmpty, let planPeriod = context.plan?.period {
                state.period = planPeriod
            } else {
                state.periodProblem = (found.first, found.isEmpty
                    ? "plan period `\(periodPath)` not found in the document; deadlines are not checked against it"
                    : "plan period `\(periodPath)` is not a {start, end} map of dates; deadlines are not checked against it")
            }
        } else if fixedPeriod == nil {
            state.period = context.plan?.period
        }
        return state
    }

    public func check(_ record: Record, state: inout State, report: inout FindingReporter) {
        state.records += 1
        // The key and the template values are built only when a finding is reported: most
        // records are fine, and building strings per record would dominate the check.
        var key: String { record.key }
        let dueNode = record[dueField]
        let status = record[statusField].flatMap { $0.isEmpty ? nil : $0 }
        let completedNode = record[completedField].flatMap { $0.isEmpty ? nil : $0 }
        // The vocabulary reads the status (done, 已完成, 办结, in_progress, 推进中, 滞后…); a
        // rule's own `done:` list replaces its done words.
        var progress: Vocabulary.Progress?
        if let status {
            if let doneTable {
                let custom = status.kind == .string ? status.withUTF8 { doneTable.find(UnitBytes.trimmed($0)) != nil }
                                                    : status.scalarText.map { doneValues.contains($0) } ?? false
                progress = custom ? .done : Vocabulary.progress(of: status).flatMap { $0 == .done ? nil : $0 }
            } else {
                progress = Vocabulary.progress(of: status)
            }
            if progress == nil {
                let text = FieldValues.display(status)
                report.report(record, at: status, message: "\(key): status `\(text)` is not a status word PlanCheck knows (done, in progress, not started, delayed — or 已完成, 推进中, 未启动, 滞后…); the task is taken as not done",
                              code: "status-unknown", severity: .warning, values: ["field": statusField, "value": text])
            }
        }
        let isDone = status == nil ? completedNode != nil : progress == .done
        var assessment: TaskAssessment? = report.isAssessing
            ? TaskAssessment(state: .noDeadline, progress: status == nil && completedNode != nil ? .done : progress,
                             statusText: status.map(FieldValues.display), dueText: dueNode.flatMap { $0.isEmpty ? nil : FieldValues.display($0) })
            : nil
        defer {
            if let assessment { report.assess(record, .task(assessment)) }
        }

        // Completion date checks do not need a deadline.
        var completed: PlanDate?
        if let completedNode {
            if let date = FieldValues.day(completedNode) {
                completed = date
                if date > state.asOf {
                    report.report(record, at: completedNode, message: "\(key): completion date \(date) is after the as-of date \(state.asOf)",
                                  code: "completed-in-future", values: ["field": completedField])
                }
            } else {
                report.report(record, at: completedNode, message: "\(key): completion date `\(FieldValues.display(completedNode))` is not a date",
                              code: "completed-unreadable", values: ["field": completedField])
            }
        } else if isDone {
            report.report(record, at: status, missing: completedField, message: "\(key): done but has no completion date (`\(completedField)`)",
                          code: "done-without-date", values: ["field": completedField])
        }
        assessment?.completed = completed
        // Done without a (readable) completion date: whether it was on time cannot be told.
        if isDone { assessment?.state = completed == nil ? .doneDateUnknown : .doneOnTime }

        guard let dueNode, !dueNode.isEmpty, dueNode.kind != .list, dueNode.kind != .map else {
            if requireDue {
                report.report(record, at: dueNode, missing: dueField, message: "\(key): no deadline (`\(dueField)`)", code: "missing", values: ["field": dueField])
            }
            return
        }
        // The text is made only for messages: an ISO date is read from its bytes.
        var text: String { dueNode.scalarText ?? "" }
        let deadline: PlanDateInterval
        if let day = FieldValues.isoDay(dueNode) {
            deadline = PlanDateInterval(start: day, end: day)
        } else {
            let result = parse(text, state: state)
            if case .interval = result {} else if !isDone { assessment?.state = .unreadable }
            switch result {
            case .unparseable:
                assessment?.deadlineProblem = "unparseable"
                report.report(record, at: dueNode, message: "\(key): deadline `\(text)` cannot be read as a date",
                              code: "unparseable", values: ["field": dueField, "value": text])
                return
            case .ambiguous(let reason):
                assessment?.deadlineProblem = "ambiguous"
                report.report(record, at: dueNode, message: "\(key): deadline is ambiguous: \(reason)",
                              code: "ambiguous", values: ["field": dueField, "value": text])
                return
            case .noFixedDeadline:
                assessment?.deadlineProblem = "no-fixed-deadline"
                report.report(record, at: dueNode, message: "\(key): `\(text)` is recurring or open-ended: no fixed deadline",
                              code: "no-fixed-deadline", severity: .warning, values: ["field": dueField, "value": text])
                return
            case .interval(let interval):
                deadline = interval
            }
        }
        let due = deadline.end
        assessment?.deadline = due
        var values: [String: String] { ["field": dueField, "value": text, "due": due.description] }

        if let period = state.period, !period.contains(deadline) {
            assessment?.outsidePeriod = true
            let side = deadline.end > period.end ? "ends \(deadline.end), after the plan period ends \(period.end)"
                                                 : "starts \(deadline.start), before the plan period starts \(period.start)"
            report.report(record, at: dueNode, message: "\(key): deadline `\(text)` \(side)", code: "outside-period", values: values)
        }

        if isDone {
            if let completed, completed > due {
                let late = due.days(to: completed)
                assessment?.state = .doneLate
                assessment?.daysLate = late
                report.report(record, at: completedNode, message: "\(key): done \(late) day\(late == 1 ? "" : "s") late (completed \(completed), due \(due))",
                              code: "done-late", values: values.merging(["days": String(late)]) { $1 })
            }
            return
        }
        if due < state.asOf {
            let days = due.days(to: state.asOf)
            assessment?.state = .overdue
            assessment?.daysOverdue = days
            report.report(record, at: dueNode, message: "\(key): overdue by \(days) day\(days == 1 ? "" : "s") (due \(due), as of \(state.asOf))",
                          code: "overdue", values: values.merging(["days": String(days)]) { $1 })
            return
        }
        assessment?.state = .due
        if dueSoonDays > 0, state.asOf.days(to: due) <= dueSoonDays {
            let days = state.asOf.days(to: due)
            let when = days == 0 ? "today" : "in \(days) day\(days == 1 ? "" : "s")"
            report.report(record, at: dueNode, message: "\(key): due \(when) (\(due))", code: "due-soon", severity: .info, values: values.merging(["days": String(days)]) { $1 })
        }
    }

    /// Words that are relative to the document's own date rather than to the plan period.
    static let documentRelative = ["今年", "本年", "当年", "年内", "本季度"]

    /// Parses with the plan period; wording relative to the document's date (`今年9月`, `年内`)
    /// that the period leaves ambiguous takes the year the document was issued.
    func parse(_ text: String, state: State) -> DeadlineParse {
        let result = DeadlineParser.parse(text, planPeriod: state.period)
        guard case .ambiguous = result, let year = state.issuedYear,
              Self.documentRelative.contains(where: { text.contains($0) }) else { return result }
        return DeadlineParser.parse(text, planPeriod: .year(year))
    }

    public func finish(state: inout State, report: inout FindingReporter) {
        // A document without records (a unit registry file) need not carry the plan period.
        guard let problem = state.periodProblem, state.records > 0 else { return }
        report.report(report.datasetRecord, at: problem.node, message: problem.message, code: "period", severity: .warning)
    }
}
