/// Quoting of strings as JSON, RFC 9535 normalized paths and CEL literals need it: the same
/// escapes (RFC 8259 §7, which RFC 9535 §2.7 and CEL share) with a choice of quote character.
public enum StringEscaping {
    static func appendQuoted(_ text: String, quote: Unicode.Scalar, to out: inout String) {
        out.unicodeScalars.append(quote)
        if !needsEscape(text, quote: quote) {
            out += text
            out.unicodeScalars.append(quote)
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case quote: out += "\\"; out.unicodeScalars.append(quote)
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case let s where s.value < 0x20:
                let hex = String(s.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        out.unicodeScalars.append(quote)
    }

    /// Whether `text` holds a character the quoting must escape. Most text does not, and is
    /// then appended whole instead of scalar by scalar: its bytes are checked (every byte of a
    /// multi-byte character is 0x80 or above, so none is mistaken for a quote or a control).
    @inline(__always)
    static func needsEscape(_ text: String, quote: Unicode.Scalar) -> Bool {
        let quoteByte = UInt8(truncatingIfNeeded: quote.value)
        return text.utf8.contains { $0 < 0x20 || $0 == quoteByte || $0 == UInt8(ascii: "\\") }
    }

    static func quoted(_ text: String, quote: Unicode.Scalar) -> String {
        var out = ""
        appendQuoted(text, quote: quote, to: &out)
        return out
    }

    /// Text for XML or HTML content and attributes. Characters XML 1.0 forbids (most C0
    /// controls) are dropped; tab and line breaks become character references so an attribute
    /// parser does not normalise them to spaces.
    public static func markup(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\n": out += "&#10;"
            case "\r": out += "&#13;"
            case "\t": out += "&#9;"
            case let c where c.value < 0x20 || c.value == 0xFFFE || c.value == 0xFFFF: continue
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
