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
}
