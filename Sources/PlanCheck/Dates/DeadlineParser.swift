/// A closed interval of days; for a deadline, `end` is the deadline itself.
public struct PlanDateInterval: Sendable, Hashable, CustomStringConvertible {
    public var start: PlanDate
    public var end: PlanDate

    public init(start: PlanDate, end: PlanDate) {
        self.start = start
        self.end = end
    }

    public func contains(_ date: PlanDate) -> Bool { start <= date && date <= end }
    /// True when `other` lies entirely within this interval.
    public func contains(_ other: PlanDateInterval) -> Bool { start <= other.start && other.end <= end }
    public var description: String { start == end ? "\(start)" : "\(start)…\(end)" }

    /// A whole calendar year.
    public static func year(_ year: Int) -> PlanDateInterval {
        PlanDateInterval(start: PlanDate(year: year, month: 1, day: 1), end: PlanDate(year: year, month: 12, day: 31))
    }

    /// Months `first`…`last` of `year` (both 1-based, inclusive).
    public static func months(_ first: Int, _ last: Int, of year: Int) -> PlanDateInterval {
        PlanDateInterval(start: PlanDate(year: year, month: first, day: 1),
                         end: PlanDate(year: year, month: last, day: PlanDate.daysIn(month: last, year: year)))
    }
}

/// What a deadline written by people means.
public enum DeadlineParse: Sendable, Equatable {
    /// A fixed deadline: the interval the wording denotes (`2011年6月底` → 2011-06-01…2011-06-30).
    case interval(PlanDateInterval)
    /// Recurring or open-ended wording (`长期坚持`, `持续推进`, `每年`): no fixed deadline.
    case noFixedDeadline
    /// A year-less form whose year the plan period does not settle.
    case ambiguous(reason: String)
    /// Not a deadline PlanCheck can read.
    case unparseable
}

/// Parses deadlines as people write them, each into a closed interval of days whose `end` is the
/// deadline. `docs/deadlines.md` lists every accepted form; in short:
///
/// - days: `2011-06-30`, `2011/6/30`, `2011.6.30`, `2011年6月30日` (`号`), `6月30日`
/// - months: `2011年6月`, `2011年6月底`, `6月末`, `2011-06`; thirds `6月上旬/中旬/下旬`
/// - years: `2011年`, `2011年底`, `2011年年底`, `2011年末`, `2011年内`, `2011年度`; year-less `年内`, `年底`
/// - halves and quarters: `2011年上半年`, `下半年`, `第一季度(末)`, `一季度`, `Q3`
/// - five-year plans: `十一五` … `十五五` (2006–2010 … 2026–2030), with `期间`, `时期`, `末`, quotes
/// - ranges: `2011—2015年`, `2011-2015年`, `2011年至2015年`, `2011年3月至6月`
///
/// Suffixes that only say "by" (`以前`, `之前`, `前`, `为止`, `完成`) and prefixes such as `于`,
/// `截至`, `力争` are ignored. Full-width digits and Chinese numerals (`二〇一一年六月三十日`) are
/// read. A year-less form takes the plan period's year when the period lies within one year and
/// is `.ambiguous` otherwise. Recurring or open-ended wording (`长期坚持`, `持续推进`, `每年`) is
/// `.noFixedDeadline`. Impossible dates (`2011年2月30日`) are `.unparseable`.
public enum DeadlineParser {
    public static func parse(_ text: String, planPeriod: PlanDateInterval? = nil) -> DeadlineParse {
        // Fast path: most machine-written deadlines are ISO dates.
        if let date = PlanDate(iso: text) { return .interval(PlanDateInterval(start: date, end: date)) }
        let compact = normalize(text)
        guard !compact.isEmpty else { return .unparseable }
        // Open-ended wording is checked first: `每年6月底前` is a recurring deadline, not 2011's.
        if openEndedMarkers.contains(where: { compact.contains($0) }) { return .noFixedDeadline }
        let core = stripAffixes(compact)
        guard !core.isEmpty else { return .unparseable }
        if let span = fiveYearPlan(core) { return .interval(span) }
        let digits = convertChineseNumerals(core)
        if let single = parseSingle(digits) { return resolve(single, text: text, planPeriod: planPeriod) }
        if let range = parseRange(digits) { return resolve(range, text: text, planPeriod: planPeriod) }
        return .unparseable
    }

