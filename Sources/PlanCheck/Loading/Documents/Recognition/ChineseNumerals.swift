/// Chinese numerals as plans write them: 一 … 十、十一、二十三、一百零五; 〇 and 零; 两.
enum ChineseNumerals {
    static let digits: [Character] = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"]

    /// The value of a numeral, or nil when `scalars` is not one.
    static func value(_ scalars: ArraySlice<Unicode.Scalar>) -> Int? {
        guard !scalars.isEmpty, scalars.count <= 8 else { return nil }
        if !scalars.contains(where: { unitValue($0) != nil }) {
            // Digit by digit (二〇二二) reads as a positional number.
            var v = 0
            for s in scalars {
                guard let d = digitValue(s) else { return nil }
                v = v * 10 + d
            }
            return v
        }
        var total = 0, section = 0, digit = -1
        for s in scalars {
            if let d = digitValue(s) {
                if d == 0 { digit = -1; continue }
                if digit >= 0 { return nil }
                digit = d
            } else if let unit = unitValue(s) {
                if unit == 10_000 {
                    section += max(digit, 0)
                    total += section * unit
                    section = 0
                } else {
                    section += (digit < 0 ? 1 : digit) * unit
                }
                digit = -1
            } else {
                return nil
            }
        }
        return total + section + max(digit, 0)
    }

    static func isNumeral(_ s: Unicode.Scalar) -> Bool { digitValue(s) != nil || unitValue(s) != nil }

    static func digitValue(_ s: Unicode.Scalar) -> Int? {
        switch s {
        case "〇", "零", "○": 0
        case "一", "壹": 1
        case "二", "两", "贰", "貳": 2
        case "三", "叁", "參": 3
        case "四", "肆": 4
        case "五", "伍": 5
        case "六", "陆", "陸": 6
        case "七", "柒": 7
        case "八", "捌": 8
        case "九", "玖": 9
        default: nil
        }
    }

    static func unitValue(_ s: Unicode.Scalar) -> Int? {
        switch s {
        case "十", "拾": 10
        case "百", "佰": 100
        case "千", "仟": 1000
        case "万", "萬": 10_000
        default: nil
        }
    }

    /// 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五 (Word's chineseCounting).
    static func spell(_ value: Int) -> String {
        guard value > 0, value < 100_000 else { return String(value) }
        if value < 10 { return String(digits[value]) }
        if value < 20 { return "十" + (value == 10 ? "" : String(digits[value - 10])) }
        var out = "", rest = value, needZero = false
        for (unit, name) in [(10_000, "万"), (1000, "千"), (100, "百"), (10, "十")] {
            let d = rest / unit
            rest %= unit
            if d > 0 {
                if needZero { out += "零" }
                out += String(digits[d]) + name
                needZero = false
            } else if !out.isEmpty {
                needZero = true
            }
        }
        if rest > 0 { out += (needZero ? "零" : "") + String(digits[rest]) }
        return out
    }

    /// 壹、贰、叁 … (chineseLegalSimplified).
    static func spellLegal(_ value: Int) -> String {
        let map: [Character: Character] = ["一": "壹", "二": "贰", "三": "叁", "四": "肆", "五": "伍", "六": "陆",
                                           "七": "柒", "八": "捌", "九": "玖", "十": "拾", "百": "佰", "千": "仟", "零": "零"]
        return String(spell(value).map { map[$0] ?? $0 })
    }
}
