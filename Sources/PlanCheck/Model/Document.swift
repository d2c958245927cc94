
/// The kind of a node in a loaded document.
public enum NodeKind: UInt8, Sendable {
    case null, bool, integer, double, string, list, map

    /// The word used in messages and in the `type` checker's options.
    public var name: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
        case .integer: "integer"
        case .double: "number"
        case .string: "string"
        case .list: "list"
        case .map: "map"
        }
    }
}

/// One loaded YAML or JSON document (or one document of a multi-document YAML stream
/// sharing storage with its siblings).
///
/// Why a flat structure-of-arrays instead of a tree of enum values: a 100 000-task dataset has
/// over a million nodes, and building one Swift object (or one boxed enum with its own
/// dictionary and strings) per node costs more than libyaml's parse itself. Here every node is a
/// row in a handful of arrays and every string is a byte range in one buffer, so loading does a
/// few amortised appends per node and nothing else.
public final class Document: Sendable {
    /// The path the document was read from, as given (used in findings).
    public let file: String
    /// The root node of each document in the stream (one for JSON).
    public let roots: [Int32]

    let kinds: [NodeKind]
    let positions: PositionTable
    /// integer value; double bit pattern; bool 0/1; string byte offset; container child offset.
    let payloads: [UInt32]
    /// Integers and double bit patterns, out of line: they are rare in plan data, and keeping
    /// them here lets every node's payload be 32 bits.
    let numbers: [Int64]
    /// string byte length; container child count (map: pairs).
    let counts: [UInt32]
    /// The container each node sits in (-1 for roots), built on first use and only where the
    /// descent of `containerSlot(of:)` cannot answer (aliases, merge keys, spreadsheets): a
    /// dataset should not pay 4 bytes a node for it. An aliased node keeps the first container
    /// that holds it, normally the anchor's.
    var parents: [Int32] {
        parentTable.table.withLock { table in
            if table.count != kinds.count { table = Self.parentTable(kinds: kinds, payloads: payloads, counts: counts, children: children) }
            return table
        }
    }
    /// Shared by a document and its views (`view()`), so the table is built once.
    private let parentTable: ParentTableBox
    /// Children of containers: lists are `count` node ids, maps are `count` (key, value) pairs.
    let children: [Int32]
    /// UTF-8 bytes of every string, concatenated.
    let bytes: [UInt8]
    /// Spreadsheets: the worksheet of each run of nodes (a loader appends one sheet's cells
    /// after another), so a finding can say `tasks.xlsx:Sheet1!D12`. Empty for text formats.
    let sheetRuns: [SheetRun]
    /// Single- and double-quoted scalars, in increasing order (recorded for rule files only).
    let quotedScalars: [Int32]
    /// The field names as the file writes them, where a `mapping:` or a table header renamed
    /// them to the canonical model (findings print them); nil when nothing was renamed.
    let writtenNames: WrittenNames?
    /// Findings the loader itself reports about the input (a plan document's recognition
    /// notes, `import.*`); the engine reports them beside the rules' findings.
    let loadFindings: [Finding]
    /// Tables (CSV/TSV files, worksheets, Word tables): the cell each node was read from and
    /// each column's header, so findings name cells; nil for other documents.
    let cells: (any CellLocator)?

    init(file: String, roots: [Int32], storage: NodeStorage, sheets: [SheetRun] = [], writtenNames: WrittenNames? = nil,
         loadFindings: [Finding] = [], cells: (any CellLocator)? = nil) {
        self.loadFindings = loadFindings
        self.cells = cells
        self.parentTable = ParentTableBox()
        self.writtenNames = writtenNames
        self.quotedScalars = storage.quotedScalars ?? []
        self.sheetRuns = sheets
        self.file = file
        self.roots = roots
        self.kinds = storage.kinds
        self.positions = storage.positions
        self.payloads = storage.payloads
        self.numbers = storage.numbers
        self.counts = storage.counts
        self.children = storage.children
        self.bytes = storage.bytes
    }

    /// A second handle on the same storage (nothing is copied). Every `Node` holds a reference
    /// to its document, so threads walking one document all retain and release one object, and
    /// its reference count becomes a cache line the cores fight over: rules running in parallel
    /// ran at half speed. Each parallel job walks its own view instead.
    func view() -> Document { Document(sharing: self) }

