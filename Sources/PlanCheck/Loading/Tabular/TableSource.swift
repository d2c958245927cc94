/// One `tables:` entry of `.plancheck.yml`: how a CSV/TSV file or a worksheet becomes records.
///
/// ```yaml
/// tables:
///   - file: ledger.xlsx        # relative to the configuration file
///     sheet: 任务台账            # default: the first worksheet
///     collection: tasks         # the key the records are listed under (default: see below)
///     headerRow: 2              # default: detected (ledgers put a title row above the header)
///     columns: {任务名称: title, 主责处室: lead}   # header → field, on top of `mapping:` and the built-in aliases
///     split: [lead, participants]                # fields split into lists of names
///     separators: "、，,；;"                       # default 、，,；; and line breaks
///     values: {status: {已完成: done}}             # per-field value maps, on top of `mapping:` and the built-in ones
///     encoding: gb18030         # CSV/TSV: auto (default), utf-8, utf-16, utf-16le, utf-16be, gb18030
///     delimiter: ";"            # CSV/TSV: detected by default (.tsv: tab)
///     aliases: true             # use the built-in Chinese header aliases (default true)
/// ```
///
/// `columns` and `values` are this table's own layer of the shared mapping (`FieldMapping`):
/// the mapper layers them over the configuration's `mapping:` entry for the table's collection
/// and over the built-in ledger aliases, so a header or a value is mapped one way everywhere.
public struct TableSource: Sendable {
    public var file: String
    public var sheet: String?
    public var collection: String?
    public var headerRow: Int?
    /// This table's own field and value mapping (`columns:`, `values:`).
    public var mapping = FieldMapping()
    public var aliases = true
    public var split: Set<String>?
    public var separators: Set<Character>?
    public var encoding: TextEncoding = .auto
    public var delimiter: UInt8?

    public init(file: String) { self.file = file }

    /// Header → field (`columns:`): the mapping's top-level renames.
    public var columns: [String: String] {
        get { mapping.topLevelRenames }
        set {
            var new = FieldMapping()
            for (header, field) in newValue.sorted(by: { $0.key < $1.key }) { new.addField(written: header, canonical: field) }
            mapping = new.layered(over: mappingValuesOnly)
        }
    }

    /// Field → {as written: value} (`values:`), as text.
    public var values: [String: [String: String]] {
        get { mapping.values.mapValues { $0.mapValues(\.text) } }
        set {
            var new = FieldMapping()
            for (header, field) in columns.sorted(by: { $0.key < $1.key }) { new.addField(written: header, canonical: field) }
            for (field, table) in newValue { for (written, value) in table { new.addValue(field: field, written: written, canonical: .string(value)) } }
            mapping = new
        }
    }

    private var mappingValuesOnly: FieldMapping {
        var result = FieldMapping()
        for (field, table) in mapping.values { for (written, value) in table { result.addValue(field: field, written: written, canonical: value) } }
        return result
    }

    static let keys = ["file", "sheet", "collection", "headerRow", "columns", "aliases", "split", "separators", "values", "encoding", "delimiter"]

    /// Reads the `tables:` list of a configuration; files are resolved against `base`.
    static func parseList(_ node: Node, base: String) throws(LoadError) -> [TableSource] {
        guard node.kind == .list else { throw LoadError(at: node, "`tables` is a list of {file, sheet, collection, headerRow, columns, …}") }
        return try node.items.map { (item) throws(LoadError) -> TableSource in try parse(item, base: base) }
    }

    static func parse(_ node: Node, base: String) throws(LoadError) -> TableSource {
        guard node.kind == .map else { throw LoadError(at: node, "a `tables` entry is a map with `file` and optional \(keys.dropFirst().joined(separator: ", "))") }
        try RuleFileLoader.checkKeys(node, allowed: keys, what: "`tables` entry")
        guard let file = node["file"]?.string, !file.isEmpty else { throw LoadError(at: node, "a `tables` entry needs `file`") }
        var source = TableSource(file: FileSystem.join(base, file))
        source.sheet = try string(node, "sheet")
        source.collection = try string(node, "collection")
        if let row = node["headerRow"] {
            guard let n = row.integer, n >= 1 else { throw LoadError(at: row, "`headerRow` is a row number (1 is the first row)") }
            source.headerRow = Int(n)
        }
        if let columns = node["columns"] {
            guard columns.kind == .map else { throw LoadError(at: columns, "`columns` maps headers to field names, e.g. {牵头单位: lead}") }
            try source.mapping.parseFields(columns, what: "`columns`")
        }
        if let aliases = node["aliases"] {
            guard let flag = aliases.bool else { throw LoadError(at: aliases, "`aliases` is true or false") }
            source.aliases = flag
        }
        if node["split"] != nil { source.split = Set(try Configuration.strings(node, "split")) }
        if let separators = node["separators"] {
            guard let text = separators.string, !text.isEmpty else { throw LoadError(at: separators, "`separators` is a string of separator characters, e.g. \"、，,；\"") }
            source.separators = Set(text)
        }
        if let values = node["values"] { try source.mapping.parseValues(values, what: "`values`") }
        if let encoding = node["encoding"] {
            guard let name = encoding.string, let value = TextEncoding(name: name) else {
                throw LoadError(at: encoding, "`encoding` is one of \(TextEncoding.allCases.map(\.rawValue).joined(separator: ", ")) (gbk and gb2312 read as gb18030)")
            }
            source.encoding = value
        }
        if let delimiter = node["delimiter"] {
            let text = delimiter.string == "tab" ? "\t" : delimiter.string ?? ""
            guard text.utf8.count == 1, let byte = text.utf8.first, byte != 0x22, byte != 0x0A, byte != 0x0D else {
                throw LoadError(at: delimiter, "`delimiter` is one ASCII character (\",\", \";\", \"|\") or `tab`")
            }
            source.delimiter = byte
        }
        return source
    }

    static func string(_ node: Node, _ key: String) throws(LoadError) -> String? {
        guard let value = node[key], !value.isNull else { return nil }
        guard let text = value.scalarText, value.kind != .list, value.kind != .map else { throw LoadError(at: value, "`\(key)` is a string") }
        return text
    }
}
