/// The dataset recognised in a plan document, with what recognition could not settle.
public struct ImportedPlan: Sendable {
    public let file: String
    /// `{plan: {…}, sections: […], actions: […], tasks: […]}` (collections left out when empty).
    let root: ImportedValue
    let notes: [ImportNote]
    /// Where a Word document's table rows and cells are, for findings (empty for text plans).
    var tableSources = WordTableSources()

    var tasks: [ImportedValue] { root["tasks"]?.items ?? [] }
    var actions: [ImportedValue] { root["actions"]?.items ?? [] }
    var sections: [ImportedValue] { root["sections"]?.items ?? [] }
}

/// Turns a plan document into the dataset of `docs/dataset-schema.md`: items become sections,
/// actions (行动计划, or items that name units for the measures under them) and tasks (the
/// items that carry work), with ids from their numbering path, units, owners and deadlines
/// read from their text, every field located at its paragraph and column.
public enum PlanRecognizer {
    /// Framing headings that a plan's leaf items carry without being tasks.
    static let framingTitles: Set<String> = ["指导思想", "总体要求", "工作目标", "主要目标", "总体目标", "目标任务", "基本原则", "工作原则",
                                             "重要意义", "保障措施", "组织保障", "工作要求", "适用范围", "编制依据", "背景", "总则", "附则", "工作步骤", "实施步骤", "组织领导", "加强组织领导"]

