/// Turns the rows of one table (a CSV file or a worksheet) into records in node storage:
/// finds the header row, maps headers to fields, and builds one map per data row.
///
/// Two modes. A *mapped* table (one named in `tables:`, or whose header has at least two
/// well-known ledger headers) reads like a YAML plan: cells are trimmed, empty cells are left
/// out (as a YAML plan leaves out what the document does not say), multi-unit cells become
/// lists and status words are mapped. A *raw* table keeps every cell exactly as written, empty
/// ones as "" — the faithful reading of an arbitrary CSV.
struct TableMapper {
    let file: String
    let sheet: String?
    let source: TableSource?
    /// The table's `columns`/`values`, over the config's `mapping:` for its collection, over
    /// the built-in ledger aliases (unless `aliases: false`): one `FieldMapping`.
    let mapping: FieldMapping
    /// Whether the user mapped any header (then one recognised header is enough to find the header row).
    let userMapsHeaders: Bool
    /// The headers the user mapped (normalised), which the built-in reading of 责任单位 leaves alone.
    let userHeaders: Set<String>
    /// CSV rows whose field count differs from the header's are an error (usually a wrong
    /// delimiter or a lost quote), and so is a CSV without any row; spreadsheets often keep
    /// notes to the right of a table, which are ignored.
    let strictWidth: Bool

    private(set) var records: [Int32] = []
    private(set) var mapped = false
    private(set) var headerLine = 1

    private var pendingRows: [TableRow] = []
    private var fieldsByColumn: [String?] = []
    private var fieldKeys: [[UInt8]] = []
    /// Fields in the header row, empty ones included (CSV: the number every row must have).
    private var headerFields = 0
    private var haveHeader = false
    private var split: Set<String> = []
    private var separators: Set<Character> = HeaderAliases.separators
    private var entries: [Int32] = []
    private var separatorBytes: [[UInt8]] = []
    private var columnSplits: [Bool] = []
    private var columnValues: [[(written: [UInt8], value: MappedValue)]?] = []
    /// Canonical field → header as written, for the columns the mapping renamed.
    private(set) var renamedColumns: [String: String] = [:]
    /// Column → header as written (trimmed), every non-empty header cell: findings name the
    /// column of their cell by it.
    private(set) var headers: [Int: String] = [:]
    /// Field (as records name it) → its column, so a field a row leaves empty still has a cell.
    private(set) var fieldColumns: [String: Int] = [:]

    /// Rows looked at when detecting the header.
    static let headerSearchRows = 30

    /// - Parameter configMapping: the configuration's `mapping:` for this table's collection.
    init(file: String, sheet: String?, source: TableSource?, configMapping: FieldMapping = FieldMapping(), strictWidth: Bool) {
        self.file = file
        self.sheet = sheet
        self.source = source
        self.strictWidth = strictWidth
        var mapping = (source?.mapping ?? FieldMapping()).layered(over: configMapping)
        if source?.aliases ?? true { mapping = mapping.layered(over: HeaderAliases.mapping) }
        self.mapping = mapping
        userMapsHeaders = source?.mapping.fields.isEmpty == false || !configMapping.fields.isEmpty
        userHeaders = Set((source?.mapping ?? FieldMapping()).layered(over: configMapping).fields.map { Self.normalizeHeader($0.written) })
    }

    /// The collection the records belong under.
    var collection: String { source?.collection ?? (mapped ? "tasks" : "rows") }

    mutating func consume(_ row: inout TableRow, into storage: inout NodeStorage) throws(LoadError) {
        // A text table is held to a spreadsheet's 16 384 columns (XLSX is, by its references):
        // wider is no plan table, and mapping a million header cells took half a minute.
        if strictWidth, row.cells.count > CellAddress.maxColumn {
            throw LoadError(file: file, line: row.number, column: 1,
                            message: "the row on line \(row.number) has \(row.cells.count) fields, more than the \(CellAddress.maxColumn) columns a table may have (a spreadsheet's limit)")
        }
        if haveHeader {
            try emit(row, into: &storage)
            return
        }
        if let wanted = source?.headerRow {
            if row.number >= wanted {
                guard row.number == wanted, !row.isBlank else {
                    throw LoadError(file: file, line: wanted, column: 1, message: "\(place(wanted, 1)): the header row \(wanted) (`headerRow`) is empty")
                }
                try useHeader(row)
            }
            return
        }
        if !row.isBlank { pendingRows.append(row) }
        if pendingRows.count >= Self.headerSearchRows { try detectHeader(into: &storage) }
    }

