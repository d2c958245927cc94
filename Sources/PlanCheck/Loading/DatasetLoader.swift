/// Chooses a loader by file extension.
public enum DatasetLoader {
    /// Extensions `check` picks up when walking a directory: Word plans (.docx) are, plain-text
    /// and Markdown plans (.txt, .md) only when named, since a folder's READMEs, notes and golden
    /// outputs are .txt and .md too.
    public static let extensions: Set<String> = ["yaml", "yml", "json", "jsonl", "csv", "tsv", "xlsx", "docx"]

    /// - Parameters:
    ///   - tables: the configuration's `tables:` entries (column mapping for CSV/XLSX).
    ///   - mapping: the configuration's `mapping:` (field names and values → the canonical model).
    public static func load(path: String, limits: LoadLimits = .default, parallelism: Int = 1,
                            tables: [TableSource] = [], mapping: DatasetMapping = DatasetMapping()) throws(LoadError) -> Document {
        if parallelism <= ParallelYAMLLoader.minimumThreads, isYAML(path) {
            return try DocumentMapper.apply(mapping, to: requireRecords(YAMLLoader.load(path: path, limits: limits, threads: parallelism)))
        }
        let bytes = try FileReader.read(path)
        return try load(bytes: bytes, file: path, limits: limits, parallelism: parallelism, tables: tables, mapping: mapping)
    }

    static func isYAML(_ path: String) -> Bool {
        guard let ext = path.split(separator: "/").last?.split(separator: ".").last?.lowercased() else { return true }
        return ext == "yaml" || ext == "yml"
    }

    /// - Parameter parallelism: threads a large YAML file may be parsed with.
    public static func load(bytes: [UInt8], file: String, limits: LoadLimits = .default, parallelism: Int = 1,
                            tables: [TableSource] = [], mapping: DatasetMapping = DatasetMapping()) throws(LoadError) -> Document {
        let document: Document
        switch file.split(separator: ".").last?.lowercased() {
        case "json":
            document = try requireRecords(JSONLoader.load(bytes: bytes, file: file, limits: limits))
        case "jsonl", "ndjson":
            try requireContent(bytes, file: file, expected: "JSON Lines (one JSON value per line)")
            document = try JSONLinesLoader.load(bytes: bytes, file: file, limits: limits)
        case "docx":
            document = try PlanDocumentLoader.load(bytes: bytes, file: file)
        case "md", "markdown":
            try requireContent(bytes, file: file, expected: "the text of a plan")
            document = try PlanDocumentLoader.load(bytes: bytes, file: file)
        // A `.txt` is a table (Excel's "Unicode text") when a `tables:` entry names it or its
        // lines are tab-separated under a ledger header; otherwise a plan document.
        case "txt" where !tables.contains(where: { FileSystem.normalize($0.file) == FileSystem.normalize(file) })
            && !PlanTextReader.looksLikeTable(bytes):
            try requireContent(bytes, file: file, expected: "the text of a plan")
            document = try PlanDocumentLoader.load(bytes: bytes, file: file)
        case let ext? where TabularLoader.textExtensions.contains(ext) || TabularLoader.workbookExtensions.contains(ext):
            // Tables apply their collection's mapping to headers and cells as they read them;
            // entries with a `target` of their own apply to the records built.
            let table = try TabularLoader.load(bytes: bytes, file: file, sources: tables, mapping: mapping, limits: limits)
            return try DocumentMapper.apply(mapping.targetedEntriesOnly, to: table)
        default:
            document = try requireRecords(YAMLLoader.load(bytes: bytes, file: file, limits: limits, parallelism: parallelism))
        }
        // The one hook of the mapping layer: records become canonical before any rule runs.
        return try DocumentMapper.apply(mapping, to: document)
    }

    /// An empty or blank file (whitespace and a byte-order mark at most) is an input error,
    /// as an empty YAML file and an empty CSV are: checking it would report a clean file that
    /// holds nothing (a failed export, a file saved before it was written).
    static func requireContent(_ bytes: [UInt8], file: String, expected: String) throws(LoadError) {
        var rest = bytes[...]
        if rest.starts(with: [0xEF, 0xBB, 0xBF]) { rest = rest.dropFirst(3) }
        let utf16 = rest.starts(with: [0xFF, 0xFE]) || rest.starts(with: [0xFE, 0xFF])
        if utf16 { rest = rest.dropFirst(2) }
        let blank = rest.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D || (utf16 && $0 == 0) }
        if blank {
            throw LoadError(file: file, line: 1, column: 1, message: "the file is \(bytes.isEmpty ? "empty" : "blank"): expected \(expected)")
        }
    }

    /// A dataset is a mapping or a list: a document that is only `hello` or `42` (a file
    /// saved from the wrong place, a truncated export) would otherwise pass every rule, since
    /// no target selects anything in it. Empty documents (null roots, as between two `---`)
    /// stay allowed. JSON Lines roots are always a list (of the lines), so they pass.
    static func requireRecords(_ document: Document) throws(LoadError) -> Document {
        for root in document.rootNodes {
            switch root.kind {
            case .map, .list, .null: continue
            default:
                let text = root.scalarText ?? ""
                let shown = text.count > 40 ? text.prefix(40) + "…" : text
                throw LoadError(at: root, "the document is a single \(root.kind.name) (`\(shown)`), not data: a dataset is a mapping (such as `tasks:` with a list of records) or a list of records")
            }
        }
        return document
    }
}
