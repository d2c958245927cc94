/// Applies a `mapping:` to a loaded document: renames fields and rewrites values of the
/// records each entry selects, in place, keeping every node's position. The result is a new
/// document in which checkers, expressions and JSONPath see the canonical model, while
/// locations still point into the file and `writtenNames` remembers the file's own spelling.
///
/// Nothing changes structurally: a node keeps its number, its place and its children; only a
/// key's text or a scalar's value is replaced. So the document-order invariants `Document`
/// relies on hold, and arrays that are not edited (positions, children) are shared, not copied.
///
/// Plan-document readers (`Loading/Documents/`) call `apply(_:to:)` on the document they build;
/// `DatasetLoader` does it for every other format but tables, whose mapper applies the same
/// `FieldMapping` to headers and cells as it reads them.
public enum DocumentMapper {
    /// `document` with the entries of `mapping` that apply to its file applied; the document
    /// itself when none does (the identity mapping costs one filter over the entries).
    public static func apply(_ mapping: DatasetMapping, to document: Document) throws(LoadError) -> Document {
        if mapping.isEmpty { return document }
        let entries = mapping.entries(for: document.file)
        if entries.isEmpty { return document }
        var editor = DocumentEditor(document)
        var names = WrittenNames.Builder()
        for root in document.rootNodes {
            for entry in entries {
                let tree = MappingTree(entry.mapping)
                let declared = Self.declaredNames(entry.mapping)
                for record in entry.records(in: root) {
                    // A field the record leaves out is still named the way its file spells it.
                    var renamed = declared
                    try editor.walk(record, fields: tree.fields, values: tree.values, written: "", canonical: "", renamed: &renamed)
                    names.add(start: record.index, end: Self.lastNode(in: record), names: renamed)
                }
            }
        }
        guard editor.edited || !names.isEmpty else { return document }
        return editor.finish(writtenNames: names.build())
    }

    /// Canonical path → written path for every rename the mapping declares (the first written
    /// spelling of a canonical field, when it has several).
    static func declaredNames(_ mapping: FieldMapping) -> [String: String] {
        var result: [String: String] = [:]
        for (written, canonical) in mapping.fields {
            let path = FieldMapping.segments(written)
            let canonicalPath = (path.dropLast() + [FieldMapping.segments(canonical).last ?? canonical]).joined(separator: ".")
            if canonicalPath != written, result[canonicalPath] == nil { result[canonicalPath] = written }
        }
        return result
    }

    /// The last node of `node`'s subtree (nodes are numbered in document order).
    static func lastNode(in node: Node) -> Int32 {
        var current = node
        while current.kind == .map || current.kind == .list, current.count > 0 {
            let next = current.kind == .map ? current.values.last! : current.items.last!
            guard next.index > current.index else { break } // an alias back: stop here
            current = next
        }
        return current.index
    }
}

/// A `FieldMapping` as trees keyed by path segment: the renames by written name, the value
/// tables by canonical name.
struct MappingTree {
    struct Fields {
        var renames: [String: String] = [:]
        var children: [String: Fields] = [:]
    }
    struct Values {
        var tables: [String: [String: MappedValue]] = [:]
        var children: [String: Values] = [:]
        /// `tables` and `children` by name, sorted: the walk's order when no key is renamed.
        var orderedTables: [(name: String, table: [String: MappedValue])] = []
        var orderedChildren: [(name: String, values: Values)] = []
    }
    var fields = Fields()
    var values = Values()

    init(_ mapping: FieldMapping) {
        for (written, canonical) in mapping.fields {
            Self.insert(&fields, FieldMapping.segments(written)[...], FieldMapping.segments(canonical).last ?? canonical)
        }
        for (field, table) in mapping.values { Self.insert(&values, FieldMapping.segments(field)[...], table) }
        Self.order(&values)
    }

    private static func order(_ level: inout Values) {
        for name in level.children.keys { order(&level.children[name]!) }
        level.orderedTables = level.tables.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        level.orderedChildren = level.children.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    private static func insert(_ level: inout Fields, _ path: ArraySlice<String>, _ canonical: String) {
        guard let head = path.first else { return }
        if path.count == 1 {
            // A field mapped to itself renames nothing: left out, so the walk does not look for it.
            if canonical != head { level.renames[head] = canonical }
            return
        }
        insert(&level.children[head, default: Fields()], path.dropFirst(), canonical)
    }

    private static func insert(_ level: inout Values, _ path: ArraySlice<String>, _ table: [String: MappedValue]) {
        guard let head = path.first else { return }
        if path.count == 1 { level.tables[head] = table; return }
        insert(&level.children[head, default: Values()], path.dropFirst(), table)
    }
}

/// Copy-on-write edits of a document's storage: only the arrays written to are copied.
struct DocumentEditor {
    let original: Document
    private var storage: NodeStorage
    /// Canonical texts appended to `bytes` once each: their offsets.
    private var appended: [String: UInt32] = [:]
    private(set) var edited = false

    init(_ document: Document) {
        original = document
        storage = NodeStorage(copying: document)
    }

