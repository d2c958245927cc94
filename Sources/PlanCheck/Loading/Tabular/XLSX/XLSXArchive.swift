import Foundation
internal import ZIPFoundation

/// Bounds on what an XLSX file may make us inflate. An XLSX is a ZIP archive, and a ZIP entry
/// of a few kilobytes can declare — or silently inflate to — gigabytes.
public struct XLSXLimits: Sendable {
    /// Entries in the archive (a real workbook has tens).
    public var maxEntries = 10_000
    /// Uncompressed bytes of any one part (a sheet's XML).
    public var maxPartBytes = 512 << 20
    /// Uncompressed bytes of all the parts read from one workbook.
    public var maxTotalBytes = 1 << 30
    /// Cells a merged range may fill in (merges are clamped to the used area first).
    public var maxMergedCells = 2_000_000

    public init() {}
    public static let `default` = XLSXLimits()
}

/// The ZIP container of an XLSX file, read entry by entry with the limits enforced before
/// (declared sizes) and during (actual bytes) inflation.
final class XLSXArchive {
    let file: String
    let limits: XLSXLimits
    private let archive: Archive
    private var entries: [String: Entry] = [:]
    private var totalRead = 0

    init(bytes: [UInt8], file: String, limits: XLSXLimits) throws(LoadError) {
        self.file = file
        self.limits = limits
        if bytes.count >= 4, bytes[0] == 0xD0, bytes[1] == 0xCF, bytes[2] == 0x11, bytes[3] == 0xE0 {
            throw LoadError(file: file, line: 1, column: 1, message: "this is an Excel 97–2003 (.xls) workbook, not .xlsx; save it as .xlsx (Excel Workbook) or CSV")
        }
        guard bytes.count >= 4, bytes[0] == 0x50, bytes[1] == 0x4B else {
            throw LoadError(file: file, line: 1, column: 1, message: "not an XLSX file: it does not start with a ZIP signature (PK)")
        }
        do {
            archive = try Archive(data: Data(bytes), accessMode: .read)
        } catch {
            throw LoadError(file: file, line: 1, column: 1, message: "not a readable XLSX (ZIP) archive — truncated or damaged? (\(error))")
        }
        var count = 0
        for entry in archive {
            count += 1
            if count > limits.maxEntries {
                throw LoadError(file: file, line: 1, column: 1, message: "the archive has more than \(limits.maxEntries) entries; refusing to read it (a zip bomb?)")
            }
            entries[entry.path] = entry
        }
        if entries.isEmpty {
            throw LoadError(file: file, line: 1, column: 1, message: "not a readable XLSX archive: its ZIP directory lists no entries (truncated or damaged?)")
        }
    }

    func contains(_ path: String) -> Bool { entries[path] != nil }

    /// The uncompressed bytes of `path`, or nil when the archive has no such entry.
    func read(_ path: String) throws(LoadError) -> Data? {
        guard let entry = entries[path] else { return nil }
        let declared = entry.uncompressedSize
        if declared > UInt64(limits.maxPartBytes) {
            throw LoadError(file: file, line: 1, column: 1, message: "\(path) declares \(declared) bytes uncompressed, over the \(limits.maxPartBytes)-byte limit per part (a zip bomb?)")
        }
        if totalRead + Int(declared) > limits.maxTotalBytes {
            throw LoadError(file: file, line: 1, column: 1, message: "the workbook's parts declare more than \(limits.maxTotalBytes) bytes uncompressed in all (a zip bomb?)")
        }
        var data = Data()
        data.reserveCapacity(Int(declared))
        let cap = Int(declared)
        let checksum: CRC32
        do {
            checksum = try archive.extract(entry, bufferSize: 64 * 1024, skipCRC32: false) { chunk in
                // Inflation that runs past the declared size is refused as it happens, so a
                // lying header cannot make us allocate more than it declared.
                if data.count + chunk.count > cap { throw InflationOverrun() }
                data.append(chunk)
            }
        } catch is InflationOverrun {
            throw LoadError(file: file, line: 1, column: 1, message: "\(path) inflates past its declared size of \(declared) bytes; refusing to read it (a zip bomb or a damaged file)")
        } catch {
            throw LoadError(file: file, line: 1, column: 1, message: "\(path) cannot be read from the archive — truncated or damaged? (\(error))")
        }
        guard data.count == cap else {
            throw LoadError(file: file, line: 1, column: 1, message: "\(path) is shorter than its declared size (\(data.count) of \(declared) bytes); the file is truncated or damaged")
        }
        guard checksum == entry.checksum else {
            throw LoadError(file: file, line: 1, column: 1, message: "\(path) fails its CRC-32 check; the file is damaged")
        }
        totalRead += data.count
        return data
    }

    private struct InflationOverrun: Error {}
}