    public static func recognize(_ document: PlanDocument) -> ImportedPlan {
        let isWord = PlanDocumentReader.fileExtension(document.file) == "docx"
        let outline = PlanOutline(document, isWord: isWord)
        var notes = outline.notes
        let items = outline.items

        let metadata = PlanMetadataReader.read(document, preamble: outline.preamble)
        // A deadline cannot precede the document that sets it: in a 2013 report,
        // `2009年以前登记毕业生` is a past cohort, not a task's deadline.
        let issuedYear = metadata?["issued"]?.stringValue.flatMap { Int($0.prefix(4)) }

        // Per item: its own text, what it says about units and deadlines, its title.
        var texts: [LocatedText] = []
        var accounts: [Accountability] = []
        var dues: [Located<String>?] = []
        var titles: [Located<String>?] = []
        var tableRows: [[PlanTableReader.Row]] = []
        var tableSources = isWord ? WordTableSources(document) : WordTableSources()
        for item in items {
            var text = LocatedText()
            for (k, index) in item.paragraphs.enumerated() {
                if k > 0, !outline.continuations.contains(index) { text.appendSeparator("\n") }
                text.append(document.paragraphs[index], from: k == 0 ? item.label.textStart : 0)
            }
            let account = AccountabilityReader.read(text)
            var due = account.due
            if due == nil {
                let found = DeadlineReader.phrases(in: text, excluding: account.consumed).filter { phrase in
                    guard let issuedYear, let year = DeadlineReader.year(of: phrase.value) else { return true }
                    return year >= issuedYear
                }
                due = found.last
                if Set(found.map(\.value)).count > 1 {
                    notes.append(ImportNote(rule: "import.several-deadlines", message: "several deadlines in one item (\(found.map(\.value).joined(separator: "、"))): `due` is the last; check it", position: found[0].position))
                }
            }
            if account.unlabelled, let first = account.lead.first ?? account.others.first {
                notes.append(ImportNote(rule: "import.unlabelled-units", message: "units read from a bracket without 牵头单位/责任单位 labels; check who leads", position: first.position))
            }
            texts.append(text)
            accounts.append(account)
            dues.append(due)
            titles.append(title(of: text, firstParagraphEnd: document.paragraphs[item.paragraph].text.unicodeScalars.count - item.label.textStart, consumed: account.consumed))
            var rows: [PlanTableReader.Row] = []
            for table in item.tables { rows += readTable(table, document, &notes, &tableSources) }
            tableRows.append(rows)
        }
        // Tables before the first item (a plan that is one 任务分解表) hold top-level tasks.
        var preambleRows: [PlanTableReader.Row] = []
        for table in outline.preambleTables { preambleRows += readTable(table, document, &notes, &tableSources) }

        let documentHasUnits = accounts.contains { $0.hasUnits } || (tableRows + [preambleRows]).contains { $0.contains { !$0.lead.isEmpty || !$0.responsible.isEmpty || !$0.participants.isEmpty } }
        let ids = identifiers(items)

        // What each item is.
        enum Kind { case section, action, task }
        var kinds: [Kind] = []
        var unitSource: [Int?] = []
        for (i, item) in items.enumerated() {
            var source: Int? = accounts[i].hasUnits ? i : nil
            var up = item.parent
            while source == nil, let p = up { if accounts[p].hasUnits { source = p }; up = items[p].parent }
            unitSource.append(source)
            let hasChildren = !item.children.isEmpty || !tableRows[i].isEmpty
            if hasChildren {
                kinds.append(item.label.style == .action || accounts[i].hasUnits ? .action : .section)
            } else if item.label.style == .action || (documentHasUnits ? (source != nil || dues[i] != nil) : true) {
                let framing = titles[i].map { framingTitles.contains($0.value) } ?? false
                // `（二）工作目标。…2025年底前基本解决…`: a target, not a task, unless someone answers for it.
                kinds.append(framing && !accounts[i].hasUnits ? .section : .task)
            } else {
                kinds.append(.section)
            }
        }
        if !documentHasUnits, let first = items.first {
            notes.append(ImportNote(rule: "import.no-units", message: "no item names a lead or responsible unit (牵头单位/责任单位): every task is read without units",
                                    position: texts[0].position(0).line > 0 ? SourcePosition(line: document.paragraphs[first.paragraph].line, column: 1) : SourcePosition(line: 1, column: 1)))
        }

        var sections: [ImportedValue] = [], actions: [ImportedValue] = [], tasks: [ImportedValue] = []
        var topRowIds: Set<String> = []
        for row in preambleRows {
            tableSources.addTask(tasks.count, row: row)
            tasks.append(tableTask(row, parentId: nil, action: nil, inherited: nil, level: 1, used: &topRowIds))
        }
        for (i, item) in items.enumerated() {
            let paragraph = document.paragraphs[item.paragraph]
            let labelText = LocatedText(paragraph)
            let at = labelText.position(item.label.written.isEmpty ? item.label.textStart : item.label.written.lowerBound)
            var record = RecordBuilder()
            record.add("id", .string(ids[i], at))
            if !item.label.written.isEmpty { record.add("number", .string(labelText.string(item.label.written), at)) }
            record.add("title", titles[i])
            record.add("level", .integer(item.level, at))
            if let parent = item.parent { record.add("parent", .string(ids[parent], at)) }
            if kinds[i] == .action, let parent = item.parent, kinds[parent] == .section, let area = titles[parent] {
                record.add("area", .string(area.value, area.position))
            }
            if kinds[i] == .task, let action = ancestor(of: i, items: items, where: { kinds[$0] == .action }) {
                record.add("action", .string(ids[action], at))
            }
            if kinds[i] != .section {
                let source = unitSource[i].map { accounts[$0] } ?? Accountability()
                addUnits(source, to: &record, at: at)
                record.add("owner", source.owner)
                if let source = unitSource[i], source != i { record.add("unitsFrom", .string(ids[source], at)) }
                if let due = dues[i] {
                    record.add("due", due)
                } else if let from = ancestor(of: i, items: items, where: { dues[$0] != nil && kinds[$0] == .action }), let due = dues[from] {
                    record.add("due", due)
                    record.add("dueFrom", .string(ids[from], at))
                }
                if kinds[i] == .task, unitSource[i] == nil, documentHasUnits {
                    notes.append(ImportNote(rule: "import.no-units", message: "\(ids[i]): a task with a deadline but no lead or responsible unit", position: at))
                }
            }
            record.add("text", texts[i].value(0..<texts[i].count))
            switch kinds[i] {
            case .section: sections.append(record.map(at: at))
            case .action: actions.append(record.map(at: at))
            case .task: tasks.append(record.map(at: at))
            }
            // Rows of the item's tables are tasks under it.
            var rowIds: Set<String> = []
            let action = kinds[i] == .action ? i : ancestor(of: i, items: items, where: { kinds[$0] == .action })
            for row in tableRows[i] {
                tableSources.addTask(tasks.count, row: row)
                tasks.append(tableTask(row, parentId: ids[i], action: action.map { ids[$0] }, inherited: kinds[i] == .action ? accounts[i] : nil, level: item.level + 1, used: &rowIds))
            }
        }

        var root = RecordBuilder()
        let start = SourcePosition(line: document.paragraphs.first?.line ?? 1, column: 1)
        root.add("plan", metadata)
        if !sections.isEmpty { root.add("sections", .list(sections, sections[0].position)) }
        if !actions.isEmpty { root.add("actions", .list(actions, actions[0].position)) }
        if !tasks.isEmpty { root.add("tasks", .list(tasks, tasks[0].position)) }
        notes.sort { ($0.position.line, $0.position.column) < ($1.position.line, $1.position.column) }
        return ImportedPlan(file: document.file, root: root.map(at: start), notes: notes, tableSources: tableSources)
    }

