/// A byte-level walk over one XML part of a Word package, tag by tag, with the byte range of every
/// tag. The review copy edits `word/document.xml` and `word/comments.xml` by splicing bytes at
/// these ranges, so everything it does not touch stays exactly as Word wrote it — a parser that
/// rebuilt the tree would reorder attributes, drop namespace declarations Word relies on
/// (`mc:Ignorable`) and re-encode text.
///
/// It checks what a splice needs to be safe: tags are closed, end tags match their start tags,
/// one root element. A DTD (`<!DOCTYPE`) is refused outright: Word never writes one, and entity
/// declarations are how XXE and "billion laughs" attacks start.
struct XMLTagScanner {
    enum Kind { case start, end, empty }

    struct Tag {
        var kind: Kind
        /// The qualified name as written (`w:p`).
        var name: String
        /// From `<` to just after `>`.
        var range: Range<Int>
        /// Element depth: 1 for the root element's own tags.
        var depth: Int
    }

    let bytes: [UInt8]
    let part: String
    let file: String

    /// Calls `visit` for every tag in document order and `text` for the character data between
    /// tags (raw bytes, entities not expanded).
    func scan(_ visit: (Tag) throws(LoadError) -> Void,
              text: ((Range<Int>) -> Void)? = nil) throws(LoadError) {
        var stack: [String] = []
        var rootClosed = false
        var i = 0
        let n = bytes.count
        while i < n {
            guard bytes[i] == UInt8(ascii: "<") else {
                let start = i
                while i < n && bytes[i] != UInt8(ascii: "<") { i += 1 }
                if stack.isEmpty {
                    if bytes[start..<i].contains(where: { !Self.isSpace($0) }) {
                        throw error(at: start, "text outside the root element")
                    }
                } else {
                    text?(start..<i)
                }
                continue
            }
            let start = i
            if matches("<?", at: i) {
                i = try skip(past: "?>", from: i + 2, what: "processing instruction")
                continue
            }
            if matches("<!--", at: i) {
                i = try skip(past: "-->", from: i + 4, what: "comment")
                continue
            }
            if matches("<![CDATA[", at: i) {
                i = try skip(past: "]]>", from: i + 9, what: "CDATA section")
                if stack.isEmpty { throw error(at: start, "CDATA outside the root element") }
                text?(start..<i)
                continue
            }
            if matches("<!", at: i) {
                throw error(at: start, "a DTD or entity declaration (<!DOCTYPE …>); Word never writes one and it is refused (XXE, entity expansion)")
            }
            let end = try tagEnd(from: i + 1)
            let isEnd = bytes[i + 1] == UInt8(ascii: "/")
            let isEmpty = !isEnd && bytes[end - 2] == UInt8(ascii: "/")
            let nameStart = i + (isEnd ? 2 : 1)
            var nameEnd = nameStart
            while nameEnd < end - 1 && !Self.isSpace(bytes[nameEnd]) && bytes[nameEnd] != UInt8(ascii: "/")
                && bytes[nameEnd] != UInt8(ascii: ">") { nameEnd += 1 }
            if nameEnd == nameStart { throw error(at: start, "a tag without a name") }
            // A name that is not UTF-8 would be carried into the copy as damage Word refuses to open.
            guard let name = String(validating: bytes[nameStart..<nameEnd], as: UTF8.self) else {
                throw error(at: start, "an element name that is not valid UTF-8")
            }
            if isEnd {
                guard let open = stack.popLast() else { throw error(at: start, "end tag </\(name)> without a start tag") }
                if open != name { throw error(at: start, "end tag </\(name)> does not match <\(open)>") }
                try visit(Tag(kind: .end, name: name, range: start..<end, depth: stack.count + 1))
                if stack.isEmpty { rootClosed = true }
            } else {
                if stack.isEmpty && rootClosed { throw error(at: start, "a second root element <\(name)>") }
                try visit(Tag(kind: isEmpty ? .empty : .start, name: name, range: start..<end, depth: stack.count + 1))
                if isEmpty {
                    if stack.isEmpty { rootClosed = true }
                } else {
                    stack.append(name)
                }
            }
            i = end
        }
        if let open = stack.last { throw error(at: n, "the part ends with <\(open)> still open (\(stack.count) element(s)); it is truncated or damaged") }
        if !rootClosed { throw error(at: n, "no root element") }
    }

    /// The value of attribute `name` in `tag`, entities expanded; nil when absent.
    func attribute(_ name: String, of tag: Tag) -> String? {
        attributeSpan(name, of: tag).map { XMLText.decode(bytes[$0.value]) }
    }

