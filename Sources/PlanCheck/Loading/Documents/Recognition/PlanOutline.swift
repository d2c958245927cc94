/// The numbering hierarchy of a plan document: which paragraphs start items, how items nest,
/// which paragraphs and tables belong to each item, and what comes before the first item.
///
/// Styles nest in the order the document uses them (the first style is the top level, a new
/// style opens a level below the current item, a style already open closes the items below
/// it); chapters, sections and headings have fixed ranks. A label that breaks its sequence is
/// read as text when it continues an unfinished line (a hard-wrapped `.txt` line that happens
/// to start `一、`), and as an item with a note otherwise.
struct PlanOutline {
    struct Item {
        var label: NumberingLabel
        var paragraph: Int
        var parent: Int?
        var children: [Int] = []
        var level: Int
        /// Paragraphs of the item's own text: its heading paragraph, then body paragraphs up to
        /// its first child.
        var paragraphs: [Int]
        /// Tables placed in the item's text, by their paragraph indices.
        var tables: [[Int]] = []
    }

    private(set) var items: [Item] = []
    /// Paragraphs before the first item (title, issuer, date, foreword).
    private(set) var preamble: [Int] = []
    private(set) var preambleTables: [[Int]] = []
    private(set) var notes: [ImportNote] = []
    /// Paragraph indices joined to the previous one without a break (hard-wrapped lines).
    private(set) var continuations: Set<Int> = []

    init(_ document: PlanDocument, isWord: Bool) {
        var stack: [Int] = []
        var lastValue: [NumberingLabel.Style: Int] = [:]
        // After `附件：1.…`, the numbered lines that follow list attachments, not items.
        var attachmentStyle: NumberingLabel.Style?
        // After a `附件` line that closes the body, paragraphs belong to no item.
        var inAttachment = false
        var index = 0
        let paragraphs = document.paragraphs
        while index < paragraphs.count {
            let paragraph = paragraphs[index]
            if let cell = paragraph.cell {
                var table: [Int] = []
                while index < paragraphs.count, paragraphs[index].cell?.table == cell.table {
                    table.append(index)
                    index += 1
                }
                if let top = stack.last { items[top].tables.append(table) } else { preambleTables.append(table) }
                continue
            }
            defer { index += 1 }
            let text = LocatedText(paragraph)
            var label = NumberingLabel.parse(text)
            if label == nil, let level = paragraph.outlineLevel, !(items.isEmpty && Self.isDocumentTitle(text)) {
                label = NumberingLabel(style: .heading(level), value: 0, written: 0..<0, textStart: 0)
            }
            if let style = attachmentStyle {
                if let found = label, found.style == style, text.count <= 60, !text.norm.contains("。") { label = nil } else { attachmentStyle = nil }
            }
            switch label == nil ? Self.attachmentMark(text) : nil {
            case .lists(let style): attachmentStyle = style
            case .closesBody where !items.isEmpty:
                stack.removeAll()
                inAttachment = true
            default: break
            }
            if let found = label, paragraph.numberingLength == 0 {
                switch judge(found, text: text, index: index, stack: stack, lastValue: lastValue, document: document, isWord: isWord) {
                case .accept: break
                case .acceptWithNote(let message):
                    notes.append(ImportNote(rule: "import.ambiguous-numbering", message: message, position: text.position(found.written.lowerBound)))
                case .continuation:
                    label = nil
                    continuations.insert(index)
                }
            }
            guard let label else {
                if let top = stack.last { items[top].paragraphs.append(index) } else if !inAttachment { preamble.append(index) }
                if !continuations.contains(index), !isWord, index > 0, Self.isWrapped(paragraphs[index - 1]), paragraphs[index - 1].cell == nil {
                    continuations.insert(index)
                }
                continue
            }
            if let rank = label.style.rank {
                while let top = stack.last, items[top].label.style.rank.map({ $0 >= rank }) ?? true { stack.removeLast() }
            } else if let k = stack.lastIndex(where: { items[$0].label.style == label.style }) {
                stack.removeSubrange(k...)
            }
            let parent = stack.last
            items.append(Item(label: label, paragraph: index, parent: parent, level: stack.count + 1, paragraphs: [index]))
            let id = items.count - 1
            if let parent { items[parent].children.append(id) }
            stack.append(id)
            lastValue[label.style] = label.value
        }
    }

    enum Verdict { case accept, acceptWithNote(String), continuation }

