/// One `tables:` entry of `.plancheck.yml`: how a CSV/TSV file or a worksheet becomes records.
///
/// ```yaml
/// tables:
///   - file: ledger.xlsx        # relative to the configuration file
///     sheet: 任务台账            # default: the first worksheet
///     collection: tasks         # the key the records are listed under (default: see below)
///     headerRow: 2              # default: detected (ledgers put a title row above the header)
///     columns: {任务名称: title, 主责处室: lead}   # header → field, on top of the built-in aliases
///     split: [lead, participants]                # fields split into lists of names
///     separators: "、，,；;"                       # default 、，,；; and line breaks
///     values: {status: {已完成: done}}             # per-field value maps, on top of the built-in ones
///     encoding: gb18030         # CSV/TSV: auto (default), utf-8, utf-16, utf-16le, utf-16be, gb18030
///     delimiter: ";"            # CSV/TSV: detected by default (.tsv: tab)
///     aliases: true             # use the built-in Chinese header aliases (default true)
/// ```
public struct TableSource: Sendable {
    public var file: String
    public var sheet: String?
    public var collection: String?
    public var headerRow: Int?
    public var columns: [String: String] = [:]
    public var aliases = true
    public var split: Set<String>?
    public var separators: Set<Character>?
    public var values: [String: [String: String]] = [:]
    public var encoding: TextEncoding = .auto
    public var delimiter: UInt8?

    public init(file: String) { self.file = file }

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
            for (header, field) in columns.entries {
                guard let name = field.string, !name.isEmpty else { throw LoadError(at: field, "`columns` maps header `\(header)` to a field name (a string)") }
                source.columns[header] = name
            }
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
        if let values = node["values"] {
            guard values.kind == .map else { throw LoadError(at: values, "`values` maps fields to {as written: value}, e.g. {status: {已完成: done}}") }
            for (field, map) in values.entries {
                guard map.kind == .map else { throw LoadError(at: map, "`values.\(field)` maps cell text to values, e.g. {已完成: done}") }
                var table: [String: String] = [:]
                for (written, value) in map.entries {
                    guard let text = value.scalarText, value.kind != .list, value.kind != .map else { throw LoadError(at: value, "`values.\(field).\(written)` is a single value") }
                    table[written] = text
                }
                source.values[field] = table
            }
        }
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