    // MARK: vocabulary

    /// Words that make a deadline recurring or open-ended.
    static let openEndedMarkers = ["长期", "持续", "每年", "每季", "每月", "每周", "每半年", "逐年", "常态", "经常",
                                   "定期", "长效", "坚持", "不断", "随时", "动态"]

    /// Leading words that only introduce the date (`于2011年6月30日以前`).
    static let prefixes = ["截止到", "截至到", "截至", "截止", "力争于", "力争在", "力争", "争取于", "争取在", "争取",
                           "计划于", "计划在", "预计于", "预计", "要求于", "应于", "须于", "需于", "于", "在", "到", "至"]

    /// Trailing words that only say "by" or "done" (`以前`, `前完成`); stripped repeatedly.
    static let suffixes = ["以前", "之前", "为止", "前", "止", "完成", "完工", "结束", "实现", "。", "."]

    /// Five-year plans: name → first year (the plan covers five calendar years).
    static let fiveYearPlans: [(name: String, start: Int)] = [
        ("十一五", 2006), ("十二五", 2011), ("十三五", 2016), ("十四五", 2021), ("十五五", 2026),
    ]

    // MARK: normalization

    /// Removes spaces and maps full-width digits and punctuation to ASCII, dashes to `—`.
    static func normalize(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x20, 0x09, 0x0A, 0x0D, 0x3000, 0xA0: continue
            case 0xFF10...0xFF19: out.unicodeScalars.append(Unicode.Scalar(scalar.value - 0xFF10 + 0x30)!)
            case 0xFF0F: out += "/"
            case 0xFF0E: out += "."
            case 0xFF0D: out += "-"
            case 0xFF5E, 0x301C: out += "~"
            case 0x2010...0x2015, 0x2212: out += "—"   // hyphens, en and em dashes, minus sign
            case 0x201C, 0x201D, 0x300C, 0x300D, 0x300E, 0x300F, 0x22, 0x27, 0x2018, 0x2019: continue // quotes
            default: out.unicodeScalars.append(scalar)
            }
        }
        // `——` (a doubled em dash) is one range separator.
        while out.contains("——") { out = out.replacing("——", with: "—") }
        return out
    }

    static func stripAffixes(_ text: String) -> String {
        var s = Substring(text)
        var changed = true
        // Lengths in UTF-8 bytes: `Substring.count` walks the whole text, which made n repeated
        // affixes (`前前前…`, found by fuzzing) cost n² steps. The affixes have no decomposed
        // forms, so "longer than the affix" means the same in bytes and in characters.
        while changed {
            changed = false
            for p in prefixes where s.hasPrefix(p) && s.utf8.count > p.utf8.count {
                s = s.dropFirst(p.count); changed = true; break
            }
            for x in suffixes where s.hasSuffix(x) && s.utf8.count > x.utf8.count {
                s = s.dropLast(x.count); changed = true; break
            }
        }
        return String(s)
    }

    /// Runs of Chinese numerals become Arabic digits: `二〇一一` (digit by digit) → `2011`,
    /// `三十` (positional, with 十) → `30`. Applied after five-year-plan names are matched, since
    /// `十二五` is a name, not 125.
    static func convertChineseNumerals(_ text: String) -> String {
        let digitValues: [Character: Int] = ["〇": 0, "○": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
                                             "五": 5, "六": 6, "七": 7, "八": 8, "九": 9]
        var out = ""
        var run: [Character] = []
        func flush() {
            guard !run.isEmpty else { return }
            if run.contains("十") {
                // Positional up to 99 (months, days, quarters): [tens]十[units].
                let parts = run.split(separator: "十", omittingEmptySubsequences: false)
                let tens = parts[0].isEmpty ? 1 : parts[0].reduce(0) { $0 * 10 + (digitValues[$1] ?? 0) }
                let units = parts.count > 1 ? parts[1].reduce(0) { $0 * 10 + (digitValues[$1] ?? 0) } : 0
                out += parts.count == 2 ? String(tens * 10 + units) : String(run)
            } else {
                out += run.map { String(digitValues[$0]!) }.joined()
            }
            run.removeAll()
        }
        for c in text {
            if digitValues[c] != nil || c == "十" { run.append(c) } else { flush(); out.append(c) }
        }
        flush()
        return out
    }

    // MARK: forms

    /// A parsed deadline before the year of a year-less form is settled.
    struct Partial {
        var year: Int?
        /// Builds the interval once the year is known; nil when the date does not exist.
        var build: (Int) -> PlanDateInterval?
    }

    static func fiveYearPlan(_ text: String) -> PlanDateInterval? {
        for plan in fiveYearPlans where text.hasPrefix(plan.name) {
            let rest = text.dropFirst(plan.name.count)
            switch rest {
            case "", "期间", "时期", "期内", "内", "规划期", "规划期间", "规划期内", "规划", "计划", "计划期间", "规划时期":
                return PlanDateInterval(start: PlanDate(year: plan.start, month: 1, day: 1),
                                        end: PlanDate(year: plan.start + 4, month: 12, day: 31))
            case "末", "期末", "时期末", "规划期末", "末期":
                return .year(plan.start + 4)
            default:
                return nil
            }
        }
        return nil
    }

    static func parseSingle(_ text: String) -> Partial? {
        if let iso = parseNumeric(text) { return iso }
        var s = Cursor(text)
        var year: Int?
        var relative = false   // `今年`: a year-less "this year"
        if let y = s.digits(exactly: 4) {
            if s.atEnd { return yearPartial(y) }   // a bare year `2015`
            if s.take("年度") || s.take("年") { year = y } else { return nil }
        } else if s.take("今年") || s.take("本年度") || s.take("本年") || s.take("当年") {
            relative = true
        }
        let rest = s.rest
        switch rest {
        case "":
            if relative { return Partial(year: nil, build: { .year($0) }) }
            return year.map(yearPartial)
        case "底", "末", "年底", "年末", "内", "年内", "度", "年度", "全年", "年", "终", "年终":
            return year.map(yearPartial) ?? Partial(year: nil, build: { .year($0) })
        case "上半年", "上半年度", "上半年末", "上半年底":
            return Partial(year: year, build: { .months(1, 6, of: $0) })
        case "下半年", "下半年度", "下半年末", "下半年底":
            return Partial(year: year, build: { .months(7, 12, of: $0) })
        default:
            break
        }
        if let quarter = parseQuarter(rest) {
            return Partial(year: year, build: { .months(quarter * 3 - 2, quarter * 3, of: $0) })
        }
        // Month, then an optional day or part of the month.
        guard let month = s.digits(max: 2), s.take("月") || s.take("月份"), (1...12).contains(month) else { return nil }
        _ = s.take("份")
        switch s.rest {
        case "", "底", "末", "中", "内", "月底", "月末":
            return Partial(year: year, build: { .months(month, month, of: $0) })
        case "上旬":
            return Partial(year: year, build: { y in dayRange(y, month, 1, 10) })
        case "中旬":
            return Partial(year: year, build: { y in dayRange(y, month, 11, 20) })
        case "下旬":
            return Partial(year: year, build: { y in dayRange(y, month, 21, PlanDate.daysIn(month: month, year: y)) })
        default:
            break
        }
        guard let day = s.digits(max: 2) else { return nil }
        _ = s.take("日") || s.take("号")
        guard s.atEnd || s.rest == "当天" || s.rest == "当日" else { return nil }
        return Partial(year: year, build: { y in dayRange(y, month, day, day) })
    }

    /// `2011-06-30`, `2011/6/30`, `2011.6.30`, and the month forms `2011-06`, `2011/6`.
    static func parseNumeric(_ text: String) -> Partial? {
        for separator in ["-", "/", ".", "—"] as [Character] where text.contains(separator) {
            let parts = text.split(separator: separator, omittingEmptySubsequences: false)
            guard parts.count == 2 || parts.count == 3, parts[0].count == 4,
                  parts.allSatisfy({ !$0.isEmpty && $0.count <= 4 && $0.allSatisfy(\.isASCIIDigitChar) }),
                  parts.dropFirst().allSatisfy({ $0.count <= 2 }),
                  let y = Int(parts[0]), let m = Int(parts[1]) else { continue }
            if parts.count == 2 {
                guard (1...12).contains(m) else { return nil }
                return Partial(year: y, build: { .months(m, m, of: $0) })
            }
            guard let d = Int(parts[2]) else { return nil }
            return Partial(year: y, build: { dayRange($0, m, d, d) })
        }
        return nil
    }

    /// `第一季度`, `一季度末`, `1季度`, `Q1`, `第1季`: the quarter number 1…4.
    static func parseQuarter(_ text: String) -> Int? {
        var s = Cursor(text)
        if s.take("Q") || s.take("q") {
            guard let q = s.digits(max: 1), s.atEnd, (1...4).contains(q) else { return nil }
            return q
        }
        _ = s.take("第")
        guard let q = s.digits(max: 1), (1...4).contains(q), s.take("季度") || s.take("季") else { return nil }
        switch s.rest {
        case "", "末", "底", "内", "度末": return q
        default: return nil
        }
    }

    static func yearPartial(_ year: Int) -> Partial {
        Partial(year: year, build: { .year($0) })
    }

    /// Days `first`…`last` of a month; nil when either day does not exist.
    static func dayRange(_ year: Int, _ month: Int, _ first: Int, _ last: Int) -> PlanDateInterval? {
        guard PlanDate.isValid(year: year, month: month, day: first), PlanDate.isValid(year: year, month: month, day: last) else { return nil }
        return PlanDateInterval(start: PlanDate(year: year, month: month, day: first), end: PlanDate(year: year, month: month, day: last))
    }

    /// `2011—2015年`, `2011-2015年`, `2011年至2015年`, `2011年3月至6月`, `十二五` halves excluded.
    /// The right side may omit the year (it takes the left's); the left may omit `年` when the
    /// right has it.
    static func parseRange(_ text: String) -> Partial? {
        let separators = ["至", "到", "—", "~", "-"]
        for separator in separators {
            guard let range = text.firstRange(of: separator) else { continue }
            let left = String(text[..<range.lowerBound]), right = String(text[range.upperBound...])
            guard !left.isEmpty, !right.isEmpty,
                  let l = parseSingle(left) ?? parseSingle(left + "年"), let r = parseSingle(right) else { continue }
            let build: (Int) -> PlanDateInterval? = { y in
                guard let a = l.build(l.year ?? y), let b = r.build(r.year ?? l.year ?? y), a.start <= b.end else { return nil }
                return PlanDateInterval(start: a.start, end: b.end)
            }
            return Partial(year: l.year ?? r.year, build: build)
        }
        return nil
    }

    // MARK: year resolution

    static func resolve(_ partial: Partial, text: String, planPeriod: PlanDateInterval?) -> DeadlineParse {
        if let year = partial.year {
            guard let interval = partial.build(year) else { return .unparseable }
            return .interval(interval)
        }
        guard let period = planPeriod else {
            return .ambiguous(reason: "`\(text)` names no year and there is no plan period to take it from")
        }
        guard period.start.year == period.end.year else {
            return .ambiguous(reason: "`\(text)` names no year and the plan period \(period) spans several years")
        }
        guard let interval = partial.build(period.start.year) else { return .unparseable }
        return .interval(interval)
    }
}

