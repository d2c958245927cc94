/// Bounds on what one plan document may cost to read.
public struct PlanDocumentLimits: Sendable {
    /// Largest file accepted, in bytes.
    public var maxFileBytes = 256 << 20
    /// Bounds on the .docx (ZIP) container: entries, bytes inflated per part and in all.
    public var archive = XLSXLimits()
    /// Paragraphs kept (a 300-page plan has about 10 000).
    public var maxParagraphs = 1_000_000
    /// XML elements open at once in `word/document.xml` (Word nests a few tens deep; a file
    /// nested thousands deep is built to exhaust the stack of whoever reads it).
    public var maxElementDepth = 256

    public init() {}
    public static let `default` = PlanDocumentLimits()
}

/// Reads a plan document — Word (.docx), plain text (.txt) or Markdown (.md, .markdown) — into
/// its paragraphs in reading order.
public enum PlanDocumentReader {
    /// Extensions read as plan documents.
    public static let extensions: Set<String> = ["docx", "txt", "md", "markdown"]

    public static func read(bytes: [UInt8], file: String, limits: PlanDocumentLimits = .default) throws(LoadError) -> PlanDocument {
        if bytes.count > limits.maxFileBytes {
            throw LoadError(file: file, line: 1, column: 1, message: "the document is larger than the \(limits.maxFileBytes)-byte limit")
        }
        switch fileExtension(file) {
        case "docx":
            return try DocxReader.read(bytes: bytes, file: file, limits: limits)
        case "md", "markdown":
            return try PlanTextReader.read(bytes: bytes, file: file, markdown: true, limits: limits)
        default:
            return try PlanTextReader.read(bytes: bytes, file: file, markdown: false, limits: limits)
        }
    }

    static func fileExtension(_ file: String) -> String {
        let name = file.split(separator: "/").last ?? ""
        guard name.contains(".") else { return "" }
        return name.split(separator: ".").last.map { $0.lowercased() } ?? ""
    }
}