    private init(sharing other: Document) {
        file = other.file
        roots = other.roots
        kinds = other.kinds
        positions = other.positions
        payloads = other.payloads
        numbers = other.numbers
        counts = other.counts
        children = other.children
        bytes = other.bytes
        sheetRuns = other.sheetRuns
        quotedScalars = other.quotedScalars
        writtenNames = other.writtenNames
        loadFindings = other.loadFindings
        cells = other.cells
        parentTable = other.parentTable
    }

    /// The first root, or nil for an empty stream.
    public var root: Node? { roots.first.map { Node(document: self, index: $0) } }

    /// Every root of the stream.
    public var rootNodes: [Node] { roots.map { Node(document: self, index: $0) } }

    /// The value for the key `wanted` in map `map`, as a node id (nil when absent or not a map).
    ///
    /// Lookups work on ids, and a `Node` is made only for the result: every `Node` made holds
    /// the document, and on the per-record path of every checker those reference counts cost
    /// more than the comparisons.
    func valueIndex(in map: Int32, forKey wanted: UnsafeBufferPointer<UInt8>) -> Int32? {
        guard kinds[Int(map)] == .map else { return nil }
        let start = Int(payloads[Int(map)])
        let n = Int(counts[Int(map)])
        // Lengths first (the keys of one record rarely share one), bytes only for a candidate.
        var slot = start
        for _ in 0..<n {
            let key = Int(children[slot])
            if Int(counts[key]) == wanted.count {
                let offset = Int(payloads[key])
                let same = wanted.isEmpty || bytes.withUnsafeBufferPointer { all in
                    memcmpEqual(all.baseAddress! + offset, wanted.baseAddress!, wanted.count)
                }
                if same { return children[slot + 1] }
            }
            slot += 2
        }
        return nil
    }

    /// `Node.lookup(path:)` on ids: a dotted path of map keys, a segment of digits indexing a list.
    func lookupIndex(from node: Int32, path bytes: UnsafeBufferPointer<UInt8>) -> Int32? {
        var current = node
        var start = 0
        while true {
            var end = start
            while end < bytes.count, bytes[end] != UInt8(ascii: ".") { end += 1 }
            let segment = UnsafeBufferPointer(rebasing: bytes[start..<end])
            if kinds[Int(current)] == .list {
                guard let position = Node.decimal(segment), position < Int(counts[Int(current)]) else { return nil }
                current = children[Int(payloads[Int(current)]) + position]
            } else {
                guard let value = valueIndex(in: current, forKey: segment) else { return nil }
                current = value
            }
            if end == bytes.count { return current }
            start = end + 1
        }
    }

    /// The container holding node `id` and the slot of `children` it sits in (for a map, the
    /// value's slot, or the key's for a key node); nil for a root.
    ///
    /// Why a descent instead of a parent per node: loaders number nodes in document order (a
    /// container before its children), so every container's children are in increasing order
    /// and a binary search per level finds the way from the root in a few steps, with no
    /// table of 4 bytes a node. Aliases and merge keys put earlier nodes among later ones; when
    /// the descent does not arrive, the parent table is built once and answers.
    func containerSlot(of id: Int32) -> (container: Int32, slot: Int)? {
        if let found = descend(to: id) { return found.container < 0 ? nil : found }
        let parent = parents[Int(id)]
        guard parent >= 0 else { return nil }
        let start = Int(payloads[Int(parent)])
        let n = Int(counts[Int(parent)]) * (kinds[Int(parent)] == .map ? 2 : 1)
        return children.withUnsafeBufferPointer { kids -> (container: Int32, slot: Int)? in
            // The children are usually still in order here (a spreadsheet's rows are), so a
            // binary search finds the slot in a million-row list; a linear scan decides when
            // it does not. Scanning first made one finding per row quadratic.
            if let slot = kids[start..<start + n].lastIndex(atOrBefore: id), kids[slot] == id { return (parent, slot) }
            // Prefer the value slot: a node is a map's key and value only through an alias.
            for slot in stride(from: start + n - 1, through: start, by: -1) where kids[slot] == id {
                return (parent, slot)
            }
            return nil
        }
    }

    /// The descent of `containerSlot(of:)`; container -1 for a root, nil when it does not arrive.
    private func descend(to id: Int32) -> (container: Int32, slot: Int)? {
        // The document whose root is the last one at or before `id`.
        guard let rootSlot = roots.lastIndex(atOrBefore: id) else { return nil }
        let root = roots[rootSlot]
        if root == id { return (-1, -1) }
        return children.withUnsafeBufferPointer { kids -> (container: Int32, slot: Int)? in
            var container = root
            while true {
                let kind = kinds[Int(container)]
                guard kind == .map || kind == .list else { return nil }
                let start = Int(payloads[Int(container)])
                let n = Int(counts[Int(container)]) * (kind == .map ? 2 : 1)
                guard let slot = kids[start..<start + n].lastIndex(atOrBefore: id) else { return nil }
                let child = kids[slot]
                if child == id { return (container, slot) }
                guard child > container else { return nil } // an alias back: order is broken
                container = child
            }
        }
    }

