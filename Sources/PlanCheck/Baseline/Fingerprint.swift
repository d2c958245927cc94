/// A fingerprint of what is wrong, independent of where it sits in the file.
///
/// Baselines and SARIF's `partialFingerprints` must recognise a finding after records move,
/// files are reordered or the repository is checked out elsewhere, so the fingerprint leaves out
/// the file, line and column and the record's position: it hashes the rule, the record key, the
/// shape of the offending node's path (`$.tasks[*].owner` — indices dropped) and the message
/// with every run of digits replaced by `0` (so "overdue by 31 days" stays the same tomorrow).
extension Finding {
    public var stableFingerprint: String {
        var hash = FNV1a()
        hash.add(rule)
        hash.add(Self.positionFree(record))
        hash.add(Self.positionFree(path))
        hash.add(Self.normalizedMessage(message))
        return hash.hex
    }

    /// The record key as baselines compare it: keyless records are named by their path, whose
    /// indices change when records move, so indices become `*`.
    public var stableRecord: String { Self.positionFree(record) }

    /// `$.tasks[3].owner` → `$.tasks[*].owner`; other text unchanged.
    static func positionFree(_ path: String) -> String {
        guard path.hasPrefix("$") else { return path }
        var out = ""
        var inBracketDigits = false
        var previous: Character = " "
        for character in path {
            if previous == "[" && character.isASCII && character.isNumber {
                inBracketDigits = true
                out.append("*")
            } else if inBracketDigits && character.isASCII && character.isNumber {
                // still inside the index
            } else {
                inBracketDigits = false
                out.append(character)
            }
            previous = character
        }
        return out
    }

    /// Runs of digits (ASCII and full-width) become `0`; runs of white space become one space.
    static func normalizedMessage(_ message: String) -> String {
        var out = ""
        var lastWasDigit = false
        var lastWasSpace = false
        for scalar in message.unicodeScalars {
            let isDigit = ("0"..."9").contains(scalar) || ("\u{FF10}"..."\u{FF19}").contains(scalar)
            let isSpace = scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r"
            if isDigit {
                if !lastWasDigit { out += "0" }
            } else if isSpace {
                if !lastWasSpace { out += " " }
            } else {
                out.unicodeScalars.append(scalar)
            }
            lastWasDigit = isDigit
            lastWasSpace = isSpace
        }
        return out
    }
}

/// 64-bit FNV-1a: tiny, dependency-free and stable across platforms and releases (unlike
/// `Hasher`, which is seeded per process).
struct FNV1a {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func add(_ text: String) {
        for byte in text.utf8 {
            value ^= UInt64(byte)
            value = value &* 0x0000_0100_0000_01b3
        }
        // A separator byte that cannot occur in UTF-8 keeps ("ab", "c") apart from ("a", "bc").
        value ^= 0xFF
        value = value &* 0x0000_0100_0000_01b3
    }

    var hex: String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
