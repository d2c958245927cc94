/// I-Regexp (RFC 9485), the interoperable regular expressions of JSONPath's match() and search().
///
/// Why a private engine: NSRegularExpression is a backtracking engine (exponential on patterns
/// like `(a*)*b`), is not I-Regexp (different `.` and escapes), and needs Foundation. Here a
/// pattern compiles to a small NFA program that `IRegexpMatcher` simulates Thompson-style: time is
/// O(pattern × subject), memory O(pattern), whatever the pattern.
struct IRegexp: Sendable {
    enum Instruction: Sendable {
        case scalar(UInt32)
        /// `.`: any scalar except line feed and carriage return (RFC 9485 §5.3).
        case any
        case set(Int32)
        case split(Int32, Int32)
        case jump(Int32)
        case match
    }

    let program: [Instruction]
    let sets: [ScalarSet]

    /// Largest compiled program accepted; `{n,m}` copies its operand, so this bounds both time
    /// and memory for patterns like `(a{1000}){1000}`. Larger patterns count as invalid
    /// (match/search are then false), which RFC 9485 §8 permits as an implementation limit.
    static let maxProgram = 50_000
    static let maxGroupDepth = 100

    /// Compiles `pattern`; nil when it is not a valid I-Regexp (or exceeds the limits).
    init?(_ pattern: String) {
        var parser = IRegexpParser(Array(pattern.unicodeScalars))
        guard let tree = parser.parse() else { return nil }
        var compiler = IRegexpCompiler()
        compiler.sets = parser.sets
        guard compiler.emit(tree) else { return nil }
        compiler.program.append(.match)
        program = compiler.program
        sets = compiler.sets
    }

    /// match(): the whole subject matches.
    func matchesWhole(_ subject: ArraySlice<UInt8>) -> Bool {
        IRegexpMatcher(self).run(subject, anchored: true)
    }

    /// search(): some substring of the subject matches.
    func containsMatch(_ subject: ArraySlice<UInt8>) -> Bool {
        IRegexpMatcher(self).run(subject, anchored: false)
    }
}

/// A character class: ranges and Unicode general categories, possibly complemented.
struct ScalarSet: Sendable {
    var negated = false
    var ranges: [ClosedRange<UInt32>] = []
    /// Bit per general category (`\p{…}` items).
    var categories: UInt32 = 0
    /// One mask per `\P{…}` item: scalars whose category is outside the mask belong to the set.
    var excludedCategories: [UInt32] = []

    func contains(_ v: UInt32) -> Bool {
        var found = false
        for r in ranges where r.contains(v) {
            found = true
            break
        }
        if !found && (categories != 0 || !excludedCategories.isEmpty) {
            let bit = Self.categoryBit(v)
            if categories & bit != 0 {
                found = true
            } else {
                for mask in excludedCategories where mask & bit == 0 {
                    found = true
                    break
                }
            }
        }
        return found != negated
    }

    static func categoryBit(_ v: UInt32) -> UInt32 {
        guard let scalar = Unicode.Scalar(v) else { return 1 << Category.cs.rawValue }
        return 1 << Category(scalar.properties.generalCategory).rawValue
    }

    /// The two-letter general categories, as bit positions.
    enum Category: UInt32 {
        case lu, ll, lt, lm, lo, mn, mc, me, nd, nl, no, pc, pd, ps, pe, pi, pf, po
        case sm, sc, sk, so, zs, zl, zp, cc, cf, cs, co, cn

        init(_ c: Unicode.GeneralCategory) {
            switch c {
            case .uppercaseLetter: self = .lu
            case .lowercaseLetter: self = .ll
            case .titlecaseLetter: self = .lt
            case .modifierLetter: self = .lm
            case .otherLetter: self = .lo
            case .nonspacingMark: self = .mn
            case .spacingMark: self = .mc
            case .enclosingMark: self = .me
            case .decimalNumber: self = .nd
            case .letterNumber: self = .nl
            case .otherNumber: self = .no
            case .connectorPunctuation: self = .pc
            case .dashPunctuation: self = .pd
            case .openPunctuation: self = .ps
            case .closePunctuation: self = .pe
            case .initialPunctuation: self = .pi
            case .finalPunctuation: self = .pf
            case .otherPunctuation: self = .po
            case .mathSymbol: self = .sm
            case .currencySymbol: self = .sc
            case .modifierSymbol: self = .sk
            case .otherSymbol: self = .so
            case .spaceSeparator: self = .zs
            case .lineSeparator: self = .zl
            case .paragraphSeparator: self = .zp
            case .control: self = .cc
            case .format: self = .cf
            case .surrogate: self = .cs
            case .privateUse: self = .co
            case .unassigned: self = .cn
            @unknown default: self = .cn
            }
        }

        var name: String {
            let lower = String(describing: self)
            return lower.prefix(1).uppercased() + lower.dropFirst()
        }
    }

    /// The mask for a `charProp` such as `L` or `Nd` (RFC 9485 `IsCategory`), nil if unknown.
    static func mask(forProperty name: String) -> UInt32? {
        let groups: [Character: [Category]] = [
            "L": [.lu, .ll, .lt, .lm, .lo],
            "M": [.mn, .mc, .me],
            "N": [.nd, .nl, .no],
            "P": [.pc, .pd, .ps, .pe, .pi, .pf, .po],
            "Z": [.zs, .zl, .zp],
            "S": [.sm, .sc, .sk, .so],
            "C": [.cc, .cf, .cs, .co, .cn],
        ]
        guard let first = name.first, let members = groups[first] else { return nil }
        let selected: [Category]
        switch name.count {
        case 1: selected = members
        case 2:
            // The second letter must name a subcategory of the group (RFC 9485 excludes `Cs`).
            guard let only = members.first(where: { $0.name == name }), only != .cs else { return nil }
            selected = [only]
        default: return nil
        }
        return selected.reduce(0) { $0 | (1 << $1.rawValue) }
    }
}
