/// Splits a written list of units into names: on 、，,；; and line breaks, never inside
/// brackets (`各县（市、区）人民政府` is one unit), role words at the end stripped (`X牵头` → X),
/// everything else kept as written (`等有关部门` included; the registry's aliases resolve
/// abbreviations).
enum UnitLists {
    static func split(_ text: LocatedText, _ range: Range<Int>) -> [Located<String>] {
        var pieces: [Range<Int>] = []
        var depth = 0, start = range.lowerBound
        for i in range {
            let s = text.norm[i]
            if s == "(" || s == "[" { depth += 1 }
            else if s == ")" || s == "]" { depth = max(0, depth - 1) }
            else if depth == 0, s == "、" || s == "," || s == ";" || s == "\n" || s == "/" {
                pieces.append(start..<i)
                start = i + 1
            } else if depth == 0, s == " ", i > start, i + 1 < range.upperBound, text.norm[i - 1].value > 0x7F, text.norm[i + 1].value > 0x7F,
                      !" 、,;".unicodeScalars.contains(text.norm[i + 1]) {
                // `市教育局 市财政局`, as table cells list units: a space between two names.
                pieces.append(start..<i)
                start = i + 1
            }
        }
        pieces.append(start..<range.upperBound)
        var names: [Located<String>] = []
        var k = 0
        while k < pieces.count {
            var piece = pieces[k]
            // `各市、县（市、区）人民政府` is one unit: the governments of every city and county.
            if k + 1 < pieces.count, isCollectivePrefix(text, text.trimmed(piece)), case let next = text.trimmed(pieces[k + 1]), !next.isEmpty, text.norm[next.lowerBound] == "县" {
                piece = piece.lowerBound..<pieces[k + 1].upperBound
                k += 1
            }
            k += 1
            var r = text.trimmed(piece)
            r = stripRoleWord(text, r)
            r = text.trimmed(r)
            // Trailing sentence punctuation and wrapping quotes are not part of a name.
            var b = r.upperBound
            while b > r.lowerBound, "。.:：".unicodeScalars.contains(text.norm[b - 1]) { b -= 1 }
            if let value = text.value(r.lowerBound..<b) { names.append(value) }
        }
        return names
    }

    /// `各市` / `各设区市` / `各州`: the start of a collective `各市、县（市、区）人民政府`.
    private static func isCollectivePrefix(_ text: LocatedText, _ r: Range<Int>) -> Bool {
        guard r.count >= 2, r.count <= 4, text.norm[r.lowerBound] == "各" else { return false }
        let last = text.norm[r.upperBound - 1]
        return last == "市" || last == "州" || last == "盟"
    }

    /// Splits off the names marked as leading inside a list (`市发展改革委（牵头）、市财政局`,
    /// as 任务分解表 cells write it): returns them without the mark, and leaves the others.
    static func markedLeads(_ names: inout [Located<String>]) -> [Located<String>] {
        var leads: [Located<String>] = []
        names.removeAll { name in
            for mark in ["（牵头）", "(牵头)", "（牵头单位）", "(牵头单位)"] where name.value.hasSuffix(mark) && name.value.count > mark.count {
                leads.append(Located(String(name.value.dropLast(mark.count)), name.position))
                return true
            }
            return false
        }
        return leads
    }

    /// Role words that end a unit phrase, longest first.
    static let roleWords: [[Unicode.Scalar]] = [
        "按职责分工负责", "按职责分工落实", "按照职责分工负责", "按职能分工负责", "按职责负责", "分工负责", "分别负责", "共同负责", "具体负责",
        "牵头负责", "牵头单位", "牵头部门", "配合单位", "责任单位", "参与单位", "牵头", "配合", "参与", "协助", "协办", "负责", "落实",
    ].map(\.scalarArray).sorted { $0.count > $1.count }

    static let leadWords: Set<[Unicode.Scalar]> = ["牵头", "牵头负责", "牵头单位", "牵头部门"].map(\.scalarArray).reduce(into: []) { $0.insert($1) }

    /// The role word `range` ends with, if any.
    static func roleWord(ending text: LocatedText, _ range: Range<Int>) -> [Unicode.Scalar]? {
        roleWords.first { word in
            range.count > word.count && text.normHas(word, at: range.upperBound - word.count)
        }
    }

    static func stripRoleWord(_ text: LocatedText, _ range: Range<Int>) -> Range<Int> {
        guard let word = roleWord(ending: text, range) else { return range }
        var end = range.upperBound - word.count
        // `由X牵头` / `X为牵头单位`: the little words before the role go too.
        if end > range.lowerBound, text.norm[end - 1] == "为" { end -= 1 }
        var start = range.lowerBound
        if text.norm[start] == "由", end - start > 1 { start += 1 }
        return start..<end
    }
}
