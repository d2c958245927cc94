/// Unicode classes for `\p{…}`: general categories (from Swift's Unicode properties) and the
/// scripts plan documents need, as code point ranges (Swift exposes no script property).
enum UnicodeClasses {
    typealias C = Unicode.GeneralCategory

    static let letters: Set<C> = [.uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter]
    static let marks: Set<C> = [.nonspacingMark, .spacingMark, .enclosingMark]
    static let numbers: Set<C> = [.decimalNumber, .letterNumber, .otherNumber]
    static let punctuation: Set<C> = [.connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
                                      .initialPunctuation, .finalPunctuation, .otherPunctuation]
    static let symbols: Set<C> = [.mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol]
    static let separators: Set<C> = [.spaceSeparator, .lineSeparator, .paragraphSeparator]
    static let others: Set<C> = [.control, .format, .surrogate, .privateUse, .unassigned]

    static let categories: [String: Set<C>] = [
        "L": letters, "Lu": [.uppercaseLetter], "Ll": [.lowercaseLetter], "Lt": [.titlecaseLetter],
        "Lm": [.modifierLetter], "Lo": [.otherLetter],
        "M": marks, "Mn": [.nonspacingMark], "Mc": [.spacingMark], "Me": [.enclosingMark],
        "N": numbers, "Nd": [.decimalNumber], "Nl": [.letterNumber], "No": [.otherNumber],
        "P": punctuation, "Pc": [.connectorPunctuation], "Pd": [.dashPunctuation], "Ps": [.openPunctuation],
        "Pe": [.closePunctuation], "Pi": [.initialPunctuation], "Pf": [.finalPunctuation], "Po": [.otherPunctuation],
        "S": symbols, "Sm": [.mathSymbol], "Sc": [.currencySymbol], "Sk": [.modifierSymbol], "So": [.otherSymbol],
        "Z": separators, "Zs": [.spaceSeparator], "Zl": [.lineSeparator], "Zp": [.paragraphSeparator],
        "C": others, "Cc": [.control], "Cf": [.format], "Cs": [.surrogate], "Co": [.privateUse], "Cn": [.unassigned],
    ]

    static let scripts: [String: [ClosedRange<UInt32>]] = [
        "Han": [0x2E80...0x2E99, 0x2E9B...0x2EF3, 0x2F00...0x2FD5, 0x3005...0x3005, 0x3007...0x3007,
                0x3021...0x3029, 0x3038...0x303B, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFA6D,
                0xFA70...0xFAD9, 0x20000...0x2A6DF, 0x2A700...0x2EBEF, 0x2F800...0x2FA1F, 0x30000...0x323AF],
        "Latin": [0x41...0x5A, 0x61...0x7A, 0xAA...0xAA, 0xBA...0xBA, 0xC0...0xD6, 0xD8...0xF6,
                  0xF8...0x24F, 0x1E00...0x1EFF, 0xFF21...0xFF3A, 0xFF41...0xFF5A],
        "Greek": [0x370...0x3FF, 0x1F00...0x1FFF],
        "Cyrillic": [0x400...0x52F],
    ]
}
