/// Who answers for an item, and by when, as the item's own text says it.
struct Accountability {
    var lead: [Located<String>] = []
    /// Units named without a leading role (责任单位, 配合单位, `X负责`): participants when the
    /// item has a lead, otherwise the responsible units.
    var others: [Located<String>] = []
    /// Units named as participating (参加/配合/协办单位): participants even without a lead.
    var participants: [Located<String>] = []
    var owner: Located<String>?
    var due: Located<String>?
    /// Ranges of the text the units and labelled deadline were read from (a title stops there).
    var consumed: [Range<Int>] = []
    /// Units came from role phrases (`（X牵头，Y配合）`), not from labels.
    var unlabelled = false

    var hasUnits: Bool { !lead.isEmpty || !others.isEmpty || !participants.isEmpty }
}

/// Reads accountability from an item's text in the forms plans use: labelled
/// (`（牵头单位：X、Y；参加单位：Z）`, `[牵头单位:X;责任单位:Y]`, `〔责任单位：…〕`, `牵头单位：X` on
/// a line of its own, labels separated by spaces only) and unlabelled role phrases in brackets
/// (`（X牵头，Y配合）`, `（X、Y牵头，Z按职责分工负责）`, `（X负责）`).
enum AccountabilityReader {
    enum Role { case lead, other, participant, owner, due }

    static let labels: [(word: [Unicode.Scalar], role: Role)] = {
        var list: [(String, Role)] = []
        for w in ["牵头单位", "牵头部门", "牵头处室", "牵头责任单位", "主责单位", "主责部门", "主办单位", "主办部门", "牵头领导单位"] { list.append((w, .lead)) }
        for w in ["责任单位", "责任部门", "责任主体", "实施单位", "承办单位", "主体单位", "落实单位"] { list.append((w, .other)) }
        for w in ["参加单位", "参与单位", "参与部门", "配合单位", "配合部门", "协办单位", "协办部门", "协助单位", "协同单位", "协作单位", "配合处室"] { list.append((w, .participant)) }
        for w in ["责任人", "具体负责人", "负责人", "责任领导", "牵头领导", "分管领导"] { list.append((w, .owner)) }
        for w in ["完成时限", "完成时间", "完成期限", "时间节点", "时限要求", "时间要求", "办结时限", "时间安排", "进度安排", "完成时间节点"] { list.append((w, .due)) }
        return list.map { ($0.0.scalarArray, $0.1) }.sorted { $0.0.count > $1.0.count }
    }()

    /// The first characters of the labels: most positions of a text start none, and are skipped
    /// with one set lookup.
    static let labelStarts: [Bool] = {
        var table = [Bool](repeating: false, count: 0x10000)
        for word in labels { if let first = word.word.first, first.value < 0x10000 { table[Int(first.value)] = true } }
        return table
    }()

    static func read(_ text: LocatedText) -> Accountability {
        var result = Accountability()
        readLabelled(text, into: &result)
        if !result.hasUnits { readRolePhrases(text, into: &result) }
        return result
    }

    /// A label at `i`: the word, optional spaces, then `:` (or, inside brackets, spaces).
    private static func label(in text: LocatedText, at i: Int, bracketDepth: Int) -> (role: Role, valueStart: Int)? {
        let v = text.norm[i].value
        guard v < 0x10000, labelStarts[Int(v)] else { return nil }
        for (word, role) in labels where text.normHas(word, at: i) {
            var j = i + word.count
            var spaced = false
            while j < text.count, text.norm[j] == " " { j += 1; spaced = true }
            if j < text.count, text.norm[j] == ":" { return (role, j + 1) }
            if spaced, bracketDepth > 0 { return (role, j) }
            return nil
        }
        return nil
    }

