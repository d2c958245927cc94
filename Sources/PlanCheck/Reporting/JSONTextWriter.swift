/// Writes JSON text straight into bytes, with two-space indentation or compactly: the one
/// serialiser behind `JSONValue` and the reports that stream their findings (a JSON report of
/// thousands of findings need not build a value tree first).
struct JSONTextWriter {
    private(set) var bytes: [UInt8] = []
    let pretty: Bool
    /// For each open container: whether nothing has been written in it yet.
    private var empty: [Bool] = []
    /// A key was just written; its value follows on the same line.
    private var afterKey = false

    init(pretty: Bool = true, capacity: Int = 0) {
        self.pretty = pretty
        bytes.reserveCapacity(capacity)
    }

    var text: String { String(decoding: bytes, as: UTF8.self) }

    mutating func beginObject() { open(UInt8(ascii: "{")) }
    mutating func endObject() { close(UInt8(ascii: "}")) }
    mutating func beginArray() { open(UInt8(ascii: "[")) }
    mutating func endArray() { close(UInt8(ascii: "]")) }

    mutating func key(_ name: String) {
        separate()
        appendQuoted(name)
        bytes.append(UInt8(ascii: ":"))
        if pretty { bytes.append(UInt8(ascii: " ")) }
        afterKey = true
    }

    mutating func string(_ value: String) {
        separate()
        appendQuoted(value)
    }

    mutating func int(_ value: Int) {
        separate()
        bytes.append(contentsOf: String(value).utf8)
    }

    mutating func double(_ value: Double) {
        separate()
        bytes.append(contentsOf: (value.isFinite ? Node.format(value) : "null").utf8)
    }

    mutating func bool(_ value: Bool) {
        separate()
        bytes.append(contentsOf: (value ? "true" : "false").utf8)
    }

    mutating func null() {
        separate()
        bytes.append(contentsOf: "null".utf8)
    }

    /// `key` and a string value.
    mutating func field(_ name: String, _ value: String) {
        key(name)
        string(value)
    }

    mutating func field(_ name: String, _ value: Int) {
        key(name)
        int(value)
    }

    private mutating func open(_ bracket: UInt8) {
        separate()
        bytes.append(bracket)
        empty.append(true)
    }

    private mutating func close(_ bracket: UInt8) {
        let wasEmpty = empty.removeLast()
        if !wasEmpty { newline() }
        bytes.append(bracket)
    }

    /// Before a value or key: the comma after the previous element, then a new line.
    private mutating func separate() {
        if afterKey {
            afterKey = false
            return
        }
        guard !empty.isEmpty else { return }
        if empty[empty.count - 1] {
            empty[empty.count - 1] = false
        } else {
            bytes.append(UInt8(ascii: ","))
        }
        newline()
    }

    private mutating func newline() {
        guard pretty else { return }
        bytes.append(0x0A)
        for _ in 0..<empty.count { bytes.append(0x20); bytes.append(0x20) }
    }

    private mutating func appendQuoted(_ text: String) {
        if !StringEscaping.needsEscape(text, quote: "\"") {
            bytes.append(UInt8(ascii: "\""))
            bytes.append(contentsOf: text.utf8)
            bytes.append(UInt8(ascii: "\""))
        } else {
            bytes.append(contentsOf: StringEscaping.quoted(text, quote: "\"").utf8)
        }
    }
}
