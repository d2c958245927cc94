/// Small readings of field values that several domain checkers share.
enum FieldValues {
    /// Words that mean "no" in a yes/no field written by people (`permits.construction: 无`).
    static let falseWords: Set<String> = ["false", "no", "n", "0", "否", "无", "没有", "未办理", "未取得", "未发", "—", "-", "/"]

    /// Whether a field counts as satisfied: `true`, a non-zero number, a non-empty list or map,
    /// or a string that is not empty and not a "no" word. Null and absent are not.
    static func isSatisfied(_ node: Node?) -> Bool {
        guard let node else { return false }
        switch node.kind {
        case .null: return false
        case .bool: return node.bool ?? false
        case .integer, .double: return (node.number ?? 0) != 0
        case .list, .map: return node.count > 0
        case .string:
            let text = UnitSplitter.trim(Substring(node.string ?? ""))
            return !text.isEmpty && !falseWords.contains(text.lowercased())
        }
    }

    /// A date field: ISO `YYYY-MM-DD` or any deadline form that names a single day.
    static func day(_ node: Node) -> PlanDate? {
        if let date = isoDay(node) { return date }
        guard let text = node.scalarText, node.kind != .null else { return nil }
        if case .interval(let interval) = DeadlineParser.parse(text), interval.start == interval.end { return interval.start }
        return nil
    }

    /// A string node written `YYYY-MM-DD`, read from its bytes: the common case, without
    /// making a `String` per record.
    @inline(__always)
    static func isoDay(_ node: Node) -> PlanDate? {
        guard node.kind == .string, node.document.counts[Int(node.index)] == 10 else { return nil }
        return node.withUTF8 { PlanDate(isoBytes: $0) }
    }

    /// A `{start, end}` map of dates as an interval; nil when either is missing or unreadable.
    static func interval(_ node: Node) -> PlanDateInterval? {
        guard node.kind == .map, let s = node["start"].flatMap(day), let e = node["end"].flatMap(day), s <= e else { return nil }
        return PlanDateInterval(start: s, end: e)
    }

    /// A ratio as a percentage with at most one decimal: `96.7 %`, `100 %`.
    static func percent(_ ratio: Double) -> String {
        let tenths = (ratio * 1000).rounded() / 10
        return number(tenths) + " %"
    }

    /// A number without a trailing `.0`, at most two decimals.
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return String(value) }
        let rounded = (value * 100).rounded() / 100
        if rounded == rounded.rounded(), abs(rounded) < 1e15 { return String(Int64(rounded)) }
        return String(rounded)
    }

    /// A field's value as text for messages (lists joined with 、).
    static func display(_ node: Node?) -> String {
        guard let node else { return "" }
        switch node.kind {
        case .null: return ""
        case .list: return node.items.map { display($0) }.joined(separator: "、")
        case .map: return "{…}"
        default: return node.scalarText ?? ""
        }
    }
}

/// The record a dataset-wide finding is attached to: the document root.
extension FindingReporter {
    var datasetRecord: Record { Record(node: context.root, keyField: "id") }
}
