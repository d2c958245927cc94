/// A position in a source file; line and column are 1-based, columns count characters.
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int
    /// For tabular sources: the sheet name shown as `file:Sheet!D12`; nil for text files.
    public var sheet: String?

    public init(file: String, line: Int, column: Int, sheet: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.sheet = sheet
    }

    public static func < (a: Self, b: Self) -> Bool {
        (a.file, a.line, a.column) < (b.file, b.line, b.column)
    }

    public var description: String { "\(file):\(line):\(column)" }
}

/// A read-only view of one node of a `Document`. Cheap to copy: a reference and an index.
public struct Node: Sendable {
    public let document: Document
    public let index: Int32


    public init(document: Document, index: Int32) {
        self.document = document
        self.index = index
    }

    public var kind: NodeKind { document.kinds[Int(index)] }
    public var line: Int { document.positions.line(index) }
    public var column: Int { document.positions.column(index) }
    public var location: SourceLocation { SourceLocation(file: document.file, line: line, column: column) }
    /// Written in quotes (known for rule files, which are loaded recording quotes).
    var isQuotedScalar: Bool {
        document.quotedScalars.lastIndex(atOrBefore: index).map { document.quotedScalars[$0] == index } ?? false
    }

    public var isNull: Bool { kind == .null }

    // MARK: scalars

    /// The string value, or nil when the node is not a string.
    public var string: String? {
        guard kind == .string else { return nil }
        return withUTF8 { String(decoding: $0, as: UTF8.self) }
    }

    public var bool: Bool? { kind == .bool ? document.payloads[Int(index)] != 0 : nil }
    public var integer: Int64? { kind == .integer ? document.number(index) : nil }
    public var double: Double? {
        switch kind {
        case .double: Double(bitPattern: UInt64(bitPattern: document.number(index)))
        default: nil
        }
    }

    /// Integer or double as a Double (for numeric comparisons).
    public var number: Double? {
        switch kind {
        case .integer: Double(document.number(index))
        case .double: double
        default: nil
        }
    }

    /// A scalar rendered as text (strings as they are, numbers and booleans as written in JSON);
    /// nil for lists and maps.
    public var scalarText: String? {
        switch kind {
        case .null: "null"
        case .bool: bool! ? "true" : "false"
        case .integer: String(integer!)
        case .double: Self.format(double!)
        case .string: string
        case .list, .map: nil
        }
    }

    static func format(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-Infinity" : "Infinity" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }

    /// Calls `body` with the UTF-8 bytes of a string node (an empty buffer for other kinds),
    /// without allocating a `String`.

    public func withUTF8<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        guard kind == .string else { return try body(UnsafeBufferPointer(start: nil, count: 0)) }
        let offset = Int(document.payloads[Int(index)])
        let length = Int(document.counts[Int(index)])
        return try document.bytes.withUnsafeBufferPointer { all in
            try body(UnsafeBufferPointer(rebasing: all[offset..<offset + length]))
        }
    }

    /// True for a string node whose bytes equal `text`'s UTF-8.
    public func stringEquals(_ text: String) -> Bool {
        guard kind == .string else { return false }
        var text = text
        return text.withUTF8 { wanted in withUTF8 { $0.elementsEqual(wanted) } }
    }

    /// Missing-ness as the `required` checker defines it: null, empty string, empty list or map.
    public var isEmpty: Bool {
        switch kind {
        case .null: true
        case .string, .list, .map: document.counts[Int(index)] == 0
        default: false
        }
    }

    // MARK: containers

    /// Number of items of a list or entries of a map; 0 for scalars.
    public var count: Int {
        switch kind {
        case .list, .map: Int(document.counts[Int(index)])
        default: 0
        }
    }

    /// The items of a list (empty for other kinds).
    public var items: NodeSequence {
        guard kind == .list else { return NodeSequence(document: document, start: 0, count: 0, stride: 1) }
        return NodeSequence(document: document, start: Int(document.payloads[Int(index)]),
                            count: Int(document.counts[Int(index)]), stride: 1)
    }

    /// The keys of a map, in document order (empty for other kinds).
    public var keys: NodeSequence {
        guard kind == .map else { return NodeSequence(document: document, start: 0, count: 0, stride: 2) }
        return NodeSequence(document: document, start: Int(document.payloads[Int(index)]),
                            count: Int(document.counts[Int(index)]), stride: 2)
    }