    private static func readLabelled(_ text: LocatedText, into result: inout Accountability) {
        // Every label with its bracket depth, then each value runs to the next label, the
        // bracket that closes around it, a full stop or the end of its paragraph.
        var found: [(start: Int, role: Role, valueStart: Int, depth: Int)] = []
        var depth = 0, i = 0
        while i < text.count {
            let s = text.norm[i]
            if s == "(" || s == "[" { depth += 1 } else if s == ")" || s == "]" { depth = max(0, depth - 1) }
            if let hit = label(in: text, at: i, bracketDepth: depth) {
                found.append((i, hit.role, hit.valueStart, depth))
                i = hit.valueStart
                continue
            }
            i += 1
        }
        for (k, hit) in found.enumerated() {
            var end = hit.valueStart, d = 0
            let limit = k + 1 < found.count ? found[k + 1].start : text.count
            while end < limit {
                let s = text.norm[end]
                if s == "(" || s == "[" { d += 1 }
                else if s == ")" || s == "]" { if d == 0 { break }; d -= 1 }
                else if d == 0, s == "。" || s == "\n" { break }
                end += 1
            }
            var valueEnd = end
            while valueEnd > hit.valueStart, " ,;、".unicodeScalars.contains(text.norm[valueEnd - 1]) { valueEnd -= 1 }
            let range = hit.valueStart..<valueEnd
            // The consumed span takes the opening bracket when the label follows it.
            var from = hit.start
            if hit.depth > 0, from > 0, text.norm[from - 1] == "(" || text.norm[from - 1] == "[" { from -= 1 }
            result.consumed.append(from..<min(end + 1, text.count))
            // A deadline may stand in a units bracket: `（责任单位：X，2023年底前完成）`.
            var names = UnitLists.split(text, range).filter { name in
                // `（牵头单位：市商务局，持续推进）`: a standing term, not a unit.
                if DeadlineReader.standingTerms.contains(name.value) {
                    if result.due == nil { result.due = name }
                    return false
                }
                let clause = LocatedText(PlanParagraph(line: name.position.line, text: name.value, column: name.position.column))
                guard DeadlineReader.isDeadlineClause(clause, 0..<clause.count) else { return true }
                if result.due == nil, let end = DeadlineReader.match(clause, at: clause.norm.first == "于" ? 1 : 0) {
                    result.due = clause.value((clause.norm.first == "于" ? 1 : 0)..<end)
                }
                return false
            }
            result.lead += UnitLists.markedLeads(&names)
            switch hit.role {
            case .lead: result.lead += names
            case .other: result.others += names
            case .participant: result.participants += names
            case .owner: if result.owner == nil { result.owner = text.value(range) }
            case .due: if result.due == nil { result.due = text.value(range) }
            }
        }
    }

    /// `（X牵头，Y配合）`: a bracket whose every clause ends with a role word (a clause that is a
    /// deadline, `2022年底前完成`, or a labelled one, `完成时限：…`, may stand among them); else a
    /// sentence of the item that is only such clauses (`由X牵头，Y配合。`, `X负责。`).
    private static func readRolePhrases(_ text: LocatedText, into result: inout Accountability) {
        var i = 0
        while i < text.count {
            guard text.norm[i] == "(" || text.norm[i] == "[" else { i += 1; continue }
            guard let close = closingBracket(text, openingAt: i) else { break }
            if let read = rolePhrase(text, (i + 1)..<close) {
                take(read, range: i..<(close + 1), into: &result)
                return
            }
            i = close + 1
        }
        // Sentences outside brackets: stricter, since prose also ends with 负责 or 落实.
        var start = 0
        for k in 0...text.count where k == text.count || "。;\n".unicodeScalars.contains(text.norm[k]) {
            let sentence = text.trimmed(start..<k)
            start = k + 1
            guard !sentence.isEmpty, sentence.count <= 80, let read = rolePhrase(text, sentence),
                  (read.lead + read.others).allSatisfy(isPlainUnitName) else { continue }
            take(read, range: sentence.lowerBound..<min(k + 1, text.count), into: &result)
            return
        }
        readBareUnitBracket(text, into: &result)
    }

    /// `（财政部、税务总局）` closing an item's line, with no role word at all (a State Council
    /// habit): units, every one named like a unit (`…局`, `…委`, `各区人民政府`), read as the
    /// responsible — none is marked as lead, so none is guessed — and noted as unlabelled.
    private static func readBareUnitBracket(_ text: LocatedText, into result: inout Accountability) {
        var i = 0
        while i < text.count {
            guard text.norm[i] == "(" || text.norm[i] == "[" else { i += 1; continue }
            guard let close = closingBracket(text, openingAt: i) else { return }
            // Only a bracket that ends its line (`。` or `；` may follow).
            var k = close + 1
            while k < text.count, "。;. ".unicodeScalars.contains(text.norm[k]) { k += 1 }
            let inner = text.trimmed((i + 1)..<close)
            if k == text.count || text.norm[k] == "\n", inner.count >= 2, inner.count <= 120,
               !text.norm[inner].contains(":"), !text.norm[inner].contains("。") {
                let names = UnitLists.split(text, inner)
                if !names.isEmpty, names.allSatisfy(isBareUnitName) {
                    result.others += names
                    result.consumed.append(i..<(close + 1))
                    result.unlabelled = true
                    return
                }
            }
            i = close + 1
        }
    }

