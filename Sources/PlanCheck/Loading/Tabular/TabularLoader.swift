/// Loads CSV/TSV files and XLSX workbooks into documents shaped like the YAML datasets:
/// `{tasks: [{id: …, lead: […], …}, …]}`, every cell node located at its row and column.
public enum TabularLoader {
    /// Extensions read as delimited text. `.txt` is what Excel calls "Unicode text" (UTF-16,
    /// tab-separated); it is read when named explicitly, never picked up from a folder.
    public static let textExtensions: Set<String> = ["csv", "tsv", "tab", "txt"]
    public static let workbookExtensions: Set<String> = ["xlsx", "xlsm"]

    /// - Parameter sources: the configuration's `tables:` entries; those whose `file` is this
    ///   file apply (compared after normalising both paths).
    /// - Parameter mapping: the configuration's `mapping:`; the entry for a table's collection
    ///   maps its headers and cells, under the table's own `columns`/`values`.
    public static func load(bytes: [UInt8], file: String, sources: [TableSource] = [], mapping: DatasetMapping = DatasetMapping(),
                            limits: LoadLimits = .default, xlsxLimits: XLSXLimits? = nil) throws(LoadError) -> Document {
        if bytes.count > limits.maxFileBytes {
            throw LoadError(file: file, line: 1, column: 1, message: "file is larger than the \(limits.maxFileBytes)-byte limit")
        }
        let ext = file.split(separator: ".").last.map { $0.lowercased() } ?? ""
        if (file.split(separator: "/").last ?? "").hasPrefix("~$") {
            throw LoadError(file: file, line: 1, column: 1, message: "this is the lock file Excel or WPS keeps while a workbook is open, not a workbook; close the workbook (the file then goes away)")
        }
        let mine = sources.filter { FileSystem.normalize($0.file) == FileSystem.normalize(file) }
        var builder = TabularDocumentBuilder(file: file, expectedBytes: bytes.count)
        if workbookExtensions.contains(ext) {
            let workbook = try XLSXWorkbook(bytes: bytes, file: file, limits: xlsxLimits ?? limits.workbook)
            let reader = XLSXSheetReader(workbook: workbook)
            for source in mine.isEmpty ? [nil] : mine.map(Optional.some) {
                let sheet = try pick(source?.sheet, in: workbook)
                var mapper = TableMapper(file: file, sheet: sheet.name, source: source,
                                         configMapping: mapping.fieldMapping(collection: source?.collection ?? "tasks", file: file), strictWidth: false)
                builder.beginSheet(sheet.name)
                for var row in try reader.rows(of: sheet) { try mapper.consume(&row, into: &builder.storage) }
                try mapper.finish(into: &builder.storage)
                builder.add(mapper)
            }
        } else {
            if mine.count > 1 {
                throw LoadError(file: file, line: 1, column: 1, message: "\(mine.count) `tables` entries name this file; a text table has one sheet, so give it one entry")
            }
            let source = mine.first
            if let sheet = source?.sheet {
                throw LoadError(file: file, line: 1, column: 1, message: "the `tables` entry for this file names sheet `\(sheet)`, but CSV/TSV files have no sheets; remove `sheet`")
            }
            let (text, _) = try TextDecoder.decode(bytes, as: source?.encoding ?? .auto, file: file)
            try rejectNUL(text, file: file)
            if text.count > limits.maxTextTableBytes {
                throw LoadError(file: file, line: 1, column: 1, message: "the table is larger than the \(limits.maxTextTableBytes)-byte limit for CSV/TSV files; split it")
            }
            let delimiter = source?.delimiter ?? CSVReader.detectDelimiter(text, fileExtension: ext == "txt" ? "tsv" : ext)
            var mapper = TableMapper(file: file, sheet: nil, source: source,
                                     configMapping: mapping.fieldMapping(collection: source?.collection ?? "tasks", file: file), strictWidth: true)
            var rowCount = 0
            try CSVReader(file: file, delimiter: delimiter).read(text) { (row) throws(LoadError) in
                // Excel gives every record a row, blank lines included.
                rowCount += 1
                builder.rows.add(firstLine: row.number, lastLine: row.lastLine, row: rowCount)
                try mapper.consume(&row, into: &builder.storage)
            }
            try mapper.finish(into: &builder.storage)
            builder.add(mapper)
        }
        return builder.finish()
    }