    /// The values of a map, in document order (empty for other kinds).
    public var values: NodeSequence {
        guard kind == .map else { return NodeSequence(document: document, start: 0, count: 0, stride: 2) }
        return NodeSequence(document: document, start: Int(document.payloads[Int(index)]) + 1,
                            count: Int(document.counts[Int(index)]), stride: 2)
    }

    /// (key, value) pairs of a map in document order.
    public var entries: [(key: String, value: Node)] {
        zip(keys, values).map { ($0.string ?? "", $1) }
    }

    /// The item at `position` of a list.
    public subscript(position: Int) -> Node? {
        guard kind == .list, position >= 0, position < count else { return nil }
        let child = document.children[Int(document.payloads[Int(index)]) + position]
        return Node(document: document, index: child)
    }

    /// The value for `key` in a map (nil when absent or when this is not a map).
    public subscript(key: String) -> Node? {
        var key = key
        return key.withUTF8 { value(forKeyBytes: $0) }
    }

    /// The key node for `key` in a map (for pointing at a key in findings).
    public func keyNode(_ key: String) -> Node? {
        guard kind == .map else { return nil }
        let start = Int(document.payloads[Int(index)])
        for i in 0..<Int(document.counts[Int(index)]) {
            let keyNode = Node(document: document, index: document.children[start + 2 * i])
            if keyNode.stringEquals(key) { return keyNode }
        }
        return nil
    }

    public func value(forKeyBytes wanted: UnsafeBufferPointer<UInt8>) -> Node? {
        document.valueIndex(in: index, forKey: wanted).map { Node(document: document, index: $0) }
    }

    /// Follows a dotted path of map keys (`budget.amount`); list items by number (`leads.0`).
    public func lookup(path: String) -> Node? {
        var path = path
        return path.withUTF8 { document.lookupIndex(from: index, path: $0) }.map { Node(document: document, index: $0) }
    }

    /// A non-negative decimal number written in `bytes`, or nil.
    static func decimal(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard !bytes.isEmpty, bytes.count < 19 else { return nil }
        var value = 0
        for b in bytes {
            guard b >= 0x30, b <= 0x39 else { return nil }
            value = value * 10 + Int(b - 0x30)
        }
        return value
    }

    /// The container holding this node, if any.
    public var parent: Node? {
        document.containerSlot(of: index).map { Node(document: document, index: $0.container) }
    }

    /// The RFC 9535 normalized path of this node, e.g. `$['tasks'][3]['lead']`.
    public var normalizedPath: String {
        var segments: [String] = []
        var id = index
        while let (container, slot) = document.containerSlot(of: id) {
            let start = Int(document.payloads[Int(container)])
            if document.kinds[Int(container)] == .map {
                // A map's value is named by the key before it; a key node by itself.
                let keySlot = (slot - start) % 2 == 0 ? slot : slot - 1
                let key = Node(document: document, index: document.children[keySlot])
                segments.append("[" + NormalizedPath.quote(key.string ?? "") + "]")
            } else {
                segments.append("[\(slot - start)]")
            }
            id = container
        }
        return "$" + segments.reversed().joined()
    }
}

@inline(__always)
func memcmpEqual(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ n: Int) -> Bool {
    var i = 0
    while i < n {
        if a[i] != b[i] { return false }
        i += 1
    }
    return true
}

/// Items of a list or keys/values of a map, without copying.
public struct NodeSequence: RandomAccessCollection, Sendable {
    let document: Document
    let start: Int
    public let count: Int
    let stride: Int

    /// A one-element sequence holding `node` (so a scalar and a list can be walked alike).
    public init(single node: Node) {
        self.document = node.document
        self.start = -1
        self.count = 1
        self.stride = 0
        self.single = node.index
    }

    init(document: Document, start: Int, count: Int, stride: Int) {
        self.document = document
        self.start = start
        self.count = count
        self.stride = stride
        self.single = -1
    }

    let single: Int32

    public var startIndex: Int { 0 }
    public var endIndex: Int { count }
    public subscript(position: Int) -> Node {
        Node(document: document, index: single >= 0 ? single : document.children[start + position * stride])
    }
}

/// Formatting of RFC 9535 normalized path segments.
public enum NormalizedPath {
    /// A member name as a normalized-path string literal: single quotes, escapes per RFC 9535 §2.7.
    public static func quote(_ name: String) -> String { StringEscaping.quoted(name, quote: "'") }
}

extension Node {
    /// A field as it reads in a message: scalars as text, lists joined with 、, maps elided.
    public var displayText: String {
        switch kind {
        case .null: ""
        case .list: items.map(\.displayText).joined(separator: "、")
        case .map: "{…}"
        default: scalarText ?? ""
        }
    }
}
