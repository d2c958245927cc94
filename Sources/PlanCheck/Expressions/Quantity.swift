/// Reads quantities as plan documents write them: `3500亿元` → 3.5e11, `3.7%` → 0.037,
/// `2‰` → 0.002, `100万元` → 1e6, `1,311` → 1311, `3个百分点` → 0.03.
///
/// The first number in the text is taken (so `约3500亿元` and `年均增长18%` work); multipliers
/// directly after it (百, 千, 万, 亿, combinable as in 万亿) scale it, then % or ‰ divides it;
/// any other trailing text (units such as 元, 人, 平方公里) is ignored.
enum Quantity {
    static func parse(_ text: String) -> Double? {
        // Full-width digits and signs appear in Chinese text; read them as ASCII.
        let scalars = text.unicodeScalars.map { s -> Unicode.Scalar in
            (0xFF01...0xFF5E).contains(s.value) ? Unicode.Scalar(s.value - 0xFEE0)! : s
        }
        var i = 0
        while i < scalars.count, !scalars[i].isASCIIDigit { i += 1 }
        guard i < scalars.count else { return nil }
        let negative = i > 0 && (scalars[i - 1] == "-" || scalars[i - 1] == "−")
        var digits = ""
        var seenPoint = false
        while i < scalars.count {
            let c = scalars[i]
            if c.isASCIIDigit {
                digits.unicodeScalars.append(c)
            } else if c == ".", !seenPoint, i + 1 < scalars.count, scalars[i + 1].isASCIIDigit {
                seenPoint = true
                digits += "."
            } else if c == ",", !seenPoint, i + 1 < scalars.count, scalars[i + 1].isASCIIDigit {
                // thousands separator
            } else {
                break
            }
            i += 1
        }
        guard var value = Double(digits) else { return nil }
        while i < scalars.count, scalars[i] == " " { i += 1 }
        scan: while i < scalars.count {
            switch scalars[i] {
            case "百":
                if i + 2 < scalars.count + 1, String(String.UnicodeScalarView(scalars[i..<min(i + 3, scalars.count)])).hasPrefix("百分点") {
                    value /= 100
                    break scan
                }
                value *= 100
            case "千": value *= 1_000
            case "万": value *= 10_000
            case "亿": value *= 100_000_000
            case "个":
                // 个百分点: percentage points
                let rest = String(String.UnicodeScalarView(scalars[i...]))
                if rest.hasPrefix("个百分点") { value /= 100 }
                break scan
            case "%": value /= 100; break scan
            case "‰": value /= 1_000; break scan
            default: break scan
            }
            i += 1
        }
        return negative ? -value : value
    }
}
