/// Chooses a loader by file extension.
public enum DatasetLoader {
    /// Extensions `check` picks up when walking a directory.
    public static let extensions: Set<String> = ["yaml", "yml", "json", "jsonl"]

    public static func load(path: String, limits: LoadLimits = .default, parallelism: Int = 1) throws(LoadError) -> Document {
        let bytes = try FileReader.read(path)
        return try load(bytes: bytes, file: path, limits: limits, parallelism: parallelism)
    }

    /// - Parameter parallelism: threads a large YAML file may be parsed with.
    public static func load(bytes: [UInt8], file: String, limits: LoadLimits = .default, parallelism: Int = 1) throws(LoadError) -> Document {
        switch file.split(separator: ".").last?.lowercased() {
        case "json":
            return try JSONLoader.load(bytes: bytes, file: file, limits: limits)
        case "jsonl", "ndjson":
            return try JSONLinesLoader.load(bytes: bytes, file: file, limits: limits)
        default:
            return try YAMLLoader.load(bytes: bytes, file: file, limits: limits, parallelism: parallelism)
        }
    }
}
