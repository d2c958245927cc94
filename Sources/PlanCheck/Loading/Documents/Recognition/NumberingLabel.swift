/// A numbering label at the start of a paragraph, as plans write it: `一、` `（一）` `(一)` `1.`
/// `1、` `（1）` `1)` `①` `⑴` `A.`, `第一章` `第一节` `第一条` `第一部分`, `行动计划1.` `专项行动一`.
struct NumberingLabel: Equatable {
    enum Style: Hashable {
        case part, chapter, section, article
        case chineseComma, chineseParen, action
        case arabicDot, arabicComma, arabicParen, arabicRightParen, circled, letter
        /// A heading without a label (Markdown `##`, a Word heading style), by level.
        case heading(Int)

        /// Styles whose rank is fixed whatever comes before them: a chapter closes every open
        /// item below chapters. Other styles nest in the order the document first uses them.
        var rank: Int? {
            switch self {
            case .part: 1
            case .chapter: 2
            case .section: 3
            case .heading(let level): level
            default: nil
            }
        }
    }

    var style: Style
    var value: Int
    /// The label as written, e.g. `（一）` or `行动计划1.`.
    var written: Range<Int>
    /// Where the text after the label (and the spaces after it) starts.
    var textStart: Int

    /// Parses the label at the start of `text` (after spaces and Markdown emphasis).
    static func parse(_ text: LocatedText, from start: Int = 0) -> NumberingLabel? {
        let n = text.norm
        var i = start
        while i < n.count, n[i] == " " || n[i] == "*" || n[i] == "_" || n[i] == ">" { i += 1 }
        guard i < n.count else { return nil }
        let begin = i
        func finish(_ style: Style, _ value: Int, _ end: Int) -> NumberingLabel? {
            guard value >= 0, value < 100_000 else { return nil }
            var after = end
            while after < n.count, n[after] == " " || n[after] == "*" || n[after] == "_" { after += 1 }
            return NumberingLabel(style: style, value: value, written: begin..<end, textStart: after)
        }
        // 第一章 第二节 第三条 第一部分 第一篇
        if n[i] == "第" {
            let (value, end) = numeral(n, from: i + 1, maxLength: 6)
            guard let value, end < n.count else { return nil }
            switch n[end] {
            case "章": return finish(.chapter, value, end + 1)
            case "节": return finish(.section, value, end + 1)
            case "条": return finish(.article, value, end + 1)
            case "篇", "编": return finish(.part, value, end + 1)
            case "部" where end + 1 < n.count && n[end + 1] == "分": return finish(.part, value, end + 2)
            default: return nil
            }
        }
        // 行动计划1. 专项行动一：
        for word in actionWords where text.normHas(word, at: i) {
            let (value, end) = numeral(n, from: i + word.count, maxLength: 4)
            guard let value else { return nil }
            var stop = end
            if stop < n.count, ".、:".unicodeScalars.contains(n[stop]) { stop += 1 }
            return finish(.action, value, stop)
        }
        // (一) (1)
        if n[i] == "(" {
            let (value, end) = numeral(n, from: i + 1, maxLength: 4)
            guard let value, end < n.count, n[end] == ")" else { return nil }
            return finish(ChineseNumerals.isNumeral(n[i + 1]) ? .chineseParen : .arabicParen, value, end + 1)
        }
        let v = n[i].value
        if (0x2460...0x2473).contains(v) { return finish(.circled, Int(v - 0x2460) + 1, i + 1) }
        if (0x3251...0x325F).contains(v) { return finish(.circled, Int(v - 0x3251) + 21, i + 1) }
        if (0x32B1...0x32BF).contains(v) { return finish(.circled, Int(v - 0x32B1) + 36, i + 1) }
        if (0x2474...0x2487).contains(v) { return finish(.arabicParen, Int(v - 0x2474) + 1, i + 1) }
        if (0x2488...0x249B).contains(v) { return finish(.arabicDot, Int(v - 0x2488) + 1, i + 1) }
        // 一、 一. 1. 1、 1)
        if ChineseNumerals.isNumeral(n[i]) {
            let (value, end) = numeral(n, from: i, maxLength: 4)
            guard let value, value > 0, end < n.count, n[end] == "、" || n[end] == "." else { return nil }
            return finish(.chineseComma, value, end + 1)
        }
        if isDigit(n[i]) {
            let (value, end) = numeral(n, from: i, maxLength: 3)
            guard let value, end < n.count else { return nil }
            switch n[end] {
            case "、": return finish(.arabicComma, value, end + 1)
            case ")": return finish(.arabicRightParen, value, end + 1)
            case ".":
                // 1.5亿元 and 2.3万 are amounts, not labels; `2.2023年底前建成…` is item 2 that
                // starts with a year.
                if end + 1 < n.count, isDigit(n[end + 1]) {
                    let year = (end + 1)..<min(end + 5, n.count)
                    guard year.count == 4, year.allSatisfy({ isDigit(n[$0]) }), end + 5 < n.count, n[end + 5] == "年" else { return nil }
                }
                return finish(.arabicDot, value, end + 1)
            default: return nil
            }
        }
        if ("A"..."Z").contains(n[i]), i + 1 < n.count, n[i + 1] == "." || n[i + 1] == "、" {
            return finish(.letter, Int(n[i].value - 0x40), i + 2)
        }
        return nil
    }

    static let actionWords: [[Unicode.Scalar]] = ["行动计划", "专项行动", "重点行动"].map(\.scalarArray)

    static func isDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 0x30 && s.value <= 0x39 }

    /// Reads Arabic digits or a Chinese numeral of at most `maxLength` scalars.
    static func numeral(_ n: [Unicode.Scalar], from start: Int, maxLength: Int) -> (value: Int?, end: Int) {
        var end = start
        if end < n.count, isDigit(n[end]) {
            var value = 0
            while end < n.count, isDigit(n[end]), end - start < maxLength {
                value = value * 10 + Int(n[end].value - 0x30)
                end += 1
            }
            if end < n.count, isDigit(n[end]) { return (nil, end) } // too many digits: a year, an amount
            return (value, end)
        }
        while end < n.count, ChineseNumerals.isNumeral(n[end]), end - start < maxLength { end += 1 }
        guard end > start else { return (nil, end) }
        return (ChineseNumerals.value(n[start..<end]), end)
    }
}
