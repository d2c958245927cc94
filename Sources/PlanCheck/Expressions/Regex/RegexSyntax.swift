/// The syntax tree of an RE2 regular expression.
indirect enum RegexNode {
    case empty
    case literal(Unicode.Scalar, fold: Bool)
    case set(CharSet)
    /// `.`; matches a newline only under the `s` flag.
    case any(newline: Bool)
    case concat([RegexNode])
    case alternate([RegexNode])
    /// `node{min,max}` (max nil: unbounded); `*`, `+`, `?` are repeats too.
    case `repeat`(RegexNode, min: Int, max: Int?)
    case assertion(RegexAssertion)
}

enum RegexAssertion: Sendable {
    case beginText, endText, beginLine, endLine, wordBoundary, notWordBoundary
}

/// A character class: ranges and Unicode properties, possibly negated and case-folded.
struct CharSet: Sendable {
    enum Item: Sendable {
        case range(UInt32, UInt32)
        case category(Set<Unicode.GeneralCategory>)
        /// A script given as code point ranges (Han, Latin, …): Swift exposes no script property.
        case ranges([ClosedRange<UInt32>])
        /// A negated class nested in a class (`[^\d]`-style escapes such as `\D` inside `[…]`).
        case not(CharSet)
    }
    var items: [Item] = []
    var negated = false
    var fold = false

    func matches(_ c: Unicode.Scalar) -> Bool {
        if contains(c) { return !negated }
        if fold {
            for variant in [c.properties.lowercaseMapping, c.properties.uppercaseMapping] {
                if let s = variant.unicodeScalars.first, variant.unicodeScalars.count == 1, s != c, contains(s) { return !negated }
            }
        }
        return negated
    }

    private func contains(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        for item in items {
            switch item {
            case .range(let lo, let hi): if v >= lo && v <= hi { return true }
            case .category(let cats): if cats.contains(c.properties.generalCategory) { return true }
            case .ranges(let rs): if rs.contains(where: { $0.contains(v) }) { return true }
            case .not(let inner): if !inner.matches(c) { return true }
            }
        }
        return false
    }
}