    private static func readTable(_ table: [Int], _ document: PlanDocument, _ notes: inout [ImportNote],
                                  _ sources: inout WordTableSources) -> [PlanTableReader.Row] {
        if let (header, rows) = PlanTableReader.read(table, in: document) {
            sources.addHeader(header)
            return rows
        }
        let first = document.paragraphs[table[0]]
        notes.append(ImportNote(rule: "import.unread-table", message: "table \(first.cell?.table ?? 0) has no header row naming its columns (序号、任务、牵头单位、完成时限…); it is not read",
                                position: SourcePosition(line: first.line, column: first.column)))
        return []
    }

    private static func addUnits(_ account: Accountability, to record: inout RecordBuilder, at: SourcePosition) {
        if account.lead.isEmpty {
            record.add("participants", account.participants, at: at)
            record.add("responsible", account.others, at: at)
        } else {
            record.add("lead", account.lead, at: at)
            record.add("participants", account.others + account.participants, at: at)
        }
    }

    private static func tableTask(_ row: PlanTableReader.Row, parentId: String?, action: String?, inherited: Accountability?, level: Int,
                                  used: inout Set<String>) -> ImportedValue {
        var record = RecordBuilder()
        let at = row.position
        // A 序号 written `1.` or `（1）` is row 1: the id path takes the number, `number` the label.
        let own = row.id.map { String($0.value.unicodeScalars.filter { !"．.、（）() ".unicodeScalars.contains($0) }) }.flatMap { $0.isEmpty ? nil : $0 } ?? "R\(row.number)"
        var id = parentId.map { $0 + "." + own } ?? own
        while used.contains(id) { id += "'" }
        used.insert(id)
        record.add("id", .string(id, row.id?.position ?? at))
        record.add("number", row.id)
        record.add("title", row.title)
        record.add("level", .integer(level, at))
        if let parentId { record.add("parent", .string(parentId, at)) }
        if let action { record.add("action", .string(action, at)) }
        record.add("area", row.area)
        let units = Accountability(lead: row.lead, others: row.responsible, participants: row.participants)
        if units.hasUnits {
            addUnits(units, to: &record, at: at)
        } else if let inherited, inherited.hasUnits {
            addUnits(inherited, to: &record, at: at)
            if let parentId { record.add("unitsFrom", .string(parentId, at)) }
        }
        record.add("owner", row.owner)
        record.add("due", row.due)
        record.add("status", row.status)
        record.add("note", row.note)
        record.add("text", row.text)
        return record.map(at: at)
    }

    private static func ancestor(of i: Int, items: [PlanOutline.Item], where test: (Int) -> Bool) -> Int? {
        var up = items[i].parent
        while let p = up {
            if test(p) { return p }
            up = items[p].parent
        }
        return nil
    }

    /// Ids from the numbering path (`4.1.2.6` for (6) under 行动计划2 under （一） under 四、);
    /// an unnumbered heading counts among its siblings; a repeated path gets `-2`, `-3`.
    static func identifiers(_ items: [PlanOutline.Item]) -> [String] {
        var ids: [String] = []
        var used: [String: Int] = [:]
        var childOrdinal: [Int: Int] = [:]
        var rootOrdinal = 0
        for item in items {
            let ordinal: Int
            if let parent = item.parent { childOrdinal[parent, default: 0] += 1; ordinal = childOrdinal[parent]! } else { rootOrdinal += 1; ordinal = rootOrdinal }
            let segment = String(item.label.value > 0 ? item.label.value : ordinal)
            var id = item.parent.map { ids[$0] + "." + segment } ?? segment
            if let n = used[id] {
                used[id] = n + 1
                id += "-\(n + 1)"
            }
            used[id, default: 1] = used[id] ?? 1
            ids.append(id)
        }
        return ids
    }

    /// The heading's first sentence, stopping before a units or deadline bracket.
    static func title(of text: LocatedText, firstParagraphEnd: Int, consumed: [Range<Int>]) -> Located<String>? {
        var end = min(max(firstParagraphEnd, 0), text.count)
        var i = 0
        while i < end {
            if "。！？!?;；\n".unicodeScalars.contains(text.norm[i]) { end = i; break }
            if consumed.contains(where: { $0.lowerBound == i }) { end = i; break }
            i += 1
        }
        var r = text.trimmed(0..<end)
        while !r.isEmpty, ",:，、*_ ".unicodeScalars.contains(text.norm[r.upperBound - 1]) { r = text.trimmed(r.lowerBound..<(r.upperBound - 1)) }
        return text.value(r)
    }
}

extension ImportedPlan {
    /// The notes as compiler-style lines: `plan.docx:112:5: info: … [import.no-units]`.
    public var noteLines: [String] {
        notes.map { "\(FindingPlace.text(file: file, line: $0.position.line, column: $0.position.column)): info: \($0.message) [\($0.rule)]" }
    }

    /// Records recognised, by collection (sections, actions, tasks).
    public var counts: (sections: Int, actions: Int, tasks: Int) { (sections.count, actions.count, tasks.count) }
}
