/// Reads one strict RFC 8259 JSON text into a `Document` (the same flat model YAMLLoader builds).
///
/// Strict on purpose: a linter that silently accepts trailing commas, duplicate keys or broken
/// escapes would lint data other tools read differently. Every rejection is a located
/// `LoadError` (1-based line, column in characters).
public enum JSONLoader {
    public static func load(bytes: [UInt8], file: String, limits: LoadLimits = .default) throws(LoadError) -> Document {
        var parser = JSONParser(file: file, limits: limits, expectedBytes: bytes.count, lines: false)
        let root: Int32
        do {
            root = try bytes.withUnsafeBufferPointer { (buffer) throws(LoadError) -> Int32 in
                try parser.parseDocument(buffer)
            }
        }
        return Document(file: file, roots: [root], storage: parser.storage)
    }
}

/// Reads JSON Lines (one JSON value per line, blank lines skipped) into a `Document` whose single
/// root is a list of the line values, so rules address records as `$[*]`.
public enum JSONLinesLoader {
    public static func load(bytes: [UInt8], file: String, limits: LoadLimits = .default) throws(LoadError) -> Document {
        var parser = JSONParser(file: file, limits: limits, expectedBytes: bytes.count, lines: true)
        let root: Int32
        do {
            root = try bytes.withUnsafeBufferPointer { (buffer) throws(LoadError) -> Int32 in
                try parser.parseLines(buffer)
            }
        }
        return Document(file: file, roots: [root], storage: parser.storage)
    }
}
