/// The words plans and ledgers use for an indicator's kind and direction and a task's progress,
/// read the same way by every checker and by the audit (which only aggregates what the checkers
/// decided). One table, so `check` and `audit` cannot read `at_least` or `推进中` differently.
///
/// Latin spellings are compared without case, `-`, `_` and spaces: `at-least`, `at_least`,
/// `atLeast` and `AT LEAST` are one word.
public enum Vocabulary {
    /// An indicator's kind: 约束性 (binding: a missed target is an error) or 预期性 (expected).
    public enum IndicatorKind: String, Sendable, Codable, CaseIterable {
        case binding, expected
    }

    /// A task's progress as its status field states it.
    public enum Progress: String, Sendable, Codable, CaseIterable {
        case done
        case inProgress = "in-progress"
        case notStarted = "not-started"
        /// 滞后, 延期: the ledger itself says the task is behind; it is not done.
        case delayed
    }

    static let bindingWords = ["binding", "mandatory", "obligatory", "约束性", "约束"]
    /// 指导性 (guiding) indicators are judged like expected ones: a miss is not a breach.
    static let expectedWords = ["expected", "indicative", "anticipatory", "guiding", "预期性", "预期", "指导性", "指导"]

    static let atLeastWords = ["at-least", "min", "minimum", "not-less-than", ">=", "≥", "≧", "不低于", "不少于", "不小于", "达到", "以上", "及以上",
                               "至少", "高于", "大于", "超过", "增长", "提高"]
    static let atMostWords = ["at-most", "max", "maximum", "within", "not-more-than", "<=", "≤", "≦", "不高于", "不超过", "不大于", "以内", "以下",
                              "之内", "及以下", "控制在", "至多", "低于", "小于", "下降", "降低"]

    static let doneWords = ["done", "completed", "complete", "finished", "closed", "resolved", "已完成", "完成", "办结", "已办结", "已落实",
                            "已结项", "结项", "已验收"]
    static let inProgressWords = ["in-progress", "ongoing", "started", "underway", "active", "推进中", "进行中", "正在推进", "实施中",
                                  "正在实施", "在建", "已启动"]
    static let notStartedWords = ["not-started", "todo", "pending", "planned", "open", "未开始", "未启动", "尚未启动", "待启动", "未实施"]
    static let delayedWords = ["delayed", "late", "behind", "overdue", "blocked", "滞后", "延期", "延误", "进度滞后", "推迟", "暂缓"]

    /// `at_least` → `atleast`: Latin words lose case, `-`, `_` and spaces; Chinese is kept, trimmed.
    static func normalize(_ text: String) -> String {
        let trimmed = UnitSplitter.trim(Substring(text))
        var out = ""
        out.reserveCapacity(trimmed.utf8.count)
        for c in trimmed where c != "-" && c != "_" && c != " " { out.append(contentsOf: c.lowercased()) }
        return out
    }

    static func table<T>(_ entries: [([String], T)]) -> [String: T] {
        var result: [String: T] = [:]
        for (words, value) in entries { for word in words { result[normalize(word)] = value } }
        return result
    }

    static let kinds = table([(bindingWords, IndicatorKind.binding), (expectedWords, .expected)])
    static let directions = table([(atLeastWords, PlanQuantity.Bound.atLeast), (atMostWords, .atMost)])
    static let progresses = table([(doneWords, Progress.done), (inProgressWords, .inProgress), (notStartedWords, .notStarted),
                                   (delayedWords, .delayed)])

    /// Every spelling of a progress word as written and normalised, keyed by bytes: the
    /// per-record lookup of the common spellings allocates nothing.
    static let progressBytes: ByteStringTable<Progress> = {
        var table = ByteStringTable<Progress>()
        for (words, value) in [(doneWords, Progress.done), (inProgressWords, .inProgress), (notStartedWords, .notStarted), (delayedWords, .delayed)] {
            for word in words { table.insert(word, value); table.insert(normalize(word), value) }
        }
        return table
    }()

    public static func kind(_ text: String) -> IndicatorKind? { kinds[normalize(text)] }

    public static func direction(_ text: String) -> PlanQuantity.Bound? { directions[normalize(text)] }

    public static func progress(_ text: String) -> Progress? { progresses[normalize(text)] }

    /// The progress a status node states; nil when it is empty or a word the vocabulary lacks.
    static func progress(of node: Node) -> Progress? {
        if node.kind == .string, let found = node.withUTF8({ progressBytes.find(UnitBytes.trimmed($0)) }) { return found }
        if node.kind == .bool { return node.bool == true ? .done : nil }
        return node.scalarText.flatMap(progress)
    }
}