    /// A NUL byte is no text: it means a binary file named .csv, or a UTF-16 file whose
    /// encoding was given wrongly; read on, it would end up inside a field.
    static func rejectNUL(_ text: [UInt8], file: String) throws(LoadError) {
        guard let offset = text.firstIndex(of: 0) else { return }
        let (line, column) = text.withUnsafeBufferPointer { LoadError.position(of: offset, in: $0) }
        throw LoadError(file: file, line: line, column: column, message: "the file contains a NUL byte (0x00), which no text table has; is it a binary file, or UTF-16 read with the wrong `encoding`?")
    }

    static func pick(_ name: String?, in workbook: XLSXWorkbook) throws(LoadError) -> XLSXWorkbook.Sheet {
        guard let name else { return workbook.sheets[0] }
        if let sheet = workbook.sheets.first(where: { $0.name == name }) { return sheet }
        let names = workbook.sheets.map { "`\($0.name)`" }.joined(separator: ", ")
        throw LoadError(file: workbook.file, line: 1, column: 1, message: "the workbook has no sheet `\(name)`; its sheets are \(names)")
    }

    /// The sheet names of a workbook, in order (for tools and error messages).
    public static func sheetNames(bytes: [UInt8], file: String) throws(LoadError) -> [String] {
        try XLSXWorkbook(bytes: bytes, file: file).sheets.map(\.name)
    }
}

/// Collects the records of one or more tables under their collections in a root map.
struct TabularDocumentBuilder {
    let file: String
    var storage: NodeStorage
    var sheetRuns: [SheetRun] = []
    private var root: Int32
    private var collections: [(name: String, line: Int, records: [Int32])] = []
    private var writtenNames = WrittenNames.Builder()
    private var tables: [TabularCells.Table] = []
    /// CSV: the rows of records spanning lines.
    var rows = SpreadsheetRows()

    init(file: String, expectedBytes: Int) {
        self.file = file
        storage = NodeStorage(expectedBytes: expectedBytes)
        root = storage.append(.map, line: 1, column: 1, payload: 0, count: 0)
    }

    mutating func beginSheet(_ name: String) {
        sheetRuns.append(SheetRun(start: Int32(storage.kinds.count), name: name))
    }

    mutating func add(_ mapper: TableMapper) {
        // The table's records and everything in them (appended since its first record).
        if let first = mapper.records.first {
            let end = Int32(storage.kinds.count - 1)
            writtenNames.add(start: first, end: end, names: mapper.renamedColumns)
            tables.append(TabularCells.Table(start: first, end: end, headers: mapper.headers, columns: mapper.fieldColumns))
        }
        if let i = collections.firstIndex(where: { $0.name == mapper.collection }) {
            collections[i].records += mapper.records
        } else {
            collections.append((mapper.collection, mapper.headerLine, mapper.records))
        }
    }

    mutating func finish() -> Document {
        var entries: [Int32] = []
        // Collection keys and lists stand at the header row; they belong to no sheet run's
        // cells, so they are appended after a run marker that names no sheet.
        if !sheetRuns.isEmpty { sheetRuns.append(SheetRun(start: Int32(storage.kinds.count), name: nil)) }
        for collection in collections {
            var name = collection.name
            let key = name.withUTF8 { storage.appendString($0, line: collection.line, column: 1) }
            let list = storage.append(.list, line: collection.line, column: 1, payload: 0, count: 0)
            storage.close(container: list, with: collection.records[...], isMap: false)
            entries.append(key)
            entries.append(list)
        }
        storage.close(container: root, with: entries[...], isMap: true)
        let cells = TabularCells(tables: tables, rows: rows.isEmpty ? nil : rows)
        return Document(file: file, roots: [root], storage: storage, sheets: sheetRuns, writtenNames: writtenNames.build(),
                        cells: tables.isEmpty ? nil : cells)
    }
}
