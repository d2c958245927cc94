/// Finds deadline phrases in an item's text, kept as written for the deadline parser:
/// `2022年10月底前`, `年底前`, `6月底前`, `2011年6月30日以前`, `2025年前`, `今年年底前`.
///
/// What is not a deadline: validity periods (`实施期限至2025年`), processing limits (`14个工作日内`),
/// target years (`到2025年`), spans (`2022年6月—12月`): none of them ends in 前/以前/之前.
enum DeadlineReader {
    /// Every deadline phrase in `text` outside `excluded`, in order.
    static func phrases(in text: LocatedText, excluding excluded: [Range<Int>] = []) -> [Located<String>] {
        var result: [Located<String>] = []
        var i = 0
        while i < text.count {
            if excluded.contains(where: { $0.contains(i) }) { i += 1; continue }
            if let end = match(text, at: i), !isValidityPeriod(text, before: i) {
                if let value = text.value(recurrenceStart(text, before: i)..<end) { result.append(value) }
                i = end
            } else {
                i += 1
            }
        }
        return result
    }

    /// A clause that is only a deadline (`2022年底前完成`), allowed among role phrases.
    static func isDeadlineClause(_ text: LocatedText, _ range: Range<Int>) -> Bool {
        var start = range.lowerBound
        if text.norm[start] == "于" || text.norm[start] == "在" { start += 1 }
        guard start < range.upperBound, let end = match(text, at: start) else { return false }
        let rest = text.string(end..<range.upperBound)
        return rest.isEmpty || rest == "完成" || rest == "完成任务" || rest == "基本完成" || rest == "全面完成"
    }

