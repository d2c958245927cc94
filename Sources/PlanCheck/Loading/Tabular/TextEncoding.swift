/// The text encodings a CSV/TSV file may use. Excel in Chinese locales saves "CSV" as GBK
/// (GB18030 is its superset) and "Unicode text" as UTF-16 LE with a BOM; everything else writes
/// UTF-8, with or without a BOM.
public enum TextEncoding: String, Sendable, CaseIterable {
    /// BOM first; then UTF-8 if the bytes are valid UTF-8; then GB18030.
    case auto
    case utf8 = "utf-8"
    case utf16le = "utf-16le"
    case utf16be = "utf-16be"
    /// UTF-16 with a byte-order mark that says which order.
    case utf16 = "utf-16"
    case gb18030

    /// Accepts the usual spellings (`UTF8`, `gbk`, `GB2312`, …).
    public init?(name: String) {
        let key = name.lowercased().replacingOccurrences(of: "_", with: "-")
        switch key {
        case "auto": self = .auto
        case "utf-8", "utf8": self = .utf8
        case "utf-16", "utf16", "unicode": self = .utf16
        case "utf-16le", "utf16le": self = .utf16le
        case "utf-16be", "utf16be": self = .utf16be
        // GBK and GB2312 are subsets of GB18030: decoding them as GB18030 is exact.
        case "gb18030", "gbk", "gb2312", "cp936": self = .gb18030
        default: return nil
        }
    }
}

/// Turns file bytes into UTF-8 (the form every loader and the node storage use), refusing
/// anything that does not decode cleanly: a wrong guess would hand mojibake to the checkers,
/// and a finding about "甯傚彂灞曟敼闈╁" helps nobody.
enum TextDecoder {
    /// Returns UTF-8 bytes without a BOM, and the encoding that was used.
    static func decode(_ bytes: [UInt8], as requested: TextEncoding, file: String) throws(LoadError) -> (utf8: [UInt8], encoding: TextEncoding) {
        let bom = byteOrderMark(bytes)
        switch requested {
        case .auto:
            if let bom { return try decode(bytes, as: bom, file: file) }
            if let order = utf16WithoutBOM(bytes) { return try decode(bytes, as: order, file: file) }
            if let bad = UTF8Validation.firstInvalidOffset(bytes, from: 0) {
                if let gbBad = GB18030.firstInvalidOffset(bytes) {
                    throw error(file: file, bytes: bytes, offset: max(bad, gbBad),
                                "the file is not UTF-8, UTF-16 (with a byte-order mark) or GB18030 text: byte 0x\(hex(bytes[bad])) at offset \(bad) is not valid UTF-8 and byte 0x\(hex(bytes[gbBad])) at offset \(gbBad) is not valid GB18030; save it as UTF-8, or set `encoding:` in its `tables:` entry")
                }
                return (try GB18030.decode(bytes, file: file), .gb18030)
            }
            return (bytes, .utf8)
        case .utf8:
            let start = bom == .utf8 ? 3 : 0
            if let bad = UTF8Validation.firstInvalidOffset(bytes, from: start) {
                throw error(file: file, bytes: bytes, offset: bad, "not valid UTF-8: byte 0x\(hex(bytes[bad])) at offset \(bad)")
            }
            return (start == 0 ? bytes : Array(bytes[start...]), .utf8)
        case .utf16:
            guard let bom, bom == .utf16le || bom == .utf16be else {
                throw LoadError(file: file, line: 1, column: 1, message: "`encoding: utf-16` needs a byte-order mark (FF FE or FE FF); name the byte order: utf-16le or utf-16be")
            }
            return try decode(bytes, as: bom, file: file)
        case .utf16le, .utf16be:
            let bigEndian = requested == .utf16be
            let skip = bom == requested ? 2 : 0
            return (try UTF16Decoding.decode(bytes, from: skip, bigEndian: bigEndian, file: file), requested)
        case .gb18030:
            return (try GB18030.decode(bytes, file: file), .gb18030)
        }
    }

