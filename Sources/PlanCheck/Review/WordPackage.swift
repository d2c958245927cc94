import Foundation
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
        let archive: Archive
        do {
            archive = try Archive(data: Data(bytes), accessMode: .read)
        } catch {
            throw LoadError(file: file, line: 1, column: 1, message: "not a readable .docx (ZIP) archive — truncated or damaged? (\(error))")
        }
        var entries: [Entry] = []
        var declaredTotal: UInt64 = 0
        for entry in archive {
            if entries.count == limits.maxEntries {
                throw LoadError(file: file, line: 1, column: 1, message: "the archive has more than \(limits.maxEntries) entries; refusing to read it (a zip bomb?)")
            }
            if entry.uncompressedSize > UInt64(limits.maxPartBytes) {
                throw LoadError(file: file, line: 1, column: 1, message: "\(entry.path) declares \(entry.uncompressedSize) bytes uncompressed, over the \(limits.maxPartBytes)-byte limit per part (a zip bomb?)")
            }
            if entry.path.lowercased().hasPrefix("word/comments"), entry.uncompressedSize > UInt64(limits.maxCommentsPartBytes) {
                throw LoadError(file: file, line: 1, column: 1, message: "\(entry.path) declares \(entry.uncompressedSize) bytes uncompressed, over the \(limits.maxCommentsPartBytes)-byte limit for a comments part; refusing it")
            }
            declaredTotal += entry.uncompressedSize
            if declaredTotal > UInt64(limits.maxTotalBytes) {
                throw LoadError(file: file, line: 1, column: 1, message: "the package's parts declare more than \(limits.maxTotalBytes) bytes uncompressed in all (a zip bomb?)")
            }
            entries.append(entry)
        }
        if entries.isEmpty {
            throw LoadError(file: file, line: 1, column: 1, message: "not a readable .docx: its ZIP directory lists no entries (truncated or damaged?)")
        }
        var parts: [Part] = []
        var seen = Set<String>()
        for entry in entries {
            guard seen.insert(entry.path.lowercased()).inserted else {
                throw LoadError(file: file, line: 1, column: 1, message: "the archive holds \(entry.path) twice; the package is damaged")
            }
            let data = try Self.extract(entry, from: archive, file: file)
            parts.append(Part(path: entry.path, bytes: data, compressed: entry.isCompressed,
                              modified: entry.fileAttributes[.modificationDate] as? Date ?? Date(timeIntervalSince1970: 315_532_800)))
        }
        self.parts = parts
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

    private static func extract(_ entry: Entry, from archive: Archive, file: String) throws(LoadError) -> [UInt8] {
        let cap = Int(entry.uncompressedSize)
        var data = [UInt8]()
        data.reserveCapacity(cap)
        let checksum: CRC32
        do {
            checksum = try archive.extract(entry, bufferSize: 64 * 1024, skipCRC32: false) { chunk in
                // A lying header cannot make us inflate more than it declared.
                if data.count + chunk.count > cap { throw InflationOverrun() }
                data.append(contentsOf: chunk)
            }
        } catch is InflationOverrun {
            throw LoadError(file: file, line: 1, column: 1, message: "\(entry.path) inflates past its declared size of \(cap) bytes; refusing to read it (a zip bomb or a damaged file)")
        } catch {
            throw LoadError(file: file, line: 1, column: 1, message: "\(entry.path) cannot be read from the archive — truncated or damaged? (\(error))")
        }
        guard data.count == cap else {
            throw LoadError(file: file, line: 1, column: 1, message: "\(entry.path) is shorter than its declared size (\(data.count) of \(cap) bytes); the file is truncated or damaged")
        }
        guard checksum == entry.checksum else {
            throw LoadError(file: file, line: 1, column: 1, message: "\(entry.path) fails its CRC-32 check; the file is damaged")
        }
        return data
    }

    private struct InflationOverrun: Error {}
}
