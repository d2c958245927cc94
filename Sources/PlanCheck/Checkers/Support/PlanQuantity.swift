/// A quantity as plans write it: `3500亿元`, `1.29万蒸吨`, `3.7%`, `4.45‰`, `60%以上`, `3.8个百分点`,
/// `年均增长18%`.
///
/// The number is kept as written together with its scale (亿 = 10⁸, 万 = 10⁴, % = 10⁻², ‰ = 10⁻³)
/// and the unit left after the scale (`元`, `蒸吨`), so `3500亿元` and `35000000万元` compare
/// equal while `18%` and `3.8个百分点` do not compare at all: percentages and percentage points
/// are different units, and comparing them silently would hide an error in the data.
public struct PlanQuantity: Sendable, Equatable, CustomStringConvertible {
    /// A bound the wording attaches: `60%以上`, `不低于`, `3.7%以内`, `控制在`.
    public enum Bound: String, Sendable, Equatable {
        case atLeast = "at-least"
        case atMost = "at-most"
    }

    /// The number as written (`3500` in `3500亿元`).
    public var number: Double
    /// The multiplier the wording applies (`1e8` for 亿, `0.01` for %).
    public var scale: Double
    /// The unit after the scale: `元`, `蒸吨`, `%` (for both % and ‰), `个百分点`, or "" for a
    /// bare number.
    public var unit: String
    /// The bound the wording states, if any.
    public var bound: Bound?
    /// True for `年均增长18%` / `增长18%`: a growth rate, not a level.
    public var isGrowth: Bool
    /// The text as written (for messages).
    public var text: String

    public init(number: Double, scale: Double = 1, unit: String = "", bound: Bound? = nil, isGrowth: Bool = false, text: String? = nil) {
        self.number = number
        self.scale = scale
        self.unit = unit
        self.bound = bound
        self.isGrowth = isGrowth
        self.text = text ?? Node.format(number)
    }

    /// The value in the base unit (`3500亿元` → 3.5e11 元, `3.7%` → 0.037, `3个百分点` → 0.03).
    /// Scales are powers of ten applied as a decimal exponent, so `3.7%` is the double nearest
    /// 0.037 rather than 3.7 × 0.01 = 0.037000000000000005.
    public var value: Double {
        let exponent = Int(scale.log10Rounded)
        guard exponent != 0, number.isFinite, let exact = Double("\(number)e\(exponent)") else { return number * scale }
        return exact
    }

    /// Whether two quantities can be compared: same unit, or one of them a bare number.
    public func isComparable(with other: PlanQuantity) -> Bool { unit == other.unit || unit.isEmpty || other.unit.isEmpty }

    /// This bare number read in `other`'s scale and unit (`2002` next to `3500亿元` is 2002亿元).
    public func inUnit(of other: PlanQuantity) -> PlanQuantity {
        guard unit.isEmpty, scale == 1 else { return self }
        var copy = self
        copy.scale = other.scale
        copy.unit = other.unit
        return copy
    }

    public var description: String { text }

    /// The unit as the data writes it, scale word included: `亿元` for 3500亿元, `%` for 3.7%,
    /// `‰` for 4.45‰, "" for a bare number. Figures computed from this quantity (a path value, a
    /// gap) are printed in it, never in the base unit (`1275.42亿元`, not `127542000000元`).
    public var writtenUnit: String {
        if unit == "%" { return scale < 0.005 ? "‰" : "%" }
        if unit == "个百分点" { return unit }
        let word = Self.scales.first { abs($0.factor - scale) <= 1e-9 * $0.factor }?.word ?? ""
        return word + unit
    }

    /// A value in the base unit (`value`), in this quantity's written unit: `1.27542e11` next to
    /// `3500亿元` reads `1275.42`.
    public func inWrittenUnit(_ baseValue: Double) -> Double {
        let exponent = Int(scale.log10Rounded)
        guard exponent != 0, let exact = Double("\(baseValue)e\(-exponent)") else { return baseValue / scale }
        return exact
    }

    /// `baseValue` printed in this quantity's written unit: `1275.42亿元`, `3.8%`.
    public func format(_ baseValue: Double) -> String {
        FieldValues.number(inWrittenUnit(baseValue)) + writtenUnit
    }

