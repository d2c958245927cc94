/// Chooses a loader by file extension.
public enum DatasetLoader {
    /// Extensions `check` picks up when walking a directory.
    public static let extensions: Set<String> = ["yaml", "yml", "json"]

    public static func load(path: String, limits: LoadLimits = .default) throws(LoadError) -> Document {
        let bytes = try FileReader.read(path)
        return try load(bytes: bytes, file: path, limits: limits)
    }

    public static func load(bytes: [UInt8], file: String, limits: LoadLimits = .default) throws(LoadError) -> Document {
        switch file.split(separator: ".").last?.lowercased() {
        default:
            return try YAMLLoader.load(bytes: bytes, file: file, limits: limits)
        }
    }
}
