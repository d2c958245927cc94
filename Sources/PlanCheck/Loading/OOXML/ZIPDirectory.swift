/// The central directory of a ZIP archive held in memory: where each entry's data lies, how it
/// is compressed and how large it says it is.
///
/// Why the project's own reader (docs/reliability.md): ZIPFoundation's in-memory archive traps
/// (a Swift range check, SIGILL) on a truncated file, and a trap cannot be caught. Every
/// offset and size here is read from untrusted bytes, so each is checked against the buffer
/// before it is used, with overflow-checked arithmetic; a damaged archive is a `ZIPDirectory.Damage`
/// the caller turns into a located input error.
struct ZIPDirectory {
    struct Entry {
        var path: String
        /// 0 stored, 8 deflate (the two methods OOXML writers use).
        var method: UInt16
        var flags: UInt16
        var crc32: UInt32
        var compressedSize: Int
        var uncompressedSize: Int
        var localHeaderOffset: Int
        /// Last modification, MS-DOS time and date as stored (the review copy keeps them).
        var dosTime: UInt16 = 0
        var dosDate: UInt16 = 0
    }

    struct Damage: Error { var reason: String }

    private(set) var entries: [Entry] = []

    private static let endSignature: UInt32 = 0x0605_4B50
    private static let zip64LocatorSignature: UInt32 = 0x0706_4B50
    private static let zip64EndSignature: UInt32 = 0x0606_4B50
    private static let centralSignature: UInt32 = 0x0201_4B50
    private static let localSignature: UInt32 = 0x0403_4B50

    /// Reads the directory; stops with `tooMany` once more than `maxEntries` entries are listed.
    init(_ bytes: UnsafeBufferPointer<UInt8>, maxEntries: Int) throws(Damage) {
        let reader = ByteReader(bytes: bytes)
        let end = try Self.findEnd(reader)
        var count = Int(try reader.u16(end + 10))
        var size = Int(try reader.u32(end + 12))
        var offset = Int(try reader.u32(end + 16))
        if count == 0xFFFF || size == 0xFFFF_FFFF || offset == 0xFFFF_FFFF {
            (count, size, offset) = try Self.zip64End(reader, before: end)
        }
        if count > maxEntries { throw Damage(reason: "tooMany") }
        guard let directoryEnd = offset.addingChecked(size), directoryEnd <= bytes.count else {
            throw Damage(reason: "its central directory (\(size) bytes at offset \(offset)) lies outside the file")
        }
        entries.reserveCapacity(count)
        var at = offset
        for _ in 0..<count {
            guard try reader.u32(at) == Self.centralSignature else {
                throw Damage(reason: "its central directory has a damaged entry at offset \(at)")
            }
            let flags = try reader.u16(at + 8), method = try reader.u16(at + 10)
            let dosTime = try reader.u16(at + 12), dosDate = try reader.u16(at + 14)
            let crc = try reader.u32(at + 16)
            var compressed = Int(try reader.u32(at + 20)), uncompressed = Int(try reader.u32(at + 24))
            let nameLength = Int(try reader.u16(at + 28)), extraLength = Int(try reader.u16(at + 30))
            let commentLength = Int(try reader.u16(at + 32))
            var local = Int(try reader.u32(at + 42))
            let name = try reader.slice(at + 46, nameLength)
            let extra = try reader.slice(at + 46 + nameLength, extraLength)
            try Self.applyZip64(extra, uncompressed: &uncompressed, compressed: &compressed, local: &local)
            entries.append(Entry(path: String(decoding: name, as: UTF8.self), method: method, flags: flags, crc32: crc,
                                 compressedSize: compressed, uncompressedSize: uncompressed, localHeaderOffset: local,
                                 dosTime: dosTime, dosDate: dosDate))
            at += 46 + nameLength + extraLength + commentLength
        }
    }

    /// The entry's stored bytes (still compressed), found through its local header.
    static func data(of entry: Entry, in bytes: UnsafeBufferPointer<UInt8>) throws(Damage) -> UnsafeBufferPointer<UInt8> {
        let reader = ByteReader(bytes: bytes)
        let at = entry.localHeaderOffset
        guard try reader.u32(at) == Self.localSignature else {
            throw Damage(reason: "the local header of \(entry.path) is missing at offset \(at)")
        }
        let skip = 30 + Int(try reader.u16(at + 26)) + Int(try reader.u16(at + 28))
        return try reader.slice(at + skip, entry.compressedSize)
    }