    static func parentTable(kinds: [NodeKind], payloads: [UInt32], counts: [UInt32], children: [Int32]) -> [Int32] {
        var table = [Int32](repeating: -1, count: kinds.count)
        for id in kinds.indices where kinds[id] == .list || kinds[id] == .map {
            let start = Int(payloads[id])
            let n = Int(counts[id]) * (kinds[id] == .map ? 2 : 1)
            for slot in start..<start + n {
                let child = Int(children[slot])
                if table[child] == -1 && child != id { table[child] = Int32(id) }
            }
        }
        return table
    }

    /// The 64-bit value of an integer node, or the bit pattern of a double node.
    func number(_ id: Int32) -> Int64 { numbers[Int(payloads[Int(id)])] }

    /// The number of nodes (a measure of size, used in limits and benchmarks).
    public var nodeCount: Int { kinds.count }

    /// The worksheet a spreadsheet document was read from (its first, when several); nil for text formats.
    public var sheet: String? { sheetRuns.lazy.compactMap(\.name).first }

    /// The worksheet holding node `index`, nil for text formats and for nodes outside any sheet.
    func sheet(of index: Int32) -> String? {
        guard !sheetRuns.isEmpty else { return nil }
        var low = 0, high = sheetRuns.count - 1, found = -1
        while low <= high { // the last run starting at or before `index`
            let mid = (low + high) / 2
            if sheetRuns[mid].start <= index { found = mid; low = mid + 1 } else { high = mid - 1 }
        }
        return found >= 0 ? sheetRuns[found].name : nil
    }
}

/// The lazily built parent table, in a box a document shares with its views.
final class ParentTableBox: Sendable {
    let table = Locked<[Int32]>([])
}

/// Nodes from `start` on (until the next run) were read from worksheet `name`.
struct SheetRun: Sendable {
    var start: Int32
    var name: String?
}

/// The growable arrays a loader appends to; frozen into a `Document` at the end.
struct NodeStorage {
    var kinds: [NodeKind] = []
    /// The quoted scalars, in increasing order, when the loader was asked to record them (rule
    /// files); nil otherwise, and datasets pay nothing.
    var quotedScalars: [Int32]?
    var positions = PositionTable()
    var payloads: [UInt32] = []
    var numbers: [Int64] = []
    var counts: [UInt32] = []
    var children: [Int32] = []
    var bytes: [UInt8] = []
    /// Key-to-key byte comparisons made by duplicate-key detection (`MapKeyIndex`); tests
    /// check that it grows linearly with a map's width.
    var keyComparisons = 0

    init(expectedBytes: Int = 0) {
        // Plan datasets hold about one node per 12 bytes of source. Reserving for one per 8
        // avoids regrowth (a regrowth copies and briefly holds both arrays); capacity that is
        // never written is never touched, so it costs address space, not resident memory.
        let nodes = max(16, expectedBytes / 8)
        kinds.reserveCapacity(nodes)
        positions.reserveCapacity(nodes)
        payloads.reserveCapacity(nodes)
        counts.reserveCapacity(nodes)
        children.reserveCapacity(nodes)
        bytes.reserveCapacity(expectedBytes) // string bytes never exceed the source's
    }

    @inline(__always)
    mutating func append(_ kind: NodeKind, line: Int, column: Int, payload: Int64, count: UInt32) -> Int32 {
        let id = Int32(truncatingIfNeeded: kinds.count)
        kinds.append(kind)
        positions.append(line: line, column: column)
        if kind == .integer || kind == .double {
            payloads.append(UInt32(truncatingIfNeeded: numbers.count))
            numbers.append(payload)
        } else {
            payloads.append(UInt32(truncatingIfNeeded: payload))
        }
        counts.append(count)
        return id
    }

    /// Short strings stored so far, so a value that repeats (a map key in every record, a unit
    /// name in every `lead`, a status, a date) keeps one copy of its bytes: in plan data that
    /// is most of the string bytes. Open addressing; a slot packs the string's offset in
    /// `bytes`, 24 bits of its hash and its length, so a lookup touches one slot and the bytes
    /// it compares. Dropped when the document freezes.
    private var internSlots = [UInt64](repeating: 0, count: 1 << 10)
    private var internCount = 0

