import Foundation

/// A header value with parameters, `form-data; name="file"; filename="规划.docx"` or
/// `multipart/form-data; boundary=xyz`: the leading value and the parameters by lowercased name.
/// `filename*=UTF-8''%E8%A7%84.docx` (RFC 8187) wins over `filename`.
struct HeaderParameters {
    let value: String
    private var parameters: [String: String] = [:]

    init(_ header: String) {
        var scanner = Substring(header)
        value = Self.token(&scanner, until: ";").trimmingCharacters(in: .whitespaces)
        while !scanner.isEmpty {
            scanner = scanner.drop { $0 == ";" || $0 == " " || $0 == "\t" }
            let name = Self.token(&scanner, until: "=").trimmingCharacters(in: .whitespaces).lowercased()
            guard scanner.first == "=" else { _ = Self.token(&scanner, until: ";"); continue }
            scanner = scanner.dropFirst().drop { $0 == " " || $0 == "\t" }
            let parameterValue: String
            if scanner.first == "\"" {
                parameterValue = Self.quoted(&scanner)
                _ = Self.token(&scanner, until: ";")
            } else {
                parameterValue = Self.token(&scanner, until: ";").trimmingCharacters(in: .whitespaces)
            }
            if name.isEmpty || parameters[name] != nil { continue }
            parameters[name] = parameterValue
        }
        if let extended = parameters["filename*"], let decoded = Self.decodeExtended(extended) {
            parameters["filename"] = decoded
        }
    }

    subscript(name: String) -> String? { parameters[name] }

    private static func token(_ scanner: inout Substring, until stop: Character) -> String {
        let end = scanner.firstIndex(of: stop) ?? scanner.endIndex
        let text = String(scanner[..<end])
        scanner = scanner[end...]
        return text
    }

    /// A quoted string. Browsers send `"` as `%22` and a backslash as itself (old ones send
    /// `C:\dir\plan.docx`); curl escapes `"` and `\` with a backslash. So a backslash escapes only
    /// those two and is kept before anything else.
    private static func quoted(_ scanner: inout Substring) -> String {
        scanner = scanner.dropFirst()
        var text = ""
        while let c = scanner.first {
            scanner = scanner.dropFirst()
            if c == "\"" { break }
            if c == "\\", let next = scanner.first, next == "\"" || next == "\\" {
                text.append(next)
                scanner = scanner.dropFirst()
            } else {
                text.append(c)
            }
        }
        return text
    }

    /// `UTF-8''%E8%A7%84%E5%88%92.docx` → `规划.docx`; nil for other charsets or bad escapes.
    private static func decodeExtended(_ text: String) -> String? {
        let pieces = text.split(separator: "'", maxSplits: 2, omittingEmptySubsequences: false)
        guard pieces.count == 3, pieces[0].lowercased() == "utf-8" else { return nil }
        var bytes: [UInt8] = []
        var iterator = pieces[2].utf8.makeIterator()
        while let byte = iterator.next() {
            if byte == UInt8(ascii: "%") {
                guard let high = iterator.next(), let low = iterator.next(),
                      let value = UInt8(String(decoding: [high, low], as: UTF8.self), radix: 16) else { return nil }
                bytes.append(value)
            } else {
                bytes.append(byte)
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }
}
