/// The byte-level JSON parser behind `JSONLoader` and `JSONLinesLoader`.
///
/// Why hand-written and iterative: nesting is bounded by `LoadLimits.maxDepth`, not by the
/// thread's stack, and the common case (ASCII keys and strings without escapes) copies bytes
/// straight into `NodeStorage` with no intermediate `String`s. Containers use the same
/// frame/pending scheme as YAMLLoader: children collect in `pending` until the container closes.
struct JSONParser {
    private struct Frame {
        var container: Int32
        var pendingStart: Int
        var isMap: Bool
        /// Duplicate-key detection, linear however wide the map.
        var keys = MapKeyIndex()
    }

    let file: String
    let limits: LoadLimits
    let lines: Bool
    var storage: NodeStorage
    private var frames: [Frame] = []
    private var pending: [Int32] = []

    // Valid only while `parseDocument`/`parseLines` runs.
    private var input = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
    private var pos = 0
    private var line = 1
    private var lineStart = 0
    // Column cache: `columnChars` characters precede byte `columnByte` on the current line.
    // Node positions only move forward, so counting from the cache keeps columns linear overall
    // even for minified single-line files.
    private var columnByte = 0
    private var columnChars = 0
    /// 3 when the input starts with a UTF-8 byte order mark (not counted in columns).
    private var bom = 0

    init(file: String, limits: LoadLimits, expectedBytes: Int, lines: Bool) {
        self.file = file
        self.limits = limits
        self.lines = lines
        self.storage = NodeStorage(expectedBytes: expectedBytes)
        pending.reserveCapacity(256)
    }

    // MARK: entry points

    mutating func parseDocument(_ buffer: UnsafeBufferPointer<UInt8>) throws(LoadError) -> Int32 {
        try begin(buffer)
        skipWhitespace()
        if pos >= input.count {
            throw LoadError(file: file, line: line, column: column(at: pos), message: "empty input: expected a JSON value")
        }
        let root = try parseValue()
        skipWhitespace()
        if pos < input.count {
            throw error(at: pos, "unexpected \(describe(at: pos)) after the JSON value; a JSON file holds exactly one value")
        }
        return root
    }

    mutating func parseLines(_ buffer: UnsafeBufferPointer<UInt8>) throws(LoadError) -> Int32 {
        try begin(buffer)
        var records: [Int32] = []
        while true {
            skipWhitespace() // stops at line feeds in JSON Lines mode
            if pos >= input.count { break }
            if input[pos] == 0x0A {
                newline(after: pos)
                continue
            }
            records.append(try parseValue())
            skipWhitespace()
            if pos < input.count {
                guard input[pos] == 0x0A else {
                    throw error(at: pos, "unexpected \(describe(at: pos)) after the JSON value on line \(line); JSON Lines holds one value per line")
                }
                newline(after: pos)
            }
        }
        let list = storage.append(.list, line: 1, column: 1, payload: 0, count: 0)
        storage.close(container: list, with: records[...], isMap: false)
        return list
    }

    private mutating func begin(_ buffer: UnsafeBufferPointer<UInt8>) throws(LoadError) {
        input = buffer
        if buffer.count > limits.maxFileBytes {
            throw LoadError(file: file, line: 1, column: 1, message: "file is larger than the \(limits.maxFileBytes)-byte limit")
        }
        pos = 0
        if buffer.count >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF {
            pos = 3 // UTF-8 byte order mark: allowed by RFC 8259 §8.1 to be ignored.
        }
        bom = pos
        lineStart = pos
        columnByte = pos
        columnChars = 0
    }

    // MARK: values

