/// Chooses a loader by file extension.
public enum DatasetLoader {
    /// Extensions `check` picks up when walking a directory: Word plans (.docx) are, plain-text
    /// and Markdown plans (.txt, .md) only when named, since a folder's READMEs, notes and golden
    /// outputs are .txt and .md too.
    public static let extensions: Set<String> = ["yaml", "yml", "json", "jsonl", "csv", "tsv", "xlsx", "docx"]

    /// - Parameter tables: the configuration's `tables:` entries (column mapping for CSV/XLSX).
    public static func load(path: String, limits: LoadLimits = .default, parallelism: Int = 1,
                            tables: [TableSource] = []) throws(LoadError) -> Document {
        if parallelism <= ParallelYAMLLoader.minimumThreads, isYAML(path) {
            return try YAMLLoader.load(path: path, limits: limits, threads: parallelism)
        }
        let bytes = try FileReader.read(path)
        return try load(bytes: bytes, file: path, limits: limits, parallelism: parallelism, tables: tables)
    }

    static func isYAML(_ path: String) -> Bool {
        guard let ext = path.split(separator: "/").last?.split(separator: ".").last?.lowercased() else { return true }
        return ext == "yaml" || ext == "yml"
    }

    /// - Parameter parallelism: threads a large YAML file may be parsed with.
    public static func load(bytes: [UInt8], file: String, limits: LoadLimits = .default, parallelism: Int = 1,
                            tables: [TableSource] = []) throws(LoadError) -> Document {
        switch file.split(separator: ".").last?.lowercased() {
        case "json":
            return try JSONLoader.load(bytes: bytes, file: file, limits: limits)
        case "jsonl", "ndjson":
            return try JSONLinesLoader.load(bytes: bytes, file: file, limits: limits)
        case "docx", "md", "markdown":
            return try PlanDocumentLoader.load(bytes: bytes, file: file)
        // A `.txt` is a table (Excel's "Unicode text") when a `tables:` entry names it or its
        // lines are tab-separated under a ledger header; otherwise a plan document.
        case "txt" where !tables.contains(where: { FileSystem.normalize($0.file) == FileSystem.normalize(file) })
            && !PlanTextReader.looksLikeTable(bytes):
            return try PlanDocumentLoader.load(bytes: bytes, file: file)
        case let ext? where TabularLoader.textExtensions.contains(ext) || TabularLoader.workbookExtensions.contains(ext):
            return try TabularLoader.load(bytes: bytes, file: file, sources: tables, limits: limits)
        default:
            return try YAMLLoader.load(bytes: bytes, file: file, limits: limits, parallelism: parallelism)
        }
    }
}
