import Foundation
// Writes the copy's archive only; the original is read by Loading/OOXML.
internal import ZIPFoundation

/// Bounds on what a .docx may make the review copy inflate. A .docx is a ZIP archive, and an
/// entry of a few kilobytes can declare — or silently inflate to — gigabytes. Every part is
/// read (the copy must carry all of them), so the bounds hold for the whole package.
public struct WordPackageLimits: Sendable {
    /// Entries in the archive (a real document has tens, a few hundred with many images).
    public var maxEntries = 5_000
    /// Uncompressed bytes of any one part.
    public var maxPartBytes = 256 << 20
    /// Uncompressed bytes of the whole package.
    public var maxTotalBytes = 1 << 30
    /// Comments in `comments.xml` (a heavily reviewed draft has hundreds).
    public var maxComments = 100_000
    /// Uncompressed bytes of a comments part (`…comments….xml`): a thousand comments take about
    /// a megabyte, so a bigger part is refused from its declared size, before it is inflated.
    public var maxCommentsPartBytes = 16 << 20

    public init() {}
    public static let `default` = WordPackageLimits()
}

/// The parts of a Word package in archive order, read into memory with the limits enforced,
/// and written back with every part the review copy does not change byte for byte.
///
/// Reading the untrusted original goes through the project's own bounds-checked ZIP reader
/// (`XLSXArchive` over `ZIPDirectory` and `Inflater`, Loading/OOXML) — the same one the
/// plan-document reader uses — because ZIPFoundation's in-memory reader traps on a truncated
/// archive (issue 16). Each part is inflated and its CRC-32 checked; the copy re-deflates it
/// when written (ZIPFoundation's writer, which only ever sees bytes we produced). So an
/// untouched part keeps its uncompressed bytes exactly, its name, its place in the archive, its
/// date and whether it was stored or deflated; its compressed bytes may differ.
struct WordPackage {
    struct Part {
        var path: String
        var bytes: [UInt8]
        var compressed: Bool
        var modified: Date
    }

    let file: String
    private(set) var parts: [Part]

    init(bytes: [UInt8], file: String, limits: WordPackageLimits) throws(LoadError) {
        self.file = file
        if bytes.count >= 4, bytes[0] == 0xD0, bytes[1] == 0xCF, bytes[2] == 0x11, bytes[3] == 0xE0 {
            throw LoadError(file: file, line: 1, column: 1, message: "this is a Word 97–2003 (.doc) file, not .docx; save it as a Word Document (.docx)")
        }
        guard bytes.count >= 4, bytes[0] == 0x50, bytes[1] == 0x4B else {
            throw LoadError(file: file, line: 1, column: 1, message: "not a Word (.docx) file: it does not start with a ZIP signature (PK)")
        }
        var archiveLimits = XLSXLimits()
        archiveLimits.maxEntries = limits.maxEntries
        archiveLimits.maxPartBytes = limits.maxPartBytes
        archiveLimits.maxTotalBytes = limits.maxTotalBytes
        let archive = try XLSXArchive(bytes: bytes, file: file, limits: archiveLimits, format: ".docx")
        // Refused from the declared sizes alone, before anything is inflated.
        var declaredTotal = 0
        // (XLSXArchive has refused an archive holding a name twice.)
        for entry in archive.directory {
            if entry.uncompressedSize > limits.maxPartBytes {
                throw LoadError(file: file, line: 1, column: 1, message: "\(entry.path) declares \(entry.uncompressedSize) bytes uncompressed, over the \(limits.maxPartBytes)-byte limit per part (a zip bomb?)")
            }
            if entry.path.lowercased().hasPrefix("word/comments"), entry.uncompressedSize > limits.maxCommentsPartBytes {
                throw LoadError(file: file, line: 1, column: 1, message: "\(entry.path) declares \(entry.uncompressedSize) bytes uncompressed, over the \(limits.maxCommentsPartBytes)-byte limit for a comments part; refusing it")
            }
            declaredTotal += entry.uncompressedSize
            if declaredTotal > limits.maxTotalBytes {
                throw LoadError(file: file, line: 1, column: 1, message: "the package's parts declare more than \(limits.maxTotalBytes) bytes uncompressed in all (a zip bomb?)")
            }
        }
        var parts: [Part] = []
        parts.reserveCapacity(archive.directory.count)
        for entry in archive.directory {
            // `read` checks the data against the declared size, the method and the CRC-32.
            guard let data = try archive.read(entry.path) else { continue }
            parts.append(Part(path: entry.path, bytes: [UInt8](data), compressed: entry.method == 8,
                              modified: Self.date(dos: entry.dosDate, time: entry.dosTime)))
        }
        self.parts = parts
    }

    /// An MS-DOS date and time as ZIPFoundation writes it back (local calendar, two-second
    /// steps), so a part keeps its date; an impossible stored value becomes 1980-01-01.
    static func date(dos date: UInt16, time: UInt16) -> Date {
        var components = DateComponents()
        components.year = 1980 + Int(date >> 9)
        components.month = Int(date >> 5 & 0xF)
        components.day = Int(date & 0x1F)
        components.hour = Int(time >> 11)
        components.minute = Int(time >> 5 & 0x3F)
        components.second = Int(time & 0x1F) * 2
        let valid = (1...12).contains(components.month ?? 0) && (1...31).contains(components.day ?? 0)
            && (components.hour ?? 0) < 24 && (components.minute ?? 0) < 60 && (components.second ?? 0) < 60
        guard valid, let result = Calendar.current.date(from: components) else { return Date(timeIntervalSince1970: 315_532_800) }
        return result
    }

    /// A package from parts in memory (tests build small .docx files this way).
    init(file: String, parts: [(path: String, bytes: [UInt8])]) {
        self.file = file
        self.parts = parts.map { Part(path: $0.path, bytes: $0.bytes, compressed: true, modified: Date(timeIntervalSince1970: 1_600_000_000)) }
    }

    /// The bytes of part `path` (a ZIP entry name, no leading slash; OPC part names compare
    /// without case), or nil.
    func part(_ path: String) -> [UInt8]? {
        parts.first { $0.path.lowercased() == path.lowercased() }?.bytes
    }

    /// Replaces part `path`, or adds it after `after` (at the end when `after` is absent).
    mutating func set(_ path: String, _ bytes: [UInt8], after: String) {
        if let index = parts.firstIndex(where: { $0.path.lowercased() == path.lowercased() }) {
            parts[index].bytes = bytes
            return
        }
        let anchor = parts.firstIndex { $0.path.lowercased() == after.lowercased() }
        let modified = anchor.map { parts[$0].modified } ?? parts[0].modified
        parts.insert(Part(path: path, bytes: bytes, compressed: true, modified: modified), at: anchor.map { $0 + 1 } ?? parts.count)
    }

    /// The archive: entries in the original order, each with its original compression choice
    /// and date, so the same input always gives the same bytes.
    func archived() throws(LoadError) -> [UInt8] {
        do {
            let archive = try Archive(accessMode: .create)
            for part in parts {
                let bytes = part.bytes
                try archive.addEntry(with: part.path, type: .file, uncompressedSize: Int64(bytes.count),
                                     modificationDate: part.modified,
                                     compressionMethod: part.compressed ? .deflate : .none) { position, size in
                    let start = Int(position)
                    return Data(bytes[start..<min(start + size, bytes.count)])
                }
            }
            guard let data = archive.data else { throw Archive.ArchiveError.unwritableArchive }
            return [UInt8](data)
        } catch {
            throw LoadError(file: file, line: 1, column: 1, message: "cannot write the review copy's archive: \(error)")
        }
    }
}
