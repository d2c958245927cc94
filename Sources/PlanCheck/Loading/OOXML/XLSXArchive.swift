import Foundation

/// Bounds on what an Office Open XML file (XLSX, DOCX) may make us inflate and parse. Such a
/// file is a ZIP archive, and a ZIP entry of a few kilobytes can declare — or silently inflate
/// to — gigabytes. Part of `LoadLimits` (`LoadLimits.workbook`); docs/reliability.md lists them all.
public struct XLSXLimits: Sendable {
    /// Entries in the archive (a real workbook has tens).
    public var maxEntries = 10_000
    /// Uncompressed bytes of any one part (a sheet's XML).
    public var maxPartBytes = 512 << 20
    /// Uncompressed bytes of all the parts read from one workbook.
    public var maxTotalBytes = 1 << 30
    /// Cells a merged range may fill in (merges are clamped to the used area first).
    public var maxMergedCells = 2_000_000
    /// Deepest element nesting in one XML part (a worksheet nests five deep; libxml2's own
    /// default is 256).
    public var maxXMLDepth = 256
    /// The format's own bounds (Excel 2007 and later): rows 1…1 048 576, columns A…XFD.
    public var maxRows = 1_048_576
    public var maxColumns = 16_384

    public init() {}
    public static let `default` = XLSXLimits()
}

/// The ZIP container of an OOXML file, read entry by entry with the limits enforced before
/// (declared sizes) and during (actual bytes) inflation. The directory is read by
/// `ZIPDirectory` and entries are inflated with zlib (`Inflater`): no offset or size from the
/// file is used before it is checked.
///
/// Every untrusted OOXML archive is read here: workbooks, the plan-document reader's .docx and
/// the review copy's original (`WordPackage`, which reads every entry in `directory` order).
final class XLSXArchive {
    let file: String
    let limits: XLSXLimits
    /// What the messages call the file: "XLSX" (default) or ".docx".
    let format: String
    /// Every entry of the central directory in archive order (no two with the same name).
    let directory: [ZIPDirectory.Entry]
    private let bytes: [UInt8]
    private var entries: [String: ZIPDirectory.Entry] = [:]
    private var totalRead = 0

    init(bytes: [UInt8], file: String, limits: XLSXLimits, format: String = "XLSX") throws(LoadError) {
        self.file = file
        self.limits = limits
        self.format = format
        self.bytes = bytes
        if format == "XLSX" {
            if bytes.count >= 4, bytes[0] == 0xD0, bytes[1] == 0xCF, bytes[2] == 0x11, bytes[3] == 0xE0 {
                throw LoadError(file: file, line: 1, column: 1, message: "this is an Excel 97–2003 (.xls) workbook, not .xlsx; save it as .xlsx (Excel Workbook) or CSV")
            }
            guard bytes.count >= 4, bytes[0] == 0x50, bytes[1] == 0x4B else {
                throw LoadError(file: file, line: 1, column: 1, message: "not an XLSX file: it does not start with a ZIP signature (PK)")
            }
        }
        let zip: ZIPDirectory
        do {
            zip = try bytes.withUnsafeBufferPointer { (buffer) throws(ZIPDirectory.Damage) in
                try ZIPDirectory(buffer, maxEntries: limits.maxEntries)
            }
        } catch {
            if error.reason == "tooMany" {
                throw LoadError(file: file, line: 1, column: 1, message: "the archive has more than \(limits.maxEntries) entries; refusing to read it (a zip bomb?)")
            }
            throw LoadError(file: file, line: 1, column: 1, message: "not a readable \(format) (ZIP) archive — truncated or damaged? (\(error.reason))")
        }
        directory = zip.entries
        // OPC part names are unique, compared without case: an archive holding one twice is
        // damaged or crafted (two readers could each see a different part), so it is refused.
        var seen = Set<String>()
        for entry in directory {
            guard seen.insert(entry.path.lowercased()).inserted else {
                throw LoadError(file: file, line: 1, column: 1, message: "the archive holds \(entry.path) twice; the \(format == "XLSX" ? "workbook" : "package") is damaged")
            }
            entries[entry.path] = entry
        }
        if entries.isEmpty {
            throw LoadError(file: file, line: 1, column: 1, message: "not a readable \(format) archive: its ZIP directory lists no entries (truncated or damaged?)")
        }
    }