    /// Called after the last row.
    mutating func finish(into storage: inout NodeStorage) throws(LoadError) {
        if !haveHeader { try detectHeader(into: &storage) }
    }

    private mutating func detectHeader(into storage: inout NodeStorage) throws(LoadError) {
        // Rows of spaces and tabs alone (a blank TSV line is two empty fields) are no header either.
        let blank = !pendingRows.contains { row in row.cells.contains { !row.text($0).allSatisfy(\.isWhitespace) } }
        guard !blank else {
            if strictWidth {
                throw LoadError(file: file, line: 1, column: 1, message: "the file has no header row: it is empty or blank; a table starts with a row of column names")
            }
            haveHeader = true
            return
        }
        let known = knownHeaders
        var best = -1, bestScore = 0
        for (i, row) in pendingRows.enumerated() {
            let score = row.cells.reduce(0) { $0 + (known.contains(Self.normalizeHeader(row.text($1))) ? 1 : 0) }
            if score > bestScore { best = i; bestScore = score }
        }
        let required = userMapsHeaders ? 1 : 2
        if bestScore < required {
            // No recognisable header: the first row whose values are all different (a title
            // merged across the table repeats itself in every cell).
            best = pendingRows.firstIndex { row in
                let texts = row.cells.map { row.text($0) }.filter { !$0.isEmpty }
                return Set(texts).count == texts.count
            } ?? 0
        }
        try useHeader(pendingRows[best])
        let rest = pendingRows[(best + 1)...]
        pendingRows = []
        for var row in rest { try consume(&row, into: &storage) }
    }

    private var knownHeaders: Set<String> { Set(mapping.fields.map { Self.normalizeHeader($0.written) }) }

    /// Headers are matched without spaces and line breaks (`完成\n时限` in a wrapped header cell).
    static func normalizeHeader(_ text: String) -> String {
        String(text.unicodeScalars.filter { !$0.properties.isWhitespace }.map(Character.init))
    }

    private mutating func useHeader(_ header: TableRow) throws(LoadError) {
        haveHeader = true
        headerLine = header.number
        headerFields = Int(header.cells.last?.column ?? 0)
        let useAliases = source?.aliases ?? true
        let renames = mapping.topLevelRenames
        var normalizedRenames: [String: String] = [:]
        for (written, field) in mapping.fields where normalizedRenames[Self.normalizeHeader(written)] == nil {
            normalizedRenames[Self.normalizeHeader(written)] = field
        }
        let headerCells = header.cells.compactMap { cell -> (cell: TableCell, written: String, field: String?)? in
            let written = Self.trim(header.text(cell))
            guard !written.isEmpty else { return nil }
            return (cell, written, renames[written] ?? normalizedRenames[Self.normalizeHeader(written)])
        }
        // A 责任单位 column read through the built-in aliases takes its role from its neighbours.
        let others = headerCells.compactMap { $0.field == "responsible" ? nil : $0.field }
        let named = headerCells.map { entry in
            guard entry.field == "responsible", useAliases, !userHeaders.contains(Self.normalizeHeader(entry.written)) else { return entry }
            return (entry.cell, entry.written, HeaderAliases.responsibleRole(besides: others))
        }
        let recognised = named.filter { $0.field != nil }.count
        mapped = source != nil || recognised >= 2
        var seen: [String: TableCell] = [:]
        for (cell, written, field) in named {
            // A raw table keeps its headers as written.
            let name = mapped ? field ?? written : written
            if let other = seen[name] {
                throw LoadError(file: file, line: header.number, column: Int(cell.column),
                                message: "\(place(header.number, Int(cell.column))): column `\(written)` maps to field `\(name)`, as column \(place(header.number, Int(other.column))) does; map one of them to another field in `tables: columns:`")
            }
            seen[name] = cell
            let column = Int(cell.column)
            if fieldsByColumn.count <= column {
                fieldsByColumn += Array(repeating: nil, count: column + 1 - fieldsByColumn.count)
                fieldKeys += Array(repeating: [], count: column + 1 - fieldKeys.count)
            }
            fieldsByColumn[column] = name
            headers[column] = written
            fieldColumns[name] = column
            if name != written { renamedColumns[name] = written }
            fieldKeys[column] = Array(name.utf8)
        }
        if mapped {
            let values = mapping.values
            split = source?.split ?? (useAliases ? HeaderAliases.splitFields : [])
            separators = source?.separators ?? HeaderAliases.separators
            // Per-column byte forms, so the per-cell work allocates no String.
            separatorBytes = separators.map { Array(String($0).utf8) }
            columnSplits = fieldsByColumn.map { $0.map(split.contains) ?? false }
            columnValues = fieldsByColumn.map { field in
                field.flatMap { values[$0] }.map { $0.map { (Array($0.key.utf8), $0.value) } }
            }
        }
    }

