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
        // Scale by adjusting a decimal exponent and parse once at the end, so that 3.7% is the
        // double nearest 0.037 rather than 3.7 / 100 (0.037000000000000005).
        var exponent = 0
        while i < scalars.count, scalars[i] == " " { i += 1 }
        let rest = String(String.UnicodeScalarView(scalars[i...]))
        scan: for c in rest.unicodeScalars {
            switch c {
            case "百": exponent += 2
            case "千": exponent += 3
            case "万": exponent += 4
            case "亿": exponent += 8
            case "%": exponent -= 2; break scan
            case "‰": exponent -= 3; break scan
            default: break scan
            }
        }
        if rest.hasPrefix("个百分点") || rest.hasPrefix("百分点") {
            exponent = -2
        }
        guard let value = Double(digits + "e" + String(exponent)) else { return nil }
        return negative ? -value : value
    }
}
