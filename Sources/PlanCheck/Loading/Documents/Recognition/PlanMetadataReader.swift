import Foundation

/// The plan's own facts from the text before the first item: title, issuer, issue date, period
/// (from a year span or a five-year-plan name in the title), and phases (`第一阶段(2011—2020年)`).
enum PlanMetadataReader {
    static let titleWords = ["方案", "计划", "纲要", "意见", "规划", "要点", "办法", "通知", "汇报", "举措", "措施", "规定", "细则", "报告", "决定"]
    static let issuerEndings = ["人民政府", "办公厅", "办公室", "委员会", "党委政府", "党委", "政府", "领导小组", "管委会", "局", "委"]

    static func read(_ document: PlanDocument, preamble: [Int]) -> ImportedValue? {
        var plan = RecordBuilder()
        let short = preamble.map { document.paragraphs[$0] }.filter { $0.text.unicodeScalars.count <= 80 }
        let title = short.first { p in
            let t = trimmed(p.text)
            return titleWords.contains { t.contains($0) } && !t.hasSuffix("。") && !t.contains(":") && !t.contains("：")
        } ?? short.first { p in
            let t = trimmed(p.text)
            return !t.hasSuffix("。") && t.unicodeScalars.count >= 4 && !issuerEndings.contains { t.hasSuffix($0) } && isoDate(in: t) == nil
        }
        if let title {
            plan.add("title", located(title, trimmed(title.text).trimmingCharacters(in: ["《", "》"])))
        }
        for p in short where p != title {
            let text = trimmed(p.text)
            if let source = text.range(of: "信息来源:") ?? text.range(of: "信息来源："), plan.fields.allSatisfy({ $0.key != "issuer" }) {
                let issuer = text[source.upperBound...].trimmingCharacters(in: .whitespaces)
                if !issuer.isEmpty { plan.add("issuer", located(p, issuer)) }
            } else if text.unicodeScalars.count <= 30, issuerEndings.contains(where: { text.hasSuffix($0) }), !text.contains("，"),
                      plan.fields.allSatisfy({ $0.key != "issuer" }) {
                plan.add("issuer", located(p, text))
            }
        }
        for p in preamble.map({ document.paragraphs[$0] }) where p.text.unicodeScalars.count <= 120 {
            if let date = isoDate(in: p.text) { plan.add("issued", located(p, date)); break }
        }
        // Reports and letters are dated in their closing signature (`…发展和改革委员会 二〇一三年八月十二日`):
        // a short paragraph among the last three that ends in a full date (not `…12月31日前完成`).
        if plan.fields.allSatisfy({ $0.key != "issued" }) {
            // From the end, lazily: trimming every paragraph of a 300-page plan costs more than
            // recognising it.
            let closing = document.paragraphs.reversed().lazy.filter { $0.cell == nil && $0.text.unicodeScalars.contains { !$0.properties.isWhitespace } }.prefix(3)
            for p in closing where p.text.unicodeScalars.count <= 40 && trimmed(p.text).hasSuffix("日") && !p.text.contains("前") {
                if let date = isoDate(in: p.text) { plan.add("issued", located(p, date)); break }
            }
        }
        if let title, let period = period(in: title.text) {
            plan.add("period", .map([ImportedField(key: "start", value: .string(period.start, position(title))),
                                     ImportedField(key: "end", value: .string(period.end, position(title)))], position(title)))
        }
        var phases: [ImportedValue] = []
        for p in document.paragraphs where p.cell == nil && p.text.unicodeScalars.first(where: { !$0.properties.isWhitespace }) == "第" {
            let text = trimmed(p.text)
            guard text.hasPrefix("第"), let stage = text.range(of: "阶段"), text.distance(from: text.startIndex, to: stage.lowerBound) <= 4,
                  let span = period(in: String(text.prefix(40))) else { continue }
            let name = String(text[..<stage.upperBound])
            phases.append(.map([ImportedField(key: "name", value: .string(name, position(p))),
                                ImportedField(key: "start", value: .string(span.start, position(p))),
                                ImportedField(key: "end", value: .string(span.end, position(p)))], position(p)))
        }
        if !phases.isEmpty {
            plan.add("phases", .list(phases, phases[0].position))
            // A plan whose title names no period runs over its phases: from the first start to
            // the last end (ISO dates compare as strings).
            if plan.fields.allSatisfy({ $0.key != "period" }),
               let start = phases.compactMap({ $0["start"]?.stringValue }).min(), let end = phases.compactMap({ $0["end"]?.stringValue }).max() {
                plan.add("period", .map([ImportedField(key: "start", value: .string(start, phases[0].position)),
                                         ImportedField(key: "end", value: .string(end, phases[0].position))], phases[0].position))
            }
        }
        guard !plan.fields.isEmpty else { return nil }
        return plan.map(at: title.map(position) ?? SourcePosition(line: document.paragraphs.first?.line ?? 1, column: 1))
    }

