/// `quantity(s)` in expressions: the value of a quantity as plans write it (`3500亿元` → 3.5e11,
/// `3.7%` → 0.037, `2‰` → 0.002, `3个百分点` → 0.03), read by the same parser the indicator
/// checker uses (`PlanQuantity`), so a rule and a checker never disagree about a number.
enum Quantity {
    static func parse(_ text: String) -> Double? {
        PlanQuantity.parse(text)?.value
    }
}