    /// A CSV row has as many fields as the header row. Empty fields past the header's end are
    /// tolerated (some exporters end every line with a delimiter); a missing field or a value
    /// past the end means the row was split differently from the header.
    private func checkWidth(_ row: TableRow) throws(LoadError) {
        let fields = Int(row.cells.last?.column ?? 0)
        if fields < headerFields {
            throw LoadError(file: file, line: row.number, column: fields,
                            message: "the row starting on line \(row.number) has \(fields) field\(fields == 1 ? "" : "s"), but the header (line \(headerLine)) has \(headerFields); is the delimiter right, or a quote missing?")
        }
        if let extra = row.cells.first(where: { Int($0.column) > headerFields && !($0.kind == .text && $0.length == 0) }) {
            throw LoadError(file: file, line: Int(extra.line), column: Int(extra.column),
                            message: "the row starting on line \(row.number) has \(fields) fields, with a value in field \(extra.column), but the header (line \(headerLine)) has \(headerFields); is the delimiter right, or a quote missing?")
        }
    }

    /// `Sheet1!D12` for worksheets, `line 12, field 4` for CSV.
    func place(_ row: Int, _ column: Int) -> String {
        if let sheet { return sheet + "!" + CellAddress.name(row: row, column: column) }
        return "line \(row), field \(column)"
    }

    private mutating func emit(_ row: TableRow, into storage: inout NodeStorage) throws(LoadError) {
        if row.isBlank { return }
        if strictWidth { try checkWidth(row) }
        entries.removeAll(keepingCapacity: true)
        let record = storage.append(.map, line: row.number, column: row.cells.first.map { Int($0.column) } ?? 1, payload: 0, count: 0)
        for cell in row.cells {
            let column = Int(cell.column)
            guard column < fieldsByColumn.count, fieldsByColumn[column] != nil else { continue }
            let line = Int(cell.line), col = Int(cell.sourceColumn)
            guard let value = value(of: cell, in: row, column: column, line: line, sourceColumn: col, storage: &storage) else { continue }
            let key = fieldKeys[column].withUnsafeBufferPointer { storage.appendString($0, line: line, column: col) }
            entries.append(key)
            entries.append(value)
        }
        storage.close(container: record, with: entries[...], isMap: true)
        // A row with values only outside the table's columns (notes beside it) is no record.
        if !entries.isEmpty || !mapped { records.append(record) }
    }

    /// The node for a cell, or nil when a mapped table leaves the (empty) cell out.
    private func value(of cell: TableCell, in row: TableRow, column: Int, line: Int, sourceColumn: Int,
                       storage: inout NodeStorage) -> Int32? {
        switch cell.kind {
        case .bool:
            return storage.append(.bool, line: line, column: sourceColumn, payload: cell.number != 0 ? 1 : 0, count: 0)
        case .number:
            let plain = !mapped || (columnValues[column] == nil && !columnSplits[column])
            if plain { return number(cell.number, line: line, column: sourceColumn, storage: &storage) }
            // A number in a split or value-mapped column is treated as its text.
            let text = Array(Node.format(cell.number).utf8)
            return text.withUnsafeBufferPointer { mappedText($0, column: column, line: line, sourceColumn: sourceColumn, storage: &storage) }
        case .text:
            return row.bytes.withUnsafeBufferPointer { all in
                let bytes = UnsafeBufferPointer(rebasing: all[Int(cell.start)..<Int(cell.start + cell.length)])
                if !mapped { return storage.appendString(bytes, line: line, column: sourceColumn) }
                return mappedText(Self.trim(bytes), column: column, line: line, sourceColumn: sourceColumn, storage: &storage)
            }
        }
    }