/// A tiny scanner over characters for the deadline grammar.
struct Cursor {
    let chars: [Character]
    var position = 0

    init(_ text: String) { chars = Array(text) }

    var atEnd: Bool { position >= chars.count }
    var rest: String { String(chars[position...]) }

    mutating func take(_ word: String) -> Bool {
        let w = Array(word)
        guard position + w.count <= chars.count, Array(chars[position..<position + w.count]) == w else { return false }
        position += w.count
        return true
    }

    /// Exactly `n` ASCII digits not followed by another digit.
    mutating func digits(exactly n: Int) -> Int? {
        let start = position
        guard let value = digits(max: n), position - start == n else { position = start; return nil }
        if !atEnd, chars[position].isASCIIDigitChar { position = start; return nil }
        return value
    }

    /// 1…`max` ASCII digits.
    mutating func digits(max: Int) -> Int? {
        var value = 0, count = 0
        while !atEnd, count < max, let d = chars[position].asciiDigitValue {
            value = value * 10 + d
            position += 1
            count += 1
        }
        if count > 0, !atEnd, chars[position].isASCIIDigitChar { position -= count; return nil }
        return count > 0 ? value : nil
    }
}

extension Character {
    var asciiDigitValue: Int? {
        guard let a = asciiValue, a >= 0x30, a <= 0x39 else { return nil }
        return Int(a - 0x30)
    }
    var isASCIIDigitChar: Bool { asciiDigitValue != nil }
}