    static let relativeYears: [[Unicode.Scalar]] = ["今年", "明年", "本年", "每年", "当年", "次年", "年"].map(\.scalarArray)
    // Word lists built once: `match` runs at every position of every item.
    static func isYearWordStart(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case "今", "明", "本", "每", "当", "次", "年": true
        default: false
        }
    }
    static let monthParts: [[Unicode.Scalar]] = ["底", "末", "中旬", "上旬", "下旬", "初", "中"].map(\.scalarArray)
    static let beforeWords: [[Unicode.Scalar]] = ["以前", "之前", "前"].map(\.scalarArray)
    static let notAfter: Set<Unicode.Scalar> = ["期", "列", "沿", "提", "景", "台", "端", "身", "夕", "进", "往", "述", "面"]

    /// The end of a deadline phrase starting at `i`, or nil.
    static func match(_ text: LocatedText, at i: Int) -> Int? {
        let n = text.norm
        // A phrase starts with a digit, a numeral, or one of the year words (今年, 年底…).
        guard NumberingLabel.isDigit(n[i]) || ChineseNumerals.isNumeral(n[i]) || isYearWordStart(n[i]) else { return nil }
        // A phrase starts a word: not in the middle of a number.
        if i > 0, NumberingLabel.isDigit(n[i - 1]) || ChineseNumerals.digitValue(n[i - 1]) != nil { return nil }
        var j = i
        var hasYear = false, hasMonth = false, hasEnd = false
        if let end = number(n, j, digits: 4...4), end < n.count, n[end] == "年" {
            j = end + 1
            hasYear = true
        } else if let word = relativeYears.first(where: { text.normHas($0, at: j) }) {
            // 年底 / 年末 need 底 or 末 right after: `年` alone is a unit of time.
            j += word.count
            hasYear = word.count > 1
            if word.count == 1 { guard j < n.count, n[j] == "底" || n[j] == "末" else { return nil } }
        }
        if hasYear, let end = partOfYear(text, at: j) { j = end; hasEnd = true }
        if j > i, j < n.count, n[j] == "年", j + 1 < n.count, n[j + 1] == "底" || n[j + 1] == "末" { j += 1 }
        if j > i, j < n.count, n[j] == "底" || n[j] == "末" {
            j += 1
            hasEnd = true
        } else {
            if let end = number(n, j, digits: 1...2), end < n.count, n[end] == "月", let month = value(n, j..<end), (1...12).contains(month) {
                j = end + 1
                hasMonth = true
                if let dayEnd = number(n, j, digits: 1...2), dayEnd < n.count, n[dayEnd] == "日" || n[dayEnd] == "号" {
                    j = dayEnd + 1
                } else {
                    for word in monthParts where text.normHas(word, at: j) {
                        j += word.count
                        break
                    }
                }
            }
        }
        guard hasYear || hasMonth || hasEnd else { return nil }
        for word in beforeWords where text.normHas(word, at: j) {
            let end = j + word.count
            if end < n.count, notAfter.contains(n[end]) { return nil }
            return end
        }
        // `2023年6月底完成`, `年底建成`, `2023年6月完成`, `2024年完成`: an end of a month or
        // year, a month or a year followed by the work's completion is a deadline without 前 —
        // unless it is a target or a count (`到2025年底实现…`, `截至2022年底建成…`) or what was
        // done (`2022年6月完成了试点`; `已完成` never follows the date directly).
        let namesAnEnd = n[j - 1] == "底" || n[j - 1] == "末" || n[j - 1] == "月" || (hasYear && n[j - 1] == "年")
        if j > i, namesAnEnd, let word = completionWords.first(where: { text.normHas($0, at: j) }),
           !(j + word.count < n.count && n[j + word.count] == "了"),
           !targetMarks.contains(where: { i >= $0.count && text.normHas($0, at: i - $0.count) }) {
            return j
        }
        return nil
    }

    /// `上半年`, `下半年`, `三季度`, `第4季度` after a year: where the part ends, or nil.
    static func partOfYear(_ text: LocatedText, at j: Int) -> Int? {
        for word in halfYears where text.normHas(word, at: j) { return j + word.count }
        var k = j
        if k < text.count, text.norm[k] == "第" { k += 1 }
        guard k < text.count, let quarter = ChineseNumerals.digitValue(text.norm[k]) ?? (NumberingLabel.isDigit(text.norm[k]) ? Int(text.norm[k].value - 0x30) : nil),
              (1...4).contains(quarter), text.normHas(quarterWord, at: k + 1) else { return nil }
        return k + 1 + quarterWord.count
    }

    static let halfYears: [[Unicode.Scalar]] = ["上半年", "下半年"].map(\.scalarArray)
    static let quarterWord: [Unicode.Scalar] = "季度".scalarArray

    static let completionWords: [[Unicode.Scalar]] = ["完成", "建成", "出台", "印发", "投入使用", "投用", "完工", "竣工", "上线"].map(\.scalarArray)
    static let targetMarks: [[Unicode.Scalar]] = ["到", "截至", "截止", "至"].map(\.scalarArray)

    /// The year a phrase names in Arabic digits (`2009年以前` → 2009), full-width digits
    /// included; nil for relative ones (`年底前`, `6月底前`).
    static func year(of phrase: String) -> Int? {
        var digits = 0, value = 0
        for scalar in phrase.unicodeScalars {
            let v = scalar.value
            let digit: UInt32? = (0x30...0x39).contains(v) ? v - 0x30 : (0xFF10...0xFF19).contains(v) ? v - 0xFF10 : nil
            guard let digit else { return digits == 4 && scalar == "年" ? value : nil }
            digits += 1
            value = value * 10 + Int(digit)
            if digits > 4 { return nil }
        }
        return nil
    }

    /// Terms plans write where a task has no end: kept as its `due`, as written, when they
    /// stand among the units (`（牵头单位：X，长期坚持）`) or under a deadline label.
    static let standingTerms: Set<String> = ["长期坚持", "持续推进", "长期推进", "常态化推进", "持续开展", "长期开展", "常年开展", "长期", "持续"]

    /// `2024年起每年6月底前`: a recurring deadline keeps the year it starts from.
    static func recurrenceStart(_ text: LocatedText, before i: Int) -> Int {
        guard text.normHas(everyYear, at: i) else { return i }
        var j = i
        if j > 0, text.norm[j - 1] == "," { j -= 1 }
        guard j >= 6, text.norm[j - 1] == "起", text.norm[j - 2] == "年", (j - 6..<j - 2).allSatisfy({ NumberingLabel.isDigit(text.norm[$0]) }) else { return i }
        let start = j - 6
        return start > 0 && NumberingLabel.isDigit(text.norm[start - 1]) ? i : start
    }

    static let everyYear: [Unicode.Scalar] = "每年".scalarArray

    /// `实施期限至…`, `有效期至…` — the end of a policy's life, not a task's deadline.
    static func isValidityPeriod(_ text: LocatedText, before i: Int) -> Bool {
        let from = max(0, i - 8)
        let before = text.string(from..<i)
        return before.contains("期限至") || before.contains("有效期") || before.contains("实施期") || before.hasSuffix("至")
    }

    private static func number(_ n: [Unicode.Scalar], _ start: Int, digits: ClosedRange<Int>) -> Int? {
        var end = start
        if end < n.count, NumberingLabel.isDigit(n[end]) {
            while end < n.count, NumberingLabel.isDigit(n[end]) { end += 1 }
        } else {
            while end < n.count, ChineseNumerals.isNumeral(n[end]) { end += 1 }
        }
        return digits.contains(end - start) || (end > start && !NumberingLabel.isDigit(n[start]) && end - start <= 4) ? end : nil
    }

    private static func value(_ n: [Unicode.Scalar], _ range: Range<Int>) -> Int? {
        if NumberingLabel.isDigit(n[range.lowerBound]) { return Int(String(String.UnicodeScalarView(n[range]))) }
        return ChineseNumerals.value(n[range])
    }
}