    /// Trimmed text of a mapped column: left out when empty, then value-mapped or split.
    private func mappedText(_ text: UnsafeBufferPointer<UInt8>, column: Int, line: Int, sourceColumn: Int,
                            storage: inout NodeStorage) -> Int32? {
        if text.isEmpty { return nil }
        if let map = columnValues[column], let hit = map.first(where: { $0.written.elementsEqual(text) }) {
            return Self.append(hit.value, line: line, column: sourceColumn, storage: &storage)
        }
        guard columnSplits[column] else { return storage.appendString(text, line: line, column: sourceColumn) }
        var items: [Int32] = []
        var start = 0, i = 0
        func flush(_ end: Int) {
            let part = Self.trim(UnsafeBufferPointer(rebasing: text[start..<end]))
            if !part.isEmpty { items.append(storage.appendString(part, line: line, column: sourceColumn)) }
        }
        while i < text.count {
            if let separator = separatorBytes.first(where: { Self.hasPrefix(text, at: i, $0) }) {
                flush(i)
                i += separator.count
                start = i
            } else {
                i += 1
            }
        }
        flush(text.count)
        let list = storage.append(.list, line: line, column: sourceColumn, payload: 0, count: 0)
        storage.close(container: list, with: items[...], isMap: false)
        return list
    }

    /// A mapped value as a node at the cell's place.
    static func append(_ value: MappedValue, line: Int, column: Int, storage: inout NodeStorage) -> Int32 {
        switch value {
        case .string(var text): return text.withUTF8 { storage.appendString($0, line: line, column: column) }
        case .integer(let n): return storage.append(.integer, line: line, column: column, payload: n, count: 0)
        case .double(let d): return storage.append(.double, line: line, column: column, payload: Int64(bitPattern: d.bitPattern), count: 0)
        case .bool(let b): return storage.append(.bool, line: line, column: column, payload: b ? 1 : 0, count: 0)
        case .null: return storage.append(.null, line: line, column: column, payload: 0, count: 0)
        }
    }

    @inline(__always)
    static func hasPrefix(_ text: UnsafeBufferPointer<UInt8>, at i: Int, _ prefix: [UInt8]) -> Bool {
        guard !prefix.isEmpty, i + prefix.count <= text.count else { return false }
        for k in 0..<prefix.count where text[i + k] != prefix[k] { return false }
        return true
    }

    /// Trims ASCII whitespace, no-break spaces (U+00A0) and ideographic spaces (U+3000) at the
    /// byte level (every cell of a large CSV passes here).
    static func trim(_ b: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        var start = 0, end = b.count
        while start < end {
            if b[start] == 0x20 || (0x09...0x0D).contains(b[start]) { start += 1 }
            else if b[start] == 0xC2, start + 1 < end, b[start + 1] == 0xA0 { start += 2 }
            else if b[start] == 0xE3, start + 2 < end, b[start + 1] == 0x80, b[start + 2] == 0x80 { start += 3 }
            else { break }
        }
        while end > start {
            if b[end - 1] == 0x20 || (0x09...0x0D).contains(b[end - 1]) { end -= 1 }
            else if end - start >= 2, b[end - 2] == 0xC2, b[end - 1] == 0xA0 { end -= 2 }
            else if end - start >= 3, b[end - 3] == 0xE3, b[end - 2] == 0x80, b[end - 1] == 0x80 { end -= 3 }
            else { break }
        }
        return UnsafeBufferPointer(rebasing: b[start..<end])
    }

    /// Whole numbers are integers (as `12` is in YAML); others doubles.
    private func number(_ value: Double, line: Int, column: Int, storage: inout NodeStorage) -> Int32 {
        if value == value.rounded(), abs(value) < 9_007_199_254_740_992 {
            return storage.append(.integer, line: line, column: column, payload: Int64(value), count: 0)
        }
        return storage.append(.double, line: line, column: column, payload: Int64(bitPattern: value.bitPattern), count: 0)
    }

    /// Trims spaces, tabs, line breaks, no-break and ideographic (full-width) spaces.
    static func trim(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last,
              first.properties.isWhitespace || last.properties.isWhitespace else { return text }
        let scalars = text.unicodeScalars
        guard let start = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let end = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(scalars[start...end])
    }
}