    /// The end-of-central-directory record: the last 22 bytes, or earlier when the archive has
    /// a comment (at most 65 535 bytes).
    private static func findEnd(_ reader: ByteReader) throws(Damage) -> Int {
        let count = reader.bytes.count
        guard count >= 22 else { throw Damage(reason: "it is only \(count) bytes long, shorter than any ZIP archive") }
        var at = count - 22
        let lowest = max(0, count - 22 - 65_535)
        while at >= lowest {
            if try reader.u32(at) == endSignature, Int(try reader.u16(at + 20)) == count - at - 22 { return at }
            at -= 1
        }
        throw Damage(reason: "it has no end-of-central-directory record")
    }

    private static func zip64End(_ reader: ByteReader, before end: Int) throws(Damage) -> (Int, Int, Int) {
        let locator = end - 20
        guard locator >= 0, try reader.u32(locator) == zip64LocatorSignature else {
            throw Damage(reason: "it declares a ZIP64 directory but has no ZIP64 locator")
        }
        let record = try reader.int64(locator + 8)
        guard try reader.u32(record) == zip64EndSignature else { throw Damage(reason: "its ZIP64 directory record is missing") }
        return (try reader.int64(record + 32), try reader.int64(record + 40), try reader.int64(record + 48))
    }

    /// ZIP64 extended information (header 0x0001): 64-bit values for the fields that are
    /// 0xFFFFFFFF in the directory entry, in this order.
    private static func applyZip64(_ extra: UnsafeBufferPointer<UInt8>, uncompressed: inout Int, compressed: inout Int,
                                   local: inout Int) throws(Damage) {
        let reader = ByteReader(bytes: extra)
        var at = 0
        while at + 4 <= extra.count {
            let id = try reader.u16(at), size = Int(try reader.u16(at + 2))
            if id == 0x0001 {
                var field = at + 4
                if uncompressed == 0xFFFF_FFFF { uncompressed = try reader.int64(field); field += 8 }
                if compressed == 0xFFFF_FFFF { compressed = try reader.int64(field); field += 8 }
                if local == 0xFFFF_FFFF { local = try reader.int64(field) }
                return
            }
            at += 4 + size
        }
    }
}

/// Little-endian reads that fail instead of trapping when they would leave the buffer.
struct ByteReader {
    let bytes: UnsafeBufferPointer<UInt8>

    func slice(_ at: Int, _ count: Int) throws(ZIPDirectory.Damage) -> UnsafeBufferPointer<UInt8> {
        guard at >= 0, count >= 0, let end = at.addingChecked(count), end <= bytes.count else {
            throw ZIPDirectory.Damage(reason: "it is truncated: \(count) bytes at offset \(at) lie past its end (\(bytes.count) bytes)")
        }
        return UnsafeBufferPointer(rebasing: bytes[at..<end])
    }

    func u16(_ at: Int) throws(ZIPDirectory.Damage) -> UInt16 {
        let s = try slice(at, 2)
        return UInt16(s[0]) | UInt16(s[1]) << 8
    }

    func u32(_ at: Int) throws(ZIPDirectory.Damage) -> UInt32 {
        let s = try slice(at, 4)
        return UInt32(s[0]) | UInt32(s[1]) << 8 | UInt32(s[2]) << 16 | UInt32(s[3]) << 24
    }

    /// A 64-bit size or offset; values beyond `Int.max` cannot lie inside any buffer.
    func int64(_ at: Int) throws(ZIPDirectory.Damage) -> Int {
        let s = try slice(at, 8)
        var value: UInt64 = 0
        for i in (0..<8).reversed() { value = value << 8 | UInt64(s[i]) }
        guard let result = Int(exactly: value) else {
            throw ZIPDirectory.Damage(reason: "it declares a 64-bit size or offset of \(value), past any file")
        }
        return result
    }
}

extension Int {
    /// `self + other`, or nil on overflow.
    func addingChecked(_ other: Int) -> Int? {
        let (sum, overflow) = addingReportingOverflow(other)
        return overflow ? nil : sum
    }
}