    /// This quantity's own value printed with its written unit (`2002亿元` for a bare 2002 read
    /// in 亿元), whatever the text said.
    public var formatted: String { format(value) }

    // MARK: parsing

    static let lowerBoundPrefixes = ["不低于", "不少于", "不小于", "达到", "超过", "高于", "大于", "至少", "≥", ">="]
    static let upperBoundPrefixes = ["不超过", "不高于", "不大于", "控制在", "低于", "小于", "少于", "至多", "≤", "<="]
    static let lowerBoundSuffixes = ["以上", "及以上"]
    static let upperBoundSuffixes = ["以内", "以下", "之内", "及以下"]
    static let growthPrefixes = ["年均增长", "年平均增长", "平均增长", "增长", "年均"]
    static let hedges = ["约", "左右", "大约", "力争", "突破"]

    /// Scale words, longest first so `万亿` wins over `万`.
    static let scales: [(word: String, factor: Double)] = [
        ("万亿", 1e12), ("千亿", 1e11), ("百亿", 1e10), ("亿", 1e8), ("千万", 1e7), ("百万", 1e6), ("万", 1e4), ("千", 1e3),
    ]

    /// Parses a quantity; nil when the text holds no leading number (`较大幅度提高`).
    public static func parse(_ text: String) -> PlanQuantity? {
        var s = Substring(DeadlineParser.normalize(text).filter { $0 != "," && $0 != "，" && $0 != " " })
        var bound: Bound?
        var growth = false
        var changed = true
        while changed {
            changed = false
            for p in hedges where s.hasPrefix(p) { s = s.dropFirst(p.count); changed = true }
            for p in hedges where s.hasSuffix(p) { s = s.dropLast(p.count); changed = true }
            for p in growthPrefixes where s.hasPrefix(p) { s = s.dropFirst(p.count); growth = true; changed = true; break }
            for p in lowerBoundPrefixes where s.hasPrefix(p) { s = s.dropFirst(p.count); bound = .atLeast; changed = true; break }
            for p in upperBoundPrefixes where s.hasPrefix(p) { s = s.dropFirst(p.count); bound = .atMost; changed = true; break }
            for x in lowerBoundSuffixes where s.hasSuffix(x) { s = s.dropLast(x.count); bound = .atLeast; changed = true; break }
            for x in upperBoundSuffixes where s.hasSuffix(x) { s = s.dropLast(x.count); bound = .atMost; changed = true; break }
        }
        // The number: optional sign, digits, optional fraction.
        var digits = ""
        var rest = s
        if let first = rest.first, first == "-" || first == "+" || first == "—" {
            if first != "+" { digits.append("-") }
            rest = rest.dropFirst()
        }
        var sawDigit = false, sawDot = false
        while let c = rest.first {
            if c.isASCIIDigitChar { digits.append(c); sawDigit = true } else if c == ".", !sawDot { digits.append(c); sawDot = true } else { break }
            rest = rest.dropFirst()
        }
        guard sawDigit, let number = Double(digits) else { return nil }
        var scale = 1.0
        for (word, factor) in scales where rest.hasPrefix(word) {
            scale = factor
            rest = rest.dropFirst(word.count)
            break
        }
        var unit = String(rest)
        switch unit {
        case "%", "％": scale *= 0.01; unit = "%"
        case "‰": scale *= 0.001; unit = "%"
        case "个百分点", "百分点": scale *= 0.01; unit = "个百分点"
        default: break
        }
        return PlanQuantity(number: number, scale: scale, unit: unit, bound: bound, isGrowth: growth, text: text)
    }

    /// A node as a quantity: numbers are bare quantities, strings are parsed.
    public static func from(_ node: Node) -> PlanQuantity? {
        if let n = node.number { return PlanQuantity(number: n, text: node.scalarText) }
        return node.string.flatMap(parse)
    }
}

extension Double {
    /// log10 of a power of ten, rounded (scales are exact powers of ten).
    var log10Rounded: Double {
        var e = 0.0, v = self
        while v >= 10 { v /= 10; e += 1 }
        while v < 1, v > 0 { v *= 10; e -= 1 }
        return e
    }
}