    /// UTF-16 text without a BOM is full of zero bytes on one side of each pair (ASCII and
    /// line ends), which no UTF-8 or GB18030 text has; read as UTF-8 it would pass validation
    /// and hand NUL-riddled fields on.
    static func utf16WithoutBOM(_ b: [UInt8]) -> TextEncoding? {
        let n = min(b.count, 4096) & ~1
        guard n >= 4 else { return nil }
        var evenZeros = 0, oddZeros = 0
        var i = 0
        while i < n {
            if b[i] == 0 { evenZeros += 1 }
            if b[i + 1] == 0 { oddZeros += 1 }
            i += 2
        }
        let pairs = n / 2
        if oddZeros * 4 >= pairs, evenZeros * 4 <= oddZeros { return .utf16le }
        if evenZeros * 4 >= pairs, oddZeros * 4 <= evenZeros { return .utf16be }
        return nil
    }

    static func byteOrderMark(_ b: [UInt8]) -> TextEncoding? {
        if b.count >= 3, b[0] == 0xEF, b[1] == 0xBB, b[2] == 0xBF { return .utf8 }
        if b.count >= 2, b[0] == 0xFF, b[1] == 0xFE { return .utf16le }
        if b.count >= 2, b[0] == 0xFE, b[1] == 0xFF { return .utf16be }
        return nil
    }

    static func hex(_ b: UInt8) -> String {
        let s = String(b, radix: 16, uppercase: true)
        return s.count == 1 ? "0" + s : s
    }

    /// An error at a byte offset; the line is counted from newline bytes, which every supported
    /// encoding but UTF-16 writes as 0x0A (for UTF-16 the caller passes the right line).
    static func error(file: String, bytes: [UInt8], offset: Int, line: Int? = nil, _ message: String) -> LoadError {
        var lineNumber = 1
        if let line { lineNumber = line } else {
            for i in 0..<min(offset, bytes.count) where bytes[i] == 0x0A { lineNumber += 1 }
        }
        return LoadError(file: file, line: lineNumber, column: 1, message: message)
    }
}


/// UTF-16 to UTF-8 with unpaired surrogates reported, not replaced.
enum UTF16Decoding {
    static func decode(_ bytes: [UInt8], from start: Int, bigEndian: Bool, file: String) throws(LoadError) -> [UInt8] {
        let name = bigEndian ? "UTF-16 BE" : "UTF-16 LE"
        if (bytes.count - start) % 2 != 0 {
            throw LoadError(file: file, line: 1, column: 1, message: "not valid \(name): the file has an odd number of bytes (\(bytes.count)); is it truncated, or not UTF-16?")
        }
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count - start) * 3 / 2)
        var line = 1
        var i = start
        @inline(__always) func unit(_ at: Int) -> UInt32 {
            bigEndian ? UInt32(bytes[at]) << 8 | UInt32(bytes[at + 1]) : UInt32(bytes[at + 1]) << 8 | UInt32(bytes[at])
        }
        while i < bytes.count {
            var scalar = unit(i)
            let at = i
            i += 2
            if scalar >= 0xD800 && scalar <= 0xDBFF {
                guard i < bytes.count, case let low = unit(i), low >= 0xDC00 && low <= 0xDFFF else {
                    throw TextDecoder.error(file: file, bytes: bytes, offset: at, line: line, "not valid \(name): unpaired high surrogate at byte offset \(at)")
                }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                i += 2
            } else if scalar >= 0xDC00 && scalar <= 0xDFFF {
                throw TextDecoder.error(file: file, bytes: bytes, offset: at, line: line, "not valid \(name): unpaired low surrogate at byte offset \(at)")
            }
            if scalar == 0x0A { line += 1 }
            UTF8Encoding.append(scalar, to: &out)
        }
        return out
    }
}

enum UTF8Encoding {
    @inline(__always)
    static func append(_ v: UInt32, to out: inout [UInt8]) {
        switch v {
        case 0..<0x80:
            out.append(UInt8(v))
        case 0x80..<0x800:
            out.append(UInt8(0xC0 | (v >> 6)))
            out.append(UInt8(0x80 | (v & 0x3F)))
        case 0x800..<0x10000:
            out.append(UInt8(0xE0 | (v >> 12)))
            out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (v & 0x3F)))
        default:
            out.append(UInt8(0xF0 | (v >> 18)))
            out.append(UInt8(0x80 | ((v >> 12) & 0x3F)))
            out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (v & 0x3F)))
        }
    }
}