    /// Endings of unit names (`市发展改革委`, `税务总局`, `各区人民政府`, `团市委`, `市总工会`).
    static let unitEndings: [String] = ["局", "委", "办", "厅", "部", "署", "院", "政府", "中心", "公司", "集团", "银行",
                                        "委员会", "办公室", "管委会", "工会", "妇联", "团委", "总队", "支队", "部门", "单位", "小组", "法院", "检察院"]

    static func isBareUnitName(_ name: Located<String>) -> Bool {
        let value = name.value
        guard value.count >= 2, value.count <= 24, isPlainUnitName(name) else { return false }
        if ["简称", "以下", "包括", "试行", "暂行"].contains(where: { value.contains($0) }) { return false }
        return unitEndings.contains { value.hasSuffix($0) }
    }

    /// The bracket closing the one opened at `i` (round and square alike, nested), nil when the
    /// text ends first.
    static func closingBracket(_ text: LocatedText, openingAt i: Int) -> Int? {
        var depth = 0
        for j in i..<text.count {
            let s = text.norm[j]
            if s == "(" || s == "[" { depth += 1 } else if s == ")" || s == "]" { depth -= 1; if depth == 0 { return j } }
        }
        return nil
    }

    private static func take(_ read: RolePhrase, range: Range<Int>, into result: inout Accountability) {
        result.lead += read.lead
        result.others += read.others
        if result.due == nil { result.due = read.due }
        result.consumed.append(range)
        result.unlabelled = true
    }

    /// Words of prose, not of a unit's name: `各地要抓好落实` is an exhortation, not a unit list.
    static let proseWords: [String] = ["要", "应当", "应", "把", "抓好", "切实", "认真", "加强", "确保", "进一步", "积极", "形成", "结合", "的"]

    static func isPlainUnitName(_ name: Located<String>) -> Bool {
        name.value.unicodeScalars.count <= 30 && !proseWords.contains { name.value.contains($0) }
    }

    struct RolePhrase {
        var lead: [Located<String>] = []
        var others: [Located<String>] = []
        var due: Located<String>?
    }

    private static func rolePhrase(_ text: LocatedText, _ range: Range<Int>) -> RolePhrase? {
        guard range.count >= 3, range.count <= 200 else { return nil }
        var clauses: [Range<Int>] = []
        var depth = 0, start = range.lowerBound
        for i in range {
            let s = text.norm[i]
            if s == "(" || s == "[" { depth += 1 } else if s == ")" || s == "]" { depth -= 1 }
            else if depth == 0, s == "," || s == ";" { clauses.append(start..<i); start = i + 1 }
            else if depth == 0, s == "。" { return nil }
        }
        clauses.append(start..<range.upperBound)
        var read = RolePhrase()
        for clause in clauses {
            let r = text.trimmed(clause)
            if r.isEmpty { continue }
            // `完成时限：…` among the role clauses was read with the labels.
            if labels.contains(where: { $0.role == .due && text.normHas($0.word, at: r.lowerBound) }) { continue }
            if text.norm[r].contains(":") { return nil }
            if DeadlineReader.isDeadlineClause(text, r) {
                let from = text.norm[r.lowerBound] == "于" || text.norm[r.lowerBound] == "在" ? r.lowerBound + 1 : r.lowerBound
                if read.due == nil, let end = DeadlineReader.match(text, at: from) { read.due = text.value(from..<end) }
                continue
            }
            guard let word = UnitLists.roleWord(ending: text, r) else { return nil }
            let names = UnitLists.split(text, r)
            guard !names.isEmpty else { return nil }
            if UnitLists.leadWords.contains(word) { read.lead += names } else { read.others += names }
        }
        guard !read.lead.isEmpty || !read.others.isEmpty else { return nil }
        return read
    }
}
