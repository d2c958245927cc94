/// Renders a list counter in a WordprocessingML number format (`w:numFmt`), as Word shows it.
enum WordNumberFormat {
    static func render(_ value: Int, format: String) -> String {
        switch format {
        case "decimal", "decimalHalfWidth": return String(value)
        case "decimalZero": return value < 10 && value >= 0 ? "0\(value)" : String(value)
        case "decimalFullWidth", "decimalFullWidth2":
            return String(String.UnicodeScalarView(String(value).unicodeScalars.map { Unicode.Scalar($0.value + 0xFEE0)! }))
        case "chineseCounting", "chineseCountingThousand", "taiwaneseCounting", "taiwaneseCountingThousand",
             "japaneseCounting", "ideographLegalTraditional":
            return ChineseNumerals.spell(value)
        case "chineseLegalSimplified": return ChineseNumerals.spellLegal(value)
        case "ideographDigital", "taiwaneseDigital", "japaneseDigitalTenThousand":
            return String(String(value).map { ChineseNumerals.digits[Int(String($0)) ?? 0] })
        case "ideographTraditional": return cycle(value, "甲乙丙丁戊己庚辛壬癸")
        case "ideographZodiac": return cycle(value, "子丑寅卯辰巳午未申酉戌亥")
        case "decimalEnclosedCircle", "decimalEnclosedCircleChinese":
            return enclosed(value, ranges: [(1...20, 0x2460), (21...35, 0x3251), (36...50, 0x32B1)]) ?? String(value)
        case "decimalEnclosedParen": return enclosed(value, ranges: [(1...20, 0x2474)]) ?? "(\(value))"
        case "decimalEnclosedFullstop": return enclosed(value, ranges: [(1...20, 0x2488)]) ?? "\(value)."
        case "ideographEnclosedCircle": return enclosed(value, ranges: [(1...10, 0x3280)]) ?? ChineseNumerals.spell(value)
        case "upperLetter": return letters(value, base: 0x41)
        case "lowerLetter": return letters(value, base: 0x61)
        case "upperRoman": return roman(value)
        case "lowerRoman": return roman(value).lowercased()
        case "none": return ""
        default: return String(value) // ordinal, cardinalText and the rest: the digits say as much
        }
    }

    private static func cycle(_ value: Int, _ symbols: String) -> String {
        let list = Array(symbols)
        return String(list[((value - 1) % list.count + list.count) % list.count])
    }

    private static func enclosed(_ value: Int, ranges: [(ClosedRange<Int>, UInt32)]) -> String? {
        for (range, base) in ranges where range.contains(value) {
            return String(Character(Unicode.Scalar(base + UInt32(value - range.lowerBound))!))
        }
        return nil
    }

    /// A, B, … Z, AA, BB, … as Word counts letters. Past 780 (thirty Zs; no real list is that
    /// long) the digits: a hostile `w:start` must not size a string of millions of letters.
    private static func letters(_ value: Int, base: UInt32) -> String {
        guard value > 0, value <= 780 else { return String(value) }
        let letter = Character(Unicode.Scalar(base + UInt32((value - 1) % 26))!)
        return String(repeating: letter, count: (value - 1) / 26 + 1)
    }

    private static func roman(_ value: Int) -> String {
        guard value > 0, value < 4000 else { return String(value) }
        let table: [(Int, String)] = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                                      (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
        var rest = value, out = ""
        for (n, s) in table { while rest >= n { out += s; rest -= n } }
        return out
    }
}
