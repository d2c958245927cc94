/// One uploaded file, held in memory until it is staged.
public struct UploadedFile: Sendable, Equatable {
    /// The client's file name, checked by `UploadFileName` (a plain name with a known extension).
    public var name: String
    public var bytes: [UInt8]

    public init(name: String, bytes: [UInt8]) {
        self.name = name
        self.bytes = bytes
    }

    /// The lowercased extension, which tells the format.
    public var fileExtension: String { UploadFileName.fileExtension(of: name) }
}

/// A parsed `multipart/form-data` request: the `file` parts in order and the text fields.
public struct UploadForm: Sendable, Equatable {
    public static let textFields = ["asOf", "ruleset", "format", "lang", "table"]

    public var files: [UploadedFile] = []
    public var fields: [String: String] = [:]

    public init(files: [UploadedFile] = [], fields: [String: String] = [:]) {
        self.files = files
        self.fields = fields
    }
}

/// Upload file names: shown in answers, never trusted as paths.
public enum UploadFileName {
    /// Everything the page and the API accept. Plan documents (.docx, .md) are read only by
    /// builds with the document readers (see `DocumentFeatures`).
    public static let acceptedExtensions: [String] = ["docx", "txt", "md", "xlsx", "csv", "tsv", "yaml", "yml", "json", "jsonl"]
    static let maxBytes = 255

    public static func fileExtension(of name: String) -> String {
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        return name[name.index(after: dot)...].lowercased()
    }

    /// Nil when `name` is usable, else why not. A name is the last part of a path only: a client
    /// sending `../x.yaml` or `C:\\x.yaml` is refused rather than silently cut down.
    public static func problem(with name: String) -> String? {
        if name.isEmpty { return "a file part has an empty file name" }
        if name.utf8.count > maxBytes { return "the file name `\(name.prefix(40))…` is longer than \(maxBytes) bytes" }
        if name.contains("/") || name.contains("\\") { return "the file name `\(name)` contains a path; send the file's name only" }
        if name.hasPrefix(".") { return "the file name `\(name)` starts with a dot; send a plain file name such as plan.yaml" }
        if name.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F || (0x80...0x9F).contains($0.value) }) {
            return "the file name contains control characters"
        }
        return nil
    }
}