    /// Renames the keys and rewrites the values under `node` (a record, or a map or list in it).
    /// `written`/`canonical` are the dotted paths of `node` in the two spellings; `renamed`
    /// collects canonical path → written path of every key renamed.
    mutating func walk(_ node: Node, fields: MappingTree.Fields?, values: MappingTree.Values?,
                       written: String, canonical: String, renamed: inout [String: String]) throws(LoadError) {
        if node.kind == .list {
            // Lists are transparent in mapping paths: `milestones.due` maps each milestone's due.
            for item in node.items where item.kind == .map || item.kind == .list {
                try walk(item, fields: fields, values: values, written: written, canonical: canonical, renamed: &renamed)
            }
            return
        }
        guard node.kind == .map else { return }
        let renames = fields?.renames ?? [:]
        if renames.isEmpty, fields?.children.isEmpty ?? true {
            // Nothing to rename at this level or below: look up the fields with value tables
            // instead of reading every key (an identity mapping costs a lookup per record).
            guard let values else { return }
            for (name, table) in values.orderedTables { if let value = node[name] { rewrite(value, with: table) } }
            for (name, child) in values.orderedChildren {
                if let value = node[name] {
                    try walk(value, fields: nil, values: child, written: Self.join(written, name), canonical: Self.join(canonical, name), renamed: &renamed)
                }
            }
            return
        }
        var renamedHere: Set<String> = []
        for (key, value) in zip(node.keys, node.values) {
            let text = key.scalarText ?? ""
            var name = text
            if let new = renames[text], new != text {
                name = new
                rename(key, to: new)
                renamedHere.insert(new)
                renamed[Self.join(canonical, new)] = Self.join(written, text)
            }
            if let table = values?.tables[name] { rewrite(value, with: table) }
            let childFields = fields?.children[text], childValues = values?.children[name]
            if childFields != nil || childValues != nil {
                try walk(value, fields: childFields, values: childValues,
                         written: Self.join(written, text), canonical: Self.join(canonical, name), renamed: &renamed)
            }
        }
        // Only a map where a key was renamed can hold two spellings of one field; checking
        // there alone keeps a mapping that renames nothing in this record free.
        if !renamedHere.isEmpty { try Self.refuseTwoSpellings(in: node, renames: renames, renamed: renamedHere) }
    }

    /// A record writing both `牵头单位` and `lead` (or two spellings mapped to one field) cannot
    /// be read one way: an error at the second key.
    static func refuseTwoSpellings(in node: Node, renames: [String: String], renamed: Set<String>) throws(LoadError) {
        var seen: [String: Node] = [:]
        for key in node.keys {
            let text = key.scalarText ?? ""
            let name = renames[text] ?? text
            if let other = seen[name], renamed.contains(name) {
                throw LoadError(at: key, "`mapping:` maps both `\(other.scalarText ?? "")` (line \(other.line)) and `\(text)` to `\(name)`; a record may write only one of them")
            }
            seen[name] = key
        }
    }

    static func join(_ path: String, _ segment: String) -> String { path.isEmpty ? segment : path + "." + segment }

    /// Rewrites a scalar, or each scalar of a list (`lead: [发改局, 财政局]`), found in `table`.
    private mutating func rewrite(_ value: Node, with table: [String: MappedValue]) {
        if value.kind == .list {
            for item in value.items { rewrite(item, with: table) }
            return
        }
        guard value.kind != .map, let text = value.scalarText, let canonical = table[text] else { return }
        // A word mapped to itself (`done: done`) leaves the node, and the document, as they are.
        if case .string(let same) = canonical, same == text, value.kind == .string { return }
        set(value.index, to: canonical)
    }

    private mutating func rename(_ key: Node, to name: String) {
        setString(key.index, name)
    }

    private mutating func set(_ id: Int32, to value: MappedValue) {
        edited = true
        let i = Int(id)
        switch value {
        case .string(let text):
            setString(id, text)
        case .integer(let n):
            storage.kinds[i] = .integer
            storage.payloads[i] = UInt32(truncatingIfNeeded: storage.numbers.count)
            storage.numbers.append(n)
            storage.counts[i] = 0
        case .double(let d):
            storage.kinds[i] = .double
            storage.payloads[i] = UInt32(truncatingIfNeeded: storage.numbers.count)
            storage.numbers.append(Int64(bitPattern: d.bitPattern))
            storage.counts[i] = 0
        case .bool(let b):
            storage.kinds[i] = .bool
            storage.payloads[i] = b ? 1 : 0
            storage.counts[i] = 0
        case .null:
            storage.kinds[i] = .null
            storage.payloads[i] = 0
            storage.counts[i] = 0
        }
    }

    /// Points a node at `text`, appended to the byte buffer once per distinct text (the bytes
    /// it held before stay where they are, unreferenced).
    private mutating func setString(_ id: Int32, _ text: String) {
        edited = true
        let offset: UInt32
        if let known = appended[text] {
            offset = known
        } else {
            offset = UInt32(truncatingIfNeeded: storage.bytes.count)
            storage.bytes.append(contentsOf: Array(text.utf8))
            appended[text] = offset
        }
        let i = Int(id)
        storage.kinds[i] = .string
        storage.payloads[i] = offset
        storage.counts[i] = UInt32(text.utf8.count)
    }

    func finish(writtenNames: WrittenNames?) -> Document {
        Document(file: original.file, roots: original.roots, storage: storage, sheets: original.sheetRuns,
                 writtenNames: writtenNames ?? original.writtenNames, loadFindings: original.loadFindings,
                 cells: original.cells)
    }
}

extension NodeStorage {
    /// The storage of a frozen document, to edit a copy of it (arrays are shared until written).
    init(copying document: Document) {
        self.init()
        kinds = document.kinds
        positions = document.positions
        payloads = document.payloads
        numbers = document.numbers
        counts = document.counts
        children = document.children
        bytes = document.bytes
        quotedScalars = document.quotedScalars.isEmpty ? nil : document.quotedScalars
    }
}
