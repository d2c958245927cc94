/// Chooses a loader by file extension.
public enum DatasetLoader {
    /// Extensions `check` picks up when walking a directory. (`.txt` tables are read only when
    /// named: a folder's notes and golden outputs are `.txt` too.)
    public static let extensions: Set<String> = ["yaml", "yml", "json", "csv", "tsv", "xlsx"]

    /// - Parameter tables: the configuration's `tables:` entries (column mapping for CSV/XLSX).
    public static func load(path: String, limits: LoadLimits = .default, tables: [TableSource] = []) throws(LoadError) -> Document {
        let bytes = try FileReader.read(path)
        return try load(bytes: bytes, file: path, limits: limits, tables: tables)
    }

    public static func load(bytes: [UInt8], file: String, limits: LoadLimits = .default, tables: [TableSource] = []) throws(LoadError) -> Document {
        let ext = file.split(separator: ".").last?.lowercased() ?? ""
        if TabularLoader.textExtensions.contains(ext) || TabularLoader.workbookExtensions.contains(ext) {
            return try TabularLoader.load(bytes: bytes, file: file, sources: tables, limits: limits)
        }
        return try YAMLLoader.load(bytes: bytes, file: file, limits: limits)
    }
}
