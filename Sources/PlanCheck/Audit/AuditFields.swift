/// Reading the dataset fields the audit uses (docs/dataset-schema.md), tolerant of the ways
/// ledgers write them: numbers as text, statuses in English or Chinese, dates as strings.
enum AuditFields {
    /// A scalar as trimmed text; nil for null, empty, lists and maps.
    static func text(_ node: Node?) -> String? {
        guard let node, node.kind != .null, let text = node.scalarText else { return nil }
        let trimmed = UnitSplitter.trim(Substring(text))
        return trimmed.isEmpty ? nil : trimmed
    }

    static func date(_ node: Node?) -> PlanDate? {
        text(node).flatMap { PlanDate(iso: String($0.prefix(10))) }
    }

    /// A number, or the leading number of text such as `3500亿元` or `18%`.
    static func number(_ node: Node?) -> Double? {
        guard let node else { return nil }
        if let value = node.number { return value }
        guard let text = text(node) else { return nil }
        var digits = ""
        for c in text {
            if c.isASCIIDigitChar || c == "." || (c == "-" && digits.isEmpty) || c == "," { if c != "," { digits.append(c) } } else { break }
        }
        return Double(digits)
    }

    static func integer(_ node: Node?) -> Int? { number(node).map { Int($0) } }

    /// A task's progress field, normalised.
    enum Progress: String { case done, inProgress = "in-progress", notStarted = "not-started" }

    static let doneWords: Set<String> = ["done", "completed", "complete", "finished", "closed", "完成", "已完成", "办结", "已办结", "已落实"]
    static let inProgressWords: Set<String> = ["in-progress", "in progress", "inprogress", "ongoing", "started", "进行中", "推进中", "实施中", "正在推进", "正在实施"]
    static let notStartedWords: Set<String> = ["not-started", "not started", "notstarted", "todo", "pending", "planned", "未开始", "未启动", "尚未启动", "待启动"]

    /// nil when the word is not one the audit knows.
    static func progress(_ word: String) -> Progress? {
        let w = word.lowercased().replacing("_", with: "-")
        if doneWords.contains(w) { return .done }
        if inProgressWords.contains(w) { return .inProgress }
        if notStartedWords.contains(w) { return .notStarted }
        return nil
    }

    /// `binding`/`约束性` → binding; `expected`/`预期性` → expected; otherwise as written.
    static func indicatorKind(_ text: String?) -> String {
        guard let text else { return "unknown" }
        switch text.lowercased() {
        case "binding", "约束性", "约束": return "binding"
        case "expected", "预期性", "预期": return "expected"
        default: return text
        }
    }

    /// `at-most` for upper bounds (`以内`, `不超过`, `控制在`); `at-least` otherwise.
    static func direction(_ text: String?) -> String {
        guard let text else { return "at-least" }
        let upper = ["at-most", "at_most", "atmost", "max", "<=", "以内", "不超过", "控制在", "不高于", "以下"]
        return upper.contains(where: { text.lowercased().contains($0) }) ? "at-most" : "at-least"
    }

    /// True when a ratio's `holds` field counts as held: `true`, or any non-empty value other
    /// than a negative word.
    static func holds(_ node: Node?) -> Bool {
        guard let node, !node.isEmpty else { return false }
        if let b = node.bool { return b }
        if let t = text(node), ["false", "no", "否", "无", "未办理", "0"].contains(t.lowercased()) { return false }
        return true
    }

    /// The plan period of a dataset (`$.plan.period`), for year-less deadlines.
    static func period(of root: Node) -> PlanDateInterval? {
        guard let period = root.lookup(path: "plan.period"),
              let start = date(period["start"]), let end = date(period["end"]), start <= end else { return nil }
        return PlanDateInterval(start: start, end: end)
    }
}