    /// Values up to this many bytes are shared (map keys up to `maximumInternedKeyLength`):
    /// longer text (titles, descriptions) rarely repeats.
    static let maximumInternedLength = 32
    static let maximumInternedKeyLength = 64
    /// The table stops growing here (128 KiB of slots, which stay in the core's cache): the
    /// values that repeat (units, statuses, dates) are met early, and unique ones (ids) only
    /// fill it. Measured on the benchmark plan: 8 192 entries save as much memory as 65 536,
    /// and loading costs no more than with no value interning at all (65 536 cost 8 %).
    static let maximumInternedStrings = 1 << 13

    /// Appends a string node whose bytes are copied from `buffer`, or shared with an equal
    /// short string stored before.
    @inline(__always)
    mutating func appendString(_ buffer: UnsafeBufferPointer<UInt8>, line: Int, column: Int, isKey: Bool = false) -> Int32 {
        let offset = buffer.count <= (isKey ? Self.maximumInternedKeyLength : Self.maximumInternedLength)
            ? internedOffset(of: buffer) : store(buffer)
        return append(.string, line: line, column: column, payload: Int64(offset), count: UInt32(buffer.count))
    }

    @inline(__always)
    private mutating func store(_ buffer: UnsafeBufferPointer<UInt8>) -> UInt32 {
        let offset = UInt32(truncatingIfNeeded: bytes.count)
        bytes.append(contentsOf: buffer)
        return offset
    }

    private mutating func internedOffset(of buffer: UnsafeBufferPointer<UInt8>) -> UInt32 {
        let hash = ByteHash.hash(buffer)
        // Low bits place the slot, high bits tag it; the low byte is length + 1 (never 0).
        let tag = (hash >> 40) << 8 | UInt64(buffer.count + 1)
        let mask = internSlots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let entry = internSlots[slot]
            if entry == 0 { break }
            if entry & 0xFFFF_FFFF == tag {
                let offset = Int(entry >> 32)
                let same = bytes.withUnsafeBufferPointer { all in
                    buffer.isEmpty || memcmpEqual(all.baseAddress! + offset, buffer.baseAddress!, buffer.count)
                }
                if same { return UInt32(offset) }
            }
            slot = (slot + 1) & mask
        }
        let offset = store(buffer)
        guard internCount < Self.maximumInternedStrings else { return offset }
        internSlots[slot] = UInt64(offset) << 32 | tag
        internCount += 1
        if internCount * 2 > internSlots.count { growInternTable() }
        return offset
    }

    private mutating func growInternTable() {
        var larger = [UInt64](repeating: 0, count: internSlots.count * 2)
        let mask = larger.count - 1
        bytes.withUnsafeBufferPointer { all in
            for entry in internSlots where entry != 0 {
                let length = Int(entry & 0xFF) - 1
                let text = UnsafeBufferPointer(start: all.baseAddress! + Int(entry >> 32), count: length)
                var slot = Int(truncatingIfNeeded: ByteHash.hash(text)) & mask
                while larger[slot] != 0 { slot = (slot + 1) & mask }
                larger[slot] = entry
            }
        }
        internSlots = larger
    }

    /// Closes a container: its pending children become a contiguous run in `children`.
    mutating func close(container: Int32, with pending: ArraySlice<Int32>, isMap: Bool) {
        let start = Int64(children.count)
        children.append(contentsOf: pending)
        payloads[Int(container)] = UInt32(truncatingIfNeeded: start)
        counts[Int(container)] = UInt32(isMap ? pending.count / 2 : pending.count)
    }

    /// The 64-bit value of an integer node, or the bit pattern of a double node.
    func number(_ id: Int32) -> Int64 { numbers[Int(payloads[Int(id)])] }

    func stringBytesEqual(_ a: Int32, _ b: Int32) -> Bool {
        let ac = Int(counts[Int(a)]), bc = Int(counts[Int(b)])
        guard ac == bc else { return false }
        if payloads[Int(a)] == payloads[Int(b)] { return true } // interned keys share their bytes
        let ao = Int(payloads[Int(a)]), bo = Int(payloads[Int(b)])
        var i = 0
        while i < ac {
            if bytes[ao + i] != bytes[bo + i] { return false }
            i += 1
        }
        return true
    }
}
