/// Byte-level companion of `UnitSplitter`: tells, without decoding, whether a string value is a
/// single clean unit name (no separator of `UnitSplitter.separators`, no surrounding spaces), so
/// the common case skips splitting and allocation.
enum UnitBytes {
    static func isSingleUnit(_ s: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = s.count
        guard n > 0 else { return false }
        if s[0] == 0x20 || s[0] == 0x09 || s[n - 1] == 0x20 || s[n - 1] == 0x09 { return false }
        var i = 0
        while i < n {
            let b = s[i]
            switch b {
            case UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "/"), 0x0A, 0x0D:
                return false
            case 0xE3 where i + 2 < n && s[i + 1] == 0x80 && (s[i + 2] == 0x81 || s[i + 2] == 0x80): // 、 or ideographic space
                return false
            case 0xEF where i + 2 < n && s[i + 1] == 0xBC && (s[i + 2] == 0x8C || s[i + 2] == 0x9B || s[i + 2] == 0x8F): // ， ； ／
                return false
            default:
                i += 1
            }
        }
        return true
    }

    /// `s` without the spaces `UnitSplitter.trim` removes (ASCII space, tab, U+3000).
    static func trimmed(_ s: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        var start = 0, end = s.count
        while true {
            if start < end, s[start] == 0x20 || s[start] == 0x09 { start += 1; continue }
            if end - start >= 3, s[start] == 0xE3, s[start + 1] == 0x80, s[start + 2] == 0x80 { start += 3; continue }
            break
        }
        while true {
            if end > start, s[end - 1] == 0x20 || s[end - 1] == 0x09 { end -= 1; continue }
            if end - start >= 3, s[end - 3] == 0xE3, s[end - 2] == 0x80, s[end - 1] == 0x80 { end -= 3; continue }
            break
        }
        return UnsafeBufferPointer(rebasing: s[start..<end])
    }
}
