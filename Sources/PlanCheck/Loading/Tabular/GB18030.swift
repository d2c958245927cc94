import Foundation

/// GB18030 (the superset of GBK and GB2312 that Chinese-locale Excel writes CSV in).
///
/// The byte structure is checked here, so a file that is not GB18030 is refused with the offset
/// of its first bad byte; the mapping itself comes from Foundation, which on Linux carries the
/// GB18030-2000 tables (CoreFoundation's `kCFStringEncodingGB_18030_2000`; the CF module itself
/// is not importable there, so the NSStringEncoding value is spelled out).
enum GB18030 {
    /// `CFStringConvertEncodingToNSStringEncoding(kCFStringEncodingGB_18030_2000)`.
    static let foundationEncoding = String.Encoding(rawValue: 0x8000_0632)

    /// The offset of the first byte that cannot start or continue a GB18030 sequence, or nil.
    static func firstInvalidOffset(_ bytes: [UInt8]) -> Int? {
        var i = 0
        let n = bytes.count
        while i < n {
            if let length = sequenceLength(bytes, at: i) { i += length } else { return i }
        }
        return nil
    }

    /// The length of the valid sequence starting at `i`, or nil when none starts there.
    @inline(__always)
    static func sequenceLength(_ b: [UInt8], at i: Int) -> Int? {
        let n = b.count
        let c = b[i]
        if c < 0x80 { return 1 }
        guard c >= 0x81, c <= 0xFE, i + 1 < n else { return nil }
        let d = b[i + 1]
        if (0x40...0x7E).contains(d) || (0x80...0xFE).contains(d) { return 2 }
        guard (0x30...0x39).contains(d), i + 3 < n,
              (0x81...0xFE).contains(b[i + 2]), (0x30...0x39).contains(b[i + 3]) else { return nil }
        // Four-byte codes are a linear sequence: 0x81308130… covers the rest of the BMP,
        // 0x90308130… the supplementary planes; everything else is unassigned.
        let linear = ((Int(c) - 0x81) * 10 + Int(d) - 0x30) * 1260 + (Int(b[i + 2]) - 0x81) * 10 + Int(b[i + 3]) - 0x30
        if linear <= 39419 || (189_000...189_000 + 0xFFFFF).contains(linear) { return 4 }
        return nil
    }

    static func decode(_ bytes: [UInt8], file: String) throws(LoadError) -> [UInt8] {
        if let bad = firstInvalidOffset(bytes) {
            throw TextDecoder.error(file: file, bytes: bytes, offset: bad,
                                    "not valid GB18030: byte 0x\(TextDecoder.hex(bytes[bad])) at offset \(bad)")
        }
        if let text = String(data: Data(bytes), encoding: foundationEncoding) {
            return Array(text.utf8)
        }
        // Structurally valid but refused: find the sequence Foundation cannot map.
        var i = 0
        while i < bytes.count {
            let length = sequenceLength(bytes, at: i) ?? 1
            if length > 1, String(data: Data(bytes[i..<i + length]), encoding: foundationEncoding) == nil {
                throw TextDecoder.error(file: file, bytes: bytes, offset: i,
                                        "not valid GB18030: the sequence at offset \(i) maps to no character")
            }
            i += length
        }
        throw LoadError(file: file, line: 1, column: 1, message: "GB18030 decoding is not available in this Foundation")
    }
}