    func contains(_ path: String) -> Bool { entries[path] != nil }

    /// The uncompressed size entry `path` declares (not yet checked against its data), or nil.
    func declaredSize(_ path: String) -> Int? { entries[path]?.uncompressedSize }

    /// "workbook" or "package", for messages.
    private var noun: String { format == "XLSX" ? "workbook" : "package" }

    /// The uncompressed bytes of `path`, or nil when the archive has no such entry.
    func read(_ path: String) throws(LoadError) -> Data? {
        guard let entry = entries[path] else { return nil }
        let declared = entry.uncompressedSize
        if declared > limits.maxPartBytes {
            throw LoadError(file: file, line: 1, column: 1, message: "\(path) declares \(declared) bytes uncompressed, over the \(limits.maxPartBytes)-byte limit per part (a zip bomb?)")
        }
        if totalRead + declared > limits.maxTotalBytes {
            throw LoadError(file: file, line: 1, column: 1, message: "the \(noun)'s parts declare more than \(limits.maxTotalBytes) bytes uncompressed in all (a zip bomb?)")
        }
        if entry.flags & 1 != 0 {
            throw LoadError(file: file, line: 1, column: 1, message: "\(path) is encrypted; save the \(noun) without a password")
        }
        let result: Result<[UInt8], Inflater.Failure> = bytes.withUnsafeBufferPointer { buffer in
            let stored: UnsafeBufferPointer<UInt8>
            do throws(ZIPDirectory.Damage) {
                stored = try ZIPDirectory.data(of: entry, in: buffer)
            } catch {
                return .failure(.damaged(error.reason))
            }
            switch entry.method {
            case 0:
                return stored.count == declared ? .success(Array(stored)) : .failure(.sizeMismatch(stored.count))
            case 8:
                // Deflate cannot compress better than 1032:1; a larger claim is a lie, refused
                // before the output buffer is allocated.
                if declared > stored.count * 1_032 + 1_024 { return .failure(.impossibleRatio(stored.count)) }
                return Inflater.inflate(stored, expected: declared)
            default:
                return .failure(.unsupportedMethod(entry.method))
            }
        }
        let data: [UInt8]
        switch result {
        case .success(let inflated): data = inflated
        case .failure(.overrun):
            throw LoadError(file: file, line: 1, column: 1, message: "\(path) inflates past its declared size of \(declared) bytes; refusing to read it (a zip bomb or a damaged file)")
        case .failure(.impossibleRatio(let compressed)):
            throw LoadError(file: file, line: 1, column: 1, message: "\(path) declares \(declared) bytes uncompressed from \(compressed) compressed, more than deflate can produce; the file is damaged (or a zip bomb)")
        case .failure(.sizeMismatch(let actual)):
            throw LoadError(file: file, line: 1, column: 1, message: "\(path) is shorter than its declared size (\(actual) of \(declared) bytes); the file is truncated or damaged")
        case .failure(.unsupportedMethod(let method)):
            throw LoadError(file: file, line: 1, column: 1, message: "\(path) uses ZIP compression method \(method); only stored (0) and deflate (8) are read — re-save the file in Office or WPS")
        case .failure(.damaged(let reason)):
            throw LoadError(file: file, line: 1, column: 1, message: "\(path) cannot be read from the archive — truncated or damaged? (\(reason))")
        }
        guard Inflater.crc32(data) == entry.crc32 else {
            throw LoadError(file: file, line: 1, column: 1, message: "\(path) fails its CRC-32 check; the file is damaged")
        }
        totalRead += data.count
        return Data(data)
    }
}