    /// Parses one complete value starting at `pos` (whitespace already skipped) and returns its id.
    /// Containers are handled with the explicit `frames` stack, not recursion.
    private mutating func parseValue() throws(LoadError) -> Int32 {
        let baseDepth = frames.count
        while true {
            // Expecting a value.
            skipWhitespace()
            guard pos < input.count else { throw unexpectedEnd() }
            let start = pos
            let byte = input[pos]
            var id: Int32
            switch byte {
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                let isMap = byte == UInt8(ascii: "{")
                if frames.count - baseDepth >= limits.maxDepth {
                    throw error(at: start, "nesting is deeper than \(limits.maxDepth) levels")
                }
                let col = column(at: start)
                id = storage.append(isMap ? .map : .list, line: line, column: col, payload: 0, count: 0)
                pos += 1
                skipWhitespace()
                let closer = isMap ? UInt8(ascii: "}") : UInt8(ascii: "]")
                if pos < input.count, input[pos] == closer {
                    pos += 1
                    storage.close(container: id, with: pending[pending.count...], isMap: isMap)
                } else {
                    frames.append(Frame(container: id, pendingStart: pending.count, isMap: isMap))
                    if isMap { try parseKey() }
                    continue
                }
            case UInt8(ascii: "\""):
                id = try parseString()
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                id = try parseNumber()
            case UInt8(ascii: "t"):
                id = try parseLiteral("true", .bool, 1)
            case UInt8(ascii: "f"):
                id = try parseLiteral("false", .bool, 0)
            case UInt8(ascii: "n"):
                id = try parseLiteral("null", .null, 0)
            case UInt8(ascii: "]"), UInt8(ascii: "}"):
                throw error(at: start, "expected a value, found `\(Character(Unicode.Scalar(byte)))`")
            default:
                throw unexpected(at: start, expecting: "a value")
            }
            // A value is complete: place it and close every container it completes.
            while true {
                guard frames.count > baseDepth else { return id }
                pending.append(id)
                let top = frames.count - 1
                let isMap = frames[top].isMap
                skipWhitespace()
                guard pos < input.count else { throw unexpectedEnd() }
                let b = input[pos]
                if b == UInt8(ascii: ",") {
                    let comma = pos
                    pos += 1
                    skipWhitespace()
                    if pos < input.count, input[pos] == (isMap ? UInt8(ascii: "}") : UInt8(ascii: "]")) {
                        throw error(at: comma, "trailing comma before `\(isMap ? "}" : "]")`; JSON does not allow a comma after the last \(isMap ? "member" : "item")")
                    }
                    if isMap { try parseKey() }
                    break
                }
                if b == (isMap ? UInt8(ascii: "}") : UInt8(ascii: "]")) {
                    pos += 1
                    let frame = frames.removeLast()
                    storage.close(container: frame.container, with: pending[frame.pendingStart...], isMap: isMap)
                    pending.removeSubrange(frame.pendingStart...)
                    id = frame.container
                    continue
                }
                throw unexpected(at: pos, expecting: isMap ? "`,` or `}` after a map member" : "`,` or `]` after a list item")
            }
        }
    }

    /// Parses `"key" :` inside the top map frame, rejecting duplicates.
    private mutating func parseKey() throws(LoadError) {
        skipWhitespace()
        guard pos < input.count else { throw unexpectedEnd() }
        guard input[pos] == UInt8(ascii: "\"") else {
            throw unexpected(at: pos, expecting: "a string as map key")
        }
        let key = try parseString()
        try checkDuplicate(key)
        pending.append(key)
        skipWhitespace()
        guard pos < input.count else { throw unexpectedEnd() }
        guard input[pos] == UInt8(ascii: ":") else {
            throw unexpected(at: pos, expecting: "`:` after a map key")
        }
        pos += 1
    }

    private mutating func checkDuplicate(_ key: Int32) throws(LoadError) {
        let top = frames.count - 1
        if let other = frames[top].keys.duplicate(of: key, in: pending, from: frames[top].pendingStart, storage: &storage) {
            throw duplicate(key, first: other)
        }
    }

    private func duplicate(_ key: Int32, first: Int32) -> LoadError {
        let o = Int(storage.payloads[Int(key)]), n = Int(storage.counts[Int(key)])
        let name = String(decoding: storage.bytes[o..<o + n], as: UTF8.self)
        return LoadError(file: file, line: storage.positions.line(key), column: storage.positions.column(key),
                         message: "duplicate key `\(name)` (first defined at line \(storage.positions.line(first)), column \(storage.positions.column(first)))")
    }

    private mutating func parseLiteral(_ word: StaticString, _ kind: NodeKind, _ payload: Int64) throws(LoadError) -> Int32 {
        let n = word.utf8CodeUnitCount
        let w = word.utf8Start
        var i = 0
        while i < n {
            guard pos + i < input.count, input[pos + i] == w[i] else {
                throw error(at: pos, "invalid literal \(describeWord(at: pos)); expected `\(word)` (JSON literals are lowercase: true, false, null)")
            }
            i += 1
        }
        if pos + n < input.count, Self.isWordByte(input[pos + n]) {
            throw error(at: pos, "invalid literal \(describeWord(at: pos)); expected `\(word)`")
        }
        let id = storage.append(kind, line: line, column: column(at: pos), payload: payload, count: 0)
        pos += n
        return id
    }

    private static func isWordByte(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A) || b == UInt8(ascii: "_") || b >= 0x80
    }

    // MARK: numbers

    private mutating func parseNumber() throws(LoadError) -> Int32 {
        let start = pos
        let col = column(at: start)
        var i = pos
        let end = input.count
        var negative = false
        if input[i] == UInt8(ascii: "-") {
            negative = true
            i += 1
        }
        guard i < end, Self.isDigit(input[i]) else {
            throw error(at: i, "expected a digit after `-` in a number")
        }
        var value: Int64 = 0
        var overflow = false
        if input[i] == UInt8(ascii: "0") {
            i += 1
            if i < end, Self.isDigit(input[i]) {
                throw error(at: start, "leading zeros are not allowed in JSON numbers (\(describeWord(at: start)))")
            }
        } else {
            while i < end, Self.isDigit(input[i]) {
                // Accumulate negatively so Int64.min parses.
                let (m, o1) = value.multipliedReportingOverflow(by: 10)
                let (s, o2) = m.subtractingReportingOverflow(Int64(input[i] &- 0x30))
                overflow = overflow || o1 || o2
                value = s
                i += 1
            }
        }
        var isInteger = true
        if i < end, input[i] == UInt8(ascii: ".") {
            isInteger = false
            i += 1
            guard i < end, Self.isDigit(input[i]) else {
                throw error(at: i, "expected a digit after the decimal point in a number")
            }
            while i < end, Self.isDigit(input[i]) { i += 1 }
        }
        if i < end, input[i] == UInt8(ascii: "e") || input[i] == UInt8(ascii: "E") {
            isInteger = false
            i += 1
            if i < end, input[i] == UInt8(ascii: "+") || input[i] == UInt8(ascii: "-") { i += 1 }
            guard i < end, Self.isDigit(input[i]) else {
                throw error(at: i, "expected a digit in the exponent of a number")
            }
            while i < end, Self.isDigit(input[i]) { i += 1 }
        }
        pos = i
        if isInteger {
            if !negative {
                let (v, o) = (0 as Int64).subtractingReportingOverflow(value)
                if !overflow && !o { return storage.append(.integer, line: line, column: col, payload: v, count: 0) }
            } else if !overflow {
                return storage.append(.integer, line: line, column: col, payload: value, count: 0)
            }
        }
        // Short numbers make small (non-allocating) strings; Swift's parser is locale-independent.
        let text = String(decoding: UnsafeBufferPointer(rebasing: input[start..<i]), as: UTF8.self)
        guard let d = Double(text), d.isFinite else {
            throw error(at: start, "number \(text) is outside the range of a double")
        }
        return storage.append(.double, line: line, column: col, payload: Int64(bitPattern: d.bitPattern), count: 0)
    }

    @inline(__always)
    private static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    // MARK: strings

    /// Parses a string at `pos` (on its opening quote) into a string node.
    private mutating func parseString() throws(LoadError) -> Int32 {
        let start = pos
        let col = column(at: start)
        let end = input.count
        var i = pos + 1
        // Fast path: no escapes; the bytes are copied as they are after validation.
        while i < end {
            let b = input[i]
            if b == UInt8(ascii: "\"") {
                let id = storage.appendString(UnsafeBufferPointer(rebasing: input[(start + 1)..<i]), line: line, column: col)
                pos = i + 1
                return id
            }
            if b == UInt8(ascii: "\\") { break }
            if b < 0x20 { throw controlCharacter(at: i) }
            if b < 0x80 { i += 1 } else { i += try utf8Length(at: i) }
        }
        guard i < end else { throw unterminated(start) }
        // Slow path: decode escapes straight into the storage's byte buffer.
        let offset = storage.bytes.count
        storage.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: input[(start + 1)..<i]))
        while true {
            guard i < end else { throw unterminated(start) }
            let b = input[i]
            if b == UInt8(ascii: "\"") { break }
            if b < 0x20 { throw controlCharacter(at: i) }
            if b == UInt8(ascii: "\\") {
                try decodeEscape(&i)
                continue
            }
            let n = b < 0x80 ? 1 : try utf8Length(at: i)
            storage.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: input[i..<(i + n)]))
            i += n
        }
        pos = i + 1
        return storage.append(.string, line: line, column: col, payload: Int64(offset), count: UInt32(storage.bytes.count - offset))
    }

    private mutating func decodeEscape(_ i: inout Int) throws(LoadError) {
        let escape = i
        guard i + 1 < input.count else { throw unterminated(escape) }
        let c = input[i + 1]
        i += 2
        let simple: UInt8
        switch c {
        case UInt8(ascii: "\""): simple = 0x22
        case UInt8(ascii: "\\"): simple = 0x5C
        case UInt8(ascii: "/"): simple = 0x2F
        case UInt8(ascii: "b"): simple = 0x08
        case UInt8(ascii: "f"): simple = 0x0C
        case UInt8(ascii: "n"): simple = 0x0A
        case UInt8(ascii: "r"): simple = 0x0D
        case UInt8(ascii: "t"): simple = 0x09
        case UInt8(ascii: "u"):
            var scalar = try hex4(at: i, escape: escape)
            i += 4
            if scalar >= 0xDC00 && scalar <= 0xDFFF {
                throw error(at: escape, "unpaired surrogate \\u\(Self.hex(scalar)) in a string (a low surrogate must follow a high one)")
            }
            if scalar >= 0xD800 && scalar <= 0xDBFF {
                guard i + 1 < input.count, input[i] == UInt8(ascii: "\\"), input[i + 1] == UInt8(ascii: "u") else {
                    throw error(at: escape, "unpaired surrogate \\u\(Self.hex(scalar)) in a string (expected a \\uDC00–\\uDFFF low surrogate after it)")
                }
                let low = try hex4(at: i + 2, escape: i)
                guard low >= 0xDC00 && low <= 0xDFFF else {
                    throw error(at: escape, "unpaired surrogate \\u\(Self.hex(scalar)) in a string (followed by \\u\(Self.hex(low)), not a low surrogate)")
                }
                i += 6
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            }
            for unit in UTF8.encode(Unicode.Scalar(scalar)!)! {
                storage.bytes.append(unit)
            }
            return
        default:
            let shown = c < 0x20 || c >= 0x80 ? "\\ followed by byte \(Self.byteHex(c))" : "`\\" + String(Character(Unicode.Scalar(c))) + "`"
            throw error(at: escape, "invalid escape \(shown) in a string; JSON allows \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX")
        }
        storage.bytes.append(simple)
    }

    private func hex4(at i: Int, escape: Int) throws(LoadError) -> UInt32 {
        var value: UInt32 = 0
        for k in 0..<4 {
            guard i + k < input.count else { throw unterminated(escape) }
            let b = input[i + k]
            let digit: UInt32
            switch b {
            case 0x30...0x39: digit = UInt32(b - 0x30)
            case 0x41...0x46: digit = UInt32(b - 0x41 + 10)
            case 0x61...0x66: digit = UInt32(b - 0x61 + 10)
            default: throw error(at: escape, "invalid \\u escape in a string: expected four hexadecimal digits")
            }
            value = value << 4 | digit
        }
        return value
    }

    private static func hex(_ value: UInt32) -> String {
        let s = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - s.count)) + s
    }

    /// Length of the valid UTF-8 sequence starting at `i` (a byte ≥ 0x80), or an error naming the
    /// byte offset of the first bad byte.
    private func utf8Length(at i: Int) throws(LoadError) -> Int {
        let (length, bad) = UTF8Validation.sequence(input, at: i)
        if let bad { throw invalidUTF8(at: bad) }
        return length
    }

    // MARK: whitespace and positions

    @inline(__always)
    private mutating func skipWhitespace() {
        while pos < input.count {
            switch input[pos] {
            case 0x20, 0x09, 0x0D: pos += 1
            case 0x0A:
                if lines { return }
                newline(after: pos)
            default: return
            }
        }
    }

    private mutating func newline(after lf: Int) {
        pos = lf + 1
        line += 1
        lineStart = pos
        columnByte = pos
        columnChars = 0
    }

    /// The 1-based character column of byte `p` on the current line.
    private mutating func column(at p: Int) -> Int {
        if columnByte < lineStart || columnByte > p {
            columnByte = lineStart
            columnChars = 0
        }
        while columnByte < p {
            if input[columnByte] & 0xC0 != 0x80 { columnChars += 1 }
            columnByte += 1
        }
        return columnChars + 1
    }

    // MARK: errors

    private func error(at offset: Int, _ message: String) -> LoadError {
        let (l, c) = LoadError.position(of: offset - bom, in: UnsafeBufferPointer(rebasing: input[bom...]))
        return LoadError(file: file, line: l, column: c, message: message)
    }

    private func invalidUTF8(at offset: Int) -> LoadError {
        error(at: offset, "invalid UTF-8: byte \(Self.byteHex(input[offset])) at byte offset \(offset)")
    }

    private func controlCharacter(at offset: Int) -> LoadError {
        let b = input[offset]
        let name = b == 0x0A ? "a line break" : b == 0x09 ? "a tab" : "control character \(Self.codePoint(b))"
        return error(at: offset, "\(name) inside a string must be escaped (use \\n, \\t or \\u00XX); is a closing quote missing?")
    }

    private func unterminated(_ start: Int) -> LoadError {
        error(at: start, "unterminated string: no closing `\"`")
    }

    private func unexpectedEnd() -> LoadError {
        if let frame = frames.last {
            let l = storage.positions.line(frame.container), c = storage.positions.column(frame.container)
            let what = frame.isMap ? "map `{`" : "list `[`"
            return error(at: input.count, "unexpected end of input: the \(what) opened at line \(l), column \(c) is not closed")
        }
        return error(at: input.count, "unexpected end of input: expected a JSON value")
    }

    private func unexpected(at offset: Int, expecting: String) -> LoadError {
        if lines, input[offset] == 0x0A {
            return error(at: offset, "unexpected end of line: expected \(expecting); in JSON Lines every value must be on one line")
        }
        if input[offset] >= 0x80 {
            do { _ = try utf8Length(at: offset) } catch { return error }
        }
        return error(at: offset, "expected \(expecting), found \(describe(at: offset))")
    }

    /// The character at `offset`, for messages.
    private func describe(at offset: Int) -> String {
        let b = input[offset]
        if b < 0x20 || b == 0x7F { return "control character \(Self.codePoint(b))" }
        if b < 0x80 { return "`\(Character(Unicode.Scalar(b)))`" }
        var it = input[offset...].makeIterator()
        var decoder = UTF8()
        if case .scalarValue(let s) = decoder.decode(&it) { return "`\(Character(s))`" }
        return "byte 0x\(String(b, radix: 16, uppercase: true))"
    }

    /// The word starting at `offset` (letters, digits, `.`, `+`, `-`), for messages about literals.
    private func describeWord(at offset: Int) -> String {
        var e = offset
        while e < input.count, e - offset < 40,
              Self.isWordByte(input[e]) || input[e] == UInt8(ascii: ".") || input[e] == UInt8(ascii: "-") || input[e] == UInt8(ascii: "+") {
            e += 1
        }
        if e == offset { return describe(at: offset) }
        return "`" + String(decoding: UnsafeBufferPointer(rebasing: input[offset..<e]), as: UTF8.self) + "`"
    }

    /// `0xFF`-style rendering of a byte, for messages.
    private static func byteHex(_ byte: UInt8) -> String {
        let s = String(byte, radix: 16, uppercase: true)
        return "0x" + (s.count < 2 ? "0" : "") + s
    }

    /// `U+001F`-style rendering of a control character, for messages.
    private static func codePoint(_ byte: UInt8) -> String {
        let s = String(byte, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: 4 - s.count) + s
    }
}
