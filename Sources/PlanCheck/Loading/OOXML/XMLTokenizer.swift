/// A non-validating XML 1.0 tokenizer for the subset OOXML parts use: elements, attributes,
/// text, the five predefined entities and character references, CDATA sections; comments and
/// processing instructions are skipped. A DOCTYPE is an error (OPC forbids DTDs in parts), so
/// no entity can expand and nothing outside the part is ever read.
///
/// Well-formedness it checks, since a damaged part must not read as a short one: UTF-8 (UTF-16
/// parts are transcoded first), characters XML does not allow, names, quoted attribute values,
/// duplicate attributes, end tags matching start tags, one root element, nesting depth.
/// Every failure is a `LoadError` naming the part and the line and column inside it.
struct XMLTokenizer {
    let part: String
    let file: String
    let maxDepth: Int

    private var input = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
    private var pos = 0
    /// Qualified names of the open elements.
    private var open: [Slice<UnsafeBufferPointer<UInt8>>] = []
    private var sawRoot = false

    init(part: String, file: String, maxDepth: Int) {
        self.part = part
        self.file = file
        self.maxDepth = maxDepth
    }

    mutating func run(_ bytes: UnsafeBufferPointer<UInt8>, _ handler: some XMLHandler) throws(LoadError) {
        if bytes.count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) {
            let utf8 = try transcodeUTF16(bytes)
            try utf8.withUnsafeBufferPointer { (buffer) throws(LoadError) in try run(buffer, handler) }
            return
        }
        input = bytes
        pos = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
        try validateCharacters()
        while pos < input.count {
            if input[pos] == UInt8(ascii: "<") {
                try markup(handler)
            } else {
                try text(handler)
            }
        }
        if !sawRoot || !open.isEmpty {
            throw LoadError(file: file, line: 1, column: 1,
                            message: "\(part) ends before its XML is complete (\(sawRoot ? "\(open.count) element(s) left open" : "no root element")); the file is truncated or damaged")
        }
    }

    // MARK: markup

    private mutating func markup(_ handler: some XMLHandler) throws(LoadError) {
        let start = pos
        guard pos + 1 < input.count else { throw malformed(at: start, "a `<` at the end of the part") }
        switch input[pos + 1] {
        case UInt8(ascii: "?"):
            pos = try skip(past: "?>", from: pos + 2, what: "processing instruction", start: start)
        case UInt8(ascii: "!"):
            if hasPrefix("<!--", at: pos) {
                pos = try skip(past: "-->", from: pos + 4, what: "comment", start: start)
            } else if hasPrefix("<![CDATA[", at: pos) {
                guard !open.isEmpty else { throw malformed(at: start, "a CDATA section outside the root element") }
                let end = try skip(past: "]]>", from: pos + 9, what: "CDATA section", start: start)
                handler.characters(String(decoding: input[(pos + 9)..<(end - 3)], as: UTF8.self))
                pos = end
            } else if hasPrefix("<!DOCTYPE", at: pos) {
                throw malformed(at: start, "a DOCTYPE declaration, which Office Open XML parts may not contain")
            } else {
                throw malformed(at: start, "`<!` that starts no comment or CDATA section")
            }
        case UInt8(ascii: "/"):
            try endTag(handler)
        default:
            try startTag(handler)
        }
    }

    private mutating func startTag(_ handler: some XMLHandler) throws(LoadError) {
        let start = pos
        if open.isEmpty && sawRoot { throw malformed(at: start, "a second root element (content after the document's end)") }
        pos += 1
        let name = try readName()
        var attributes: [String: String] = [:]
        while true {
            let hadSpace = skipSpace()
            guard pos < input.count else { throw malformed(at: start, "a start tag that is never closed") }
            if input[pos] == UInt8(ascii: ">") { pos += 1; break }
            if input[pos] == UInt8(ascii: "/") {
                guard pos + 1 < input.count, input[pos + 1] == UInt8(ascii: ">") else { throw malformed(at: pos, "`/` not followed by `>`") }
                pos += 2
                try begin(name, attributes, at: start, handler)
                try finish(handler)
                return
            }
            guard hadSpace else { throw malformed(at: pos, "an attribute not separated from what precedes it by a space") }
            let attributeStart = pos
            let key = String(decoding: try readName(), as: UTF8.self)
            skipSpace()
            guard pos < input.count, input[pos] == UInt8(ascii: "=") else { throw malformed(at: pos, "attribute `\(key)` without `=` and a value") }
            pos += 1
            skipSpace()
            guard pos < input.count, input[pos] == UInt8(ascii: "\"") || input[pos] == UInt8(ascii: "'") else {
                throw malformed(at: pos, "the value of attribute `\(key)` is not quoted")
            }
            let quote = input[pos]
            pos += 1
            let valueStart = pos
            while pos < input.count, input[pos] != quote {
                if input[pos] == UInt8(ascii: "<") { throw malformed(at: pos, "an unescaped `<` in the value of attribute `\(key)`") }
                pos += 1
            }
            guard pos < input.count else { throw malformed(at: valueStart, "the value of attribute `\(key)` is never closed") }
            let value = try decode(valueStart..<pos, attribute: true)
            pos += 1
            if attributes.updateValue(value, forKey: key) != nil {
                throw malformed(at: attributeStart, "attribute `\(key)` given twice")
            }
        }
        try begin(name, attributes, at: start, handler)
    }

    private mutating func begin(_ name: Slice<UnsafeBufferPointer<UInt8>>, _ attributes: [String: String], at start: Int,
                                _ handler: some XMLHandler) throws(LoadError) {
        if open.count >= maxDepth { throw malformed(at: start, "elements nested deeper than \(maxDepth) levels") }
        open.append(name)
        sawRoot = true
        try handler.start(Self.localName(name)[...], attributes)
    }

    private mutating func finish(_ handler: some XMLHandler) throws(LoadError) {
        let name = open.removeLast()
        try handler.end(Self.localName(name)[...])
    }

    private mutating func endTag(_ handler: some XMLHandler) throws(LoadError) {
        let start = pos
        pos += 2
        let name = try readName()
        skipSpace()
        guard pos < input.count, input[pos] == UInt8(ascii: ">") else { throw malformed(at: pos, "expected `>` to end the end tag") }
        pos += 1
        guard let top = open.last else { throw malformed(at: start, "an end tag with no element open") }
        guard top.elementsEqual(name) else {
            throw malformed(at: start, "end tag `\(String(decoding: name, as: UTF8.self))` does not match the start tag `\(String(decoding: top, as: UTF8.self))`")
        }
        try finish(handler)
    }

    /// `x:c` → `c`: OOXML readers match elements by local name whatever prefix the writer chose.
    static func localName(_ name: Slice<UnsafeBufferPointer<UInt8>>) -> String {
        let local = name.lastIndex(of: UInt8(ascii: ":")).map { name[(name.index(after: $0))...] } ?? name
        return String(decoding: local, as: UTF8.self)
    }

    // MARK: text

    private mutating func text(_ handler: some XMLHandler) throws(LoadError) {
        let start = pos
        while pos < input.count, input[pos] != UInt8(ascii: "<") { pos += 1 }
        if open.isEmpty {
            if input[start..<pos].contains(where: { !Self.isSpace($0) }) {
                throw malformed(at: start, sawRoot ? "text after the root element" : "text before the root element")
            }
            return
        }
        handler.characters(try decode(start..<pos, attribute: false))
    }

    /// Resolves entity and character references; normalises line ends (and, in attribute
    /// values, white space) as XML 1.0 does.
    private func decode(_ range: Range<Int>, attribute: Bool) throws(LoadError) -> String {
        let slice = input[range]
        if !slice.contains(where: { $0 == UInt8(ascii: "&") || $0 == 0x0D || (attribute && ($0 == 0x09 || $0 == 0x0A)) }) {
            return String(decoding: slice, as: UTF8.self)
        }
        var out: [UInt8] = []
        out.reserveCapacity(slice.count)
        var i = range.lowerBound
        while i < range.upperBound {
            let b = input[i]
            if b == UInt8(ascii: "&") {
                guard let semicolon = input[i..<range.upperBound].prefix(12).firstIndex(of: UInt8(ascii: ";")) else {
                    throw malformed(at: i, "a `&` that starts no entity reference (write `&amp;`)")
                }
                let reference = input[(i + 1)..<semicolon]
                guard let scalar = Self.resolve(reference) else {
                    throw malformed(at: i, "an unknown or invalid entity reference `&\(String(decoding: reference, as: UTF8.self));`")
                }
                out.append(contentsOf: String(Character(scalar)).utf8)
                i = semicolon + 1
            } else if b == 0x0D {
                out.append(attribute ? 0x20 : 0x0A)
                i += i + 1 < range.upperBound && input[i + 1] == 0x0A ? 2 : 1
            } else {
                out.append(attribute && (b == 0x09 || b == 0x0A) ? 0x20 : b)
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `amp`, `lt`, `gt`, `quot`, `apos`, `#n`, `#xn` → the character; nil for anything else
    /// (including references to characters XML does not allow).
    static func resolve(_ reference: Slice<UnsafeBufferPointer<UInt8>>) -> Unicode.Scalar? {
        switch String(decoding: reference, as: UTF8.self) {
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        case "apos": return "'"
        default: break
        }
        guard reference.first == UInt8(ascii: "#") else { return nil }
        var digits = reference.dropFirst()
        var radix: UInt32 = 10
        if digits.first == UInt8(ascii: "x") { radix = 16; digits = digits.dropFirst() }
        guard !digits.isEmpty, digits.count <= 8 else { return nil }
        var value: UInt32 = 0
        for d in digits {
            guard let v = ScalarResolver.digitValue(d, radix: Int64(radix)) else { return nil }
            value = value * radix + UInt32(v)
        }
        guard isAllowed(value) else { return nil }
        return Unicode.Scalar(value)
    }

    /// XML 1.0's Char production.
    static func isAllowed(_ v: UInt32) -> Bool {
        v == 0x09 || v == 0x0A || v == 0x0D || (0x20...0xD7FF).contains(v) || (0xE000...0xFFFD).contains(v) || (0x10000...0x10FFFF).contains(v)
    }

    // MARK: scanning

    /// Valid UTF-8 throughout and no control characters XML forbids (checked once, so the rest
    /// of the tokenizer can decode any slice safely).
    private func validateCharacters() throws(LoadError) {
        var i = pos
        while i < input.count {
            let b = input[i]
            if b < 0x80 {
                if b < 0x20, b != 0x09, b != 0x0A, b != 0x0D {
                    throw malformed(at: i, "the control character 0x\(String(b, radix: 16, uppercase: true)), which XML does not allow")
                }
                i += 1
                continue
            }
            let (length, bad) = UTF8Validation.sequence(input, at: i)
            if let bad { throw malformed(at: bad, "bytes that are not valid UTF-8") }
            i += length
        }
    }

    private mutating func readName() throws(LoadError) -> Slice<UnsafeBufferPointer<UInt8>> {
        let start = pos
        while pos < input.count, Self.isNameByte(input[pos], first: pos == start) { pos += 1 }
        guard pos > start else {
            throw malformed(at: start, pos < input.count ? "a name was expected, found `\(Self.describe(input[pos]))`" : "a name was expected at the end of the part")
        }
        return input[start..<pos]
    }

    /// XML names, loosely: any non-ASCII byte (the text is valid UTF-8 by now), ASCII letters,
    /// `_` and `:`; digits, `-` and `.` after the first character.
    static func isNameByte(_ b: UInt8, first: Bool) -> Bool {
        switch b {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "_"), UInt8(ascii: ":"), 0x80...0xFF:
            return true
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."):
            return !first
        default:
            return false
        }
    }

    static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }

    @discardableResult
    private mutating func skipSpace() -> Bool {
        let start = pos
        while pos < input.count, Self.isSpace(input[pos]) { pos += 1 }
        return pos > start
    }

    private func hasPrefix(_ text: StaticString, at i: Int) -> Bool {
        let n = text.utf8CodeUnitCount
        guard i + n <= input.count else { return false }
        for k in 0..<n where input[i + k] != text.utf8Start[k] { return false }
        return true
    }

    /// The offset just past the next `terminator` at or after `from`.
    private func skip(past terminator: StaticString, from: Int, what: String, start: Int) throws(LoadError) -> Int {
        var i = from
        while i < input.count {
            if input[i] == terminator.utf8Start[0], hasPrefix(terminator, at: i) { return i + terminator.utf8CodeUnitCount }
            i += 1
        }
        throw malformed(at: start, "a \(what) that is never closed")
    }

    static func describe(_ b: UInt8) -> String {
        b >= 0x21 && b < 0x7F ? String(Character(Unicode.Scalar(b))) : "0x" + String(b, radix: 16, uppercase: true)
    }

    private func malformed(at offset: Int, _ problem: String) -> LoadError {
        let (line, column) = LoadError.position(of: offset, in: input)
        return LoadError(file: file, line: 1, column: 1,
                         message: "\(part) is not well-formed XML (line \(line), column \(column): \(problem)); the file is damaged")
    }

    private func transcodeUTF16(_ bytes: UnsafeBufferPointer<UInt8>) throws(LoadError) -> [UInt8] {
        let bigEndian = bytes[0] == 0xFE
        guard bytes.count % 2 == 0 else {
            throw LoadError(file: file, line: 1, column: 1, message: "\(part) is UTF-16 with an odd number of bytes; the file is damaged")
        }
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2 - 1)
        var i = 2
        while i + 1 < bytes.count {
            units.append(bigEndian ? UInt16(bytes[i]) << 8 | UInt16(bytes[i + 1]) : UInt16(bytes[i + 1]) << 8 | UInt16(bytes[i]))
            i += 2
        }
        var out: [UInt8] = []
        out.reserveCapacity(units.count * 2)
        var iterator = units.makeIterator()
        var decoder = UTF16()
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): out.append(contentsOf: String(Character(scalar)).utf8)
            case .emptyInput: break loop
            case .error:
                throw LoadError(file: file, line: 1, column: 1, message: "\(part) is UTF-16 with an unpaired surrogate; the file is damaged")
            }
        }
        return out
    }
}