    private func judge(_ label: NumberingLabel, text: LocatedText, index: Int, stack: [Int], lastValue: [NumberingLabel.Style: Int],
                       document: PlanDocument, isWord: Bool) -> Verdict {
        if case .heading = label.style { return .accept }
        let written = text.string(label.written)
        let previous = index > 0 ? document.paragraphs[index - 1] : nil
        let wrapped = !isWord && previous.map { $0.cell == nil && Self.isWrapped($0) } == true
        if let k = stack.lastIndex(where: { items[$0].label.style == label.style }) {
            let prev = items[stack[k]].label.value
            if label.value == prev + 1 { return .accept }
            if wrapped { return .continuation }
            let before = text.string(items[stack[k]].label.written)
            if label.value > prev + 1, label.value <= prev + 3 {
                return .acceptWithNote("`\(written)` follows `\(before)`: the numbering skips \(label.value - prev - 1); is an item missing?")
            }
            return .acceptWithNote("`\(written)` follows `\(before)` at the same level: read as a new item; check the numbering")
        }
        if label.style.rank != nil || label.value == 1 || lastValue[label.style].map({ label.value == $0 + 1 }) ?? true { return .accept }
        if wrapped { return .continuation }
        return .acceptWithNote("`\(written)` opens a level without starting at 1: read as an item; check the numbering")
    }

    /// `附件` / `附件2` / `附件：` alone (an attachment follows: the body ends) or `附件：1.…`
    /// (a list of attachments, whose label style the next lines continue).
    enum AttachmentMark { case closesBody, lists(NumberingLabel.Style) }

    static func attachmentMark(_ text: LocatedText) -> AttachmentMark? {
        let n = text.norm
        var i = 0
        while i < n.count, n[i] == " " { i += 1 }
        if isEndMatter(text, from: i) { return .closesBody }
        guard text.normHas(attachmentWord, at: i) else { return nil }
        i += attachmentWord.count
        while i < n.count, NumberingLabel.isDigit(n[i]) || n[i] == " " { i += 1 }
        let colon = i < n.count && n[i] == ":"
        if colon { i += 1 }
        while i < n.count, n[i] == " " { i += 1 }
        if i == n.count { return .closesBody }
        if let label = NumberingLabel.parse(text, from: i) { return .lists(label.style) }
        // `附件：重点任务分工表`: one attachment named, no sentence: the body ends.
        return colon && n.count - i <= 40 && !n[i...].contains("。") ? .closesBody : nil
    }

    /// The notice's closing block, after the plan's text: `抄送：…`, `抄报：…`, and the short
    /// `XX市人民政府办公室　2024年3月5日印发` line (ending in 日印发). What follows belongs to no item.
    static func isEndMatter(_ text: LocatedText, from i: Int) -> Bool {
        if endMatterWords.contains(where: { text.normHas($0, at: i) }) {
            let next = i + 2
            return next < text.norm.count && (text.norm[next] == ":" || text.norm[next] == "：" || text.norm[next] == " ")
        }
        let end = text.trimmed(0..<text.count).upperBound
        return end - i <= 40 && text.normHas(issuedWord, at: end - issuedWord.count)
    }

    static let attachmentWord: [Unicode.Scalar] = "附件".scalarArray
    static let endMatterWords: [[Unicode.Scalar]] = ["抄送", "抄报"].map(\.scalarArray)
    static let issuedWord: [Unicode.Scalar] = "日印发".scalarArray

    /// A heading before the first item that names the document (`# 某市…工作要点`), not an item.
    static func isDocumentTitle(_ text: LocatedText) -> Bool {
        let value = text.string(text.trimmed(0..<text.count))
        return value.count <= 60 && titleEndings.contains { value.hasSuffix($0) }
    }

    static let titleEndings = ["方案", "计划", "要点", "意见", "措施", "纲要", "规划", "通知", "清单", "分解表", "安排", "办法", "决定", "细则"]

    /// A long line that stops mid-sentence: the next line continues it (text hard-wrapped).
    static func isWrapped(_ paragraph: PlanParagraph) -> Bool {
        let scalars = paragraph.text.unicodeScalars
        guard scalars.count >= 50, let last = scalars.last(where: { !$0.properties.isWhitespace }) else { return false }
        return !"。！？；：…）)”\"】]!?;:．.》>".unicodeScalars.contains(last)
    }
}

/// Something recognition could not settle, for a reader to check.
struct ImportNote: Sendable, Equatable {
    var rule: String
    var message: String
    var position: SourcePosition
}