    /// Where attribute `name` sits in `tag`: the whole attribute with the white space before it
    /// (what to cut to remove it) and its raw value; nil when absent.
    func attributeSpan(_ name: String, of tag: Tag) -> (whole: Range<Int>, value: Range<Int>)? {
        let target = Array(name.utf8)
        var i = tag.range.lowerBound + 1
        while i < tag.range.upperBound && !Self.isSpace(bytes[i]) { i += 1 }
        while i < tag.range.upperBound {
            let spaceStart = i
            while i < tag.range.upperBound && (Self.isSpace(bytes[i]) || bytes[i] == UInt8(ascii: "/")) { i += 1 }
            let nameStart = i
            while i < tag.range.upperBound && bytes[i] != UInt8(ascii: "=") && !Self.isSpace(bytes[i]) && bytes[i] != UInt8(ascii: ">") { i += 1 }
            let nameEnd = i
            while i < tag.range.upperBound && (Self.isSpace(bytes[i]) || bytes[i] == UInt8(ascii: "=")) { i += 1 }
            guard i < tag.range.upperBound, bytes[i] == UInt8(ascii: "\"") || bytes[i] == UInt8(ascii: "'") else { return nil }
            let quote = bytes[i]
            let valueStart = i + 1
            i = valueStart
            while i < tag.range.upperBound && bytes[i] != quote { i += 1 }
            let valueEnd = min(i, tag.range.upperBound)
            i += 1
            if bytes[nameStart..<nameEnd].elementsEqual(target) {
                return (spaceStart..<min(i, tag.range.upperBound), valueStart..<valueEnd)
            }
        }
        return nil
    }

    /// The namespace prefix a part binds to WordprocessingML's main namespace on its root (`w`
    /// almost always), transitional or strict.
    func wordPrefix(root: Tag) -> String? {
        for namespace in ["http://schemas.openxmlformats.org/wordprocessingml/2006/main",
                          "http://purl.oclc.org/ooxml/wordprocessingml/main"] {
            if let prefix = prefix(bound: namespace, on: root) { return prefix }
        }
        return nil
    }

    /// The prefix `xmlns:p="namespace"` binds on `tag` ("" for a default namespace).
    func prefix(bound namespace: String, on tag: Tag) -> String? {
        let text = String(decoding: bytes[tag.range], as: UTF8.self)
        for quote in ["\"", "'"] {
            guard let valueRange = text.range(of: "=" + quote + namespace + quote) else { continue }
            let before = text[..<valueRange.lowerBound]
            guard let space = before.lastIndex(where: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }) else { continue }
            let attribute = before[before.index(after: space)...]
            if attribute == "xmlns" { return "" }
            if attribute.hasPrefix("xmlns:") { return String(attribute.dropFirst(6)) }
        }
        return nil
    }

    private func matches(_ literal: StaticString, at i: Int) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard i + count <= bytes.count else { return false }
        return literal.withUTF8Buffer { buffer in
            for k in 0..<count where bytes[i + k] != buffer[k] { return false }
            return true
        }
    }

    private func skip(past terminator: StaticString, from i: Int, what: String) throws(LoadError) -> Int {
        var j = i
        while j < bytes.count {
            if matches(terminator, at: j) { return j + terminator.utf8CodeUnitCount }
            j += 1
        }
        throw error(at: i, "an unterminated \(what)")
    }

    /// The index just after the `>` closing the tag that starts before `i`; quoted attribute
    /// values may hold `>`.
    private func tagEnd(from i: Int) throws(LoadError) -> Int {
        var j = i
        var quote: UInt8 = 0
        while j < bytes.count {
            let b = bytes[j]
            if quote != 0 {
                if b == quote { quote = 0 }
            } else if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") {
                quote = b
            } else if b == UInt8(ascii: ">") {
                return j + 1
            } else if b == UInt8(ascii: "<") {
                break
            }
            j += 1
        }
        throw error(at: i - 1, "a tag that is never closed with `>`")
    }

    static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 }

    /// A located error: the package file, with the part and the line and column inside it.
    func error(at offset: Int, _ message: String) -> LoadError {
        var line = 1, column = 1
        for b in bytes[0..<min(offset, bytes.count)] {
            if b == 0x0A { line += 1; column = 1 } else if b & 0xC0 != 0x80 { column += 1 }
        }
        return LoadError(file: file, line: 1, column: 1,
                         message: "\(part) (line \(line), column \(column)) is not usable XML: \(message); the document is damaged")
    }
}

/// XML character data and attribute values.
enum XMLText {
    /// Expands the five predefined entities and character references; anything else is kept as
    /// written (a DTD that could define more is refused before this is called).
    static func decode(_ raw: ArraySlice<UInt8>) -> String {
        let text = String(decoding: raw, as: UTF8.self)
        guard text.contains("&") else { return text }
        var out = ""
        var rest = text[...]
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            guard let semi = rest[amp...].firstIndex(of: ";"), rest.distance(from: amp, to: semi) <= 10 else {
                out += "&"
                rest = rest[rest.index(after: amp)...]
                continue
            }
            let entity = rest[rest.index(after: amp)..<semi]
            switch entity {
            case "amp": out += "&"
            case "lt": out += "<"
            case "gt": out += ">"
            case "quot": out += "\""
            case "apos": out += "'"
            default:
                let number = entity.hasPrefix("#x") ? UInt32(entity.dropFirst(2), radix: 16)
                    : entity.hasPrefix("#") ? UInt32(entity.dropFirst(1)) : nil
                if let number, let scalar = Unicode.Scalar(number) {
                    out.unicodeScalars.append(scalar)
                } else {
                    out += "&" + entity + ";"
                }
            }
            rest = rest[rest.index(after: semi)...]
        }
        return out + rest
    }

    /// Text for XML content and attribute values.
    static func escape(_ text: String) -> String { StringEscaping.markup(text) }
}