    static func trimmed(_ text: String) -> String { text.trimmingCharacters(in: .whitespaces) }

    static func position(_ p: PlanParagraph) -> SourcePosition {
        let lead = p.text.unicodeScalars.prefix { $0.properties.isWhitespace }.count
        return SourcePosition(line: p.line, column: p.column + lead)
    }

    static func located(_ p: PlanParagraph, _ value: String) -> Located<String> {
        var column = p.column
        if let r = p.text.range(of: value) { column += p.text.unicodeScalars.distance(from: p.text.unicodeScalars.startIndex, to: r.lowerBound) }
        return Located(value, SourcePosition(line: p.line, column: column))
    }

    /// The first date written `2011-05-12`, `2011年5月12日` or `二○○九年六月三日`, as ISO.
    static func isoDate(in text: String) -> String? {
        let n = LocatedText(PlanParagraph(line: 1, text: text)).norm
        var i = 0
        while i < n.count {
            if let (year, end) = number(n, i, 4...4), end < n.count, year >= 1949, year <= 2200 {
                if n[end] == "-" || n[end] == "/" || n[end] == "." , let (m, e2) = number(n, end + 1, 1...2), e2 < n.count, n[e2] == n[end],
                   let (d, _) = number(n, e2 + 1, 1...2), valid(m, d) {
                    return iso(year, m, d)
                }
                if n[end] == "年", let (m, e2) = number(n, end + 1, 1...2), e2 < n.count, n[e2] == "月",
                   let (d, e3) = number(n, e2 + 1, 1...3), e3 < n.count, n[e3] == "日", valid(m, d) {
                    return iso(year, m, d)
                }
            }
            i += 1
        }
        return nil
    }

    private static func valid(_ m: Int, _ d: Int) -> Bool { (1...12).contains(m) && (1...31).contains(d) }

    private static func iso(_ y: Int, _ m: Int, _ d: Int) -> String {
        "\(y)-" + (m < 10 ? "0\(m)" : "\(m)") + "-" + (d < 10 ? "0\(d)" : "\(d)")
    }

    /// Digits or Chinese numerals (`二○○九`, `十二`) at `start`, of a length in `digits`.
    private static func number(_ n: [Unicode.Scalar], _ start: Int, _ digits: ClosedRange<Int>) -> (Int, Int)? {
        guard start < n.count else { return nil }
        var end = start
        let arabic = NumberingLabel.isDigit(n[start])
        while end < n.count, arabic ? NumberingLabel.isDigit(n[end]) : (ChineseNumerals.isNumeral(n[end]) || n[end] == "○") { end += 1 }
        guard end > start, arabic ? digits.contains(end - start) : end - start <= 4 else { return nil }
        if start > 0, NumberingLabel.isDigit(n[start - 1]) { return nil }
        let value = arabic ? Int(String(String.UnicodeScalarView(n[start..<end]))) : ChineseNumerals.value(n[start..<end].map { $0 == "○" ? "〇" : $0 }[...])
        return value.map { ($0, end) }
    }

    /// `2011—2020年`, `2021-2025年`, `(2011～2015年)`, or a five-year plan (`十四五`).
    static func period(in text: String) -> (start: String, end: String)? {
        let n = LocatedText(PlanParagraph(line: 1, text: text)).norm
        var i = 0
        while i + 9 <= n.count {
            if let (a, e1) = number(n, i, 4...4), e1 < n.count, "—-–~～至到".unicodeScalars.contains(n[e1]) || (n[e1] == "年" && e1 + 1 < n.count && "—-–~～至到".unicodeScalars.contains(n[e1 + 1])) {
                var j = e1 + 1
                if n[e1] == "年" { j += 1 }
                while j < n.count, n[j] == "—" || n[j] == "-" { j += 1 }
                if let (b, _) = number(n, j, 4...4), b >= a, b - a <= 100, a >= 1949 {
                    return ("\(a)-01-01", "\(b)-12-31")
                }
            }
            i += 1
        }
        let plans = [("十一五", 2006), ("十二五", 2011), ("十三五", 2016), ("十四五", 2021), ("十五五", 2026)]
        for (name, start) in plans where text.contains(name) { return ("\(start)-01-01", "\(start + 4)-12-31") }
        return nil
    }
}
