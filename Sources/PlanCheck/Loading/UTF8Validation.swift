/// Strict UTF-8 validation (no overlongs, no surrogates, nothing above U+10FFFF), shared by the
/// JSON parser and the text-encoding detection of tabular files.
enum UTF8Validation {
    /// The length of the valid sequence starting at `i` (a byte ≥ 0x80), or, when it is invalid,
    /// `bad`: the offset of the first byte that breaks it (`i` itself, or a continuation byte).
    @inline(__always)
    static func sequence(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> (length: Int, bad: Int?) {
        let n: Int
        var low: UInt8 = 0x80, high: UInt8 = 0xBF
        switch b[i] {
        case 0xC2...0xDF: n = 2
        case 0xE0: n = 3; low = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: n = 3
        case 0xED: n = 3; high = 0x9F
        case 0xF0: n = 4; low = 0x90
        case 0xF1...0xF3: n = 4
        case 0xF4: n = 4; high = 0x8F
        default: return (0, i)
        }
        for k in 1..<n {
            guard i + k < b.count else { return (0, i) }
            let c = b[i + k]
            let lo = k == 1 ? low : 0x80, hi = k == 1 ? high : 0xBF
            guard c >= lo && c <= hi else { return (0, i + k) }
        }
        return (n, nil)
    }

    /// The offset of the first byte that starts an invalid sequence, or nil.
    static func firstInvalidOffset(_ bytes: [UInt8], from start: Int) -> Int? {
        bytes.withUnsafeBufferPointer { b -> Int? in
            var i = start
            while i < b.count {
                if b[i] < 0x80 { i += 1; continue }
                let (length, bad) = sequence(b, at: i)
                if bad != nil { return i }
                i += length
            }
            return nil
        }
    }
}
