/// Bounds on what one plan document may cost to read.
public struct PlanDocumentLimits: Sendable {
    /// Largest file accepted, in bytes.
    public var maxFileBytes = 256 << 20
    /// Bounds on the .docx (ZIP) container: entries, bytes inflated per part and in all.
    public var archive = XLSXLimits()
    /// Bytes of text a plan may hold: the file itself for .txt and .md, the paragraphs' UTF-8
    /// for .docx. 4 MiB is about 1.4 million Chinese characters, three times the text of a
    /// 300-page plan (1.3 MB, docs/documents.md);
    /// recognition reads every paragraph several times (about 1.7 s per MB on a loaded
    /// two-core machine), so this bounds the time a plan takes.
    public var maxTextBytes = 4 << 20
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
        let ext = fileExtension(file)
        if ext != "docx", bytes.count > limits.maxTextBytes {
            throw LoadError(file: file, line: 1, column: 1, message: "the plan's text is larger than the \(limits.maxTextBytes)-byte limit for a plan document")
        }
        switch ext {
        case "docx":
            let document = try DocxReader.read(bytes: bytes, file: file, limits: limits)
            var total = 0
            for paragraph in document.paragraphs {
                total += paragraph.text.utf8.count
                if total > limits.maxTextBytes {
                    throw LoadError(file: file, line: paragraph.line, column: 1, message: "the plan's text is larger than the \(limits.maxTextBytes)-byte limit for a plan document")
                }
            }
            return document
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
