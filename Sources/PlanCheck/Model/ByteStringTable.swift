/// A hash table keyed by UTF-8 byte strings that looks keys up without creating a `String`.
///
/// Why: checkers compare millions of field values (unit names, ids) against sets. Building a
/// Swift `String` for each Chinese value allocates (they exceed the 15-byte small-string
/// limit), which costs more than parsing the value did. Keys are copied once into one buffer.
public struct ByteStringTable<Value: Sendable>: Sendable {
    private var bytes: [UInt8] = []
    /// Each entry's key as offset (high 32 bits) and length (low 32 bits) in `bytes`.
    private var spans: [UInt64] = []
    public private(set) var values: [Value] = []
    /// Open addressing, capacity a power of two: 0 for an empty slot, else the high 32 bits of
    /// the key's hash and entry index + 1. Keeping the hash in the slot means a probe that
    /// meets another key costs no read elsewhere; a table of 100 000 ids is larger than the
    /// cache, and each extra array read was a miss.
    private var slots: [UInt64] = Array(repeating: 0, count: 16)

    public init() {}

    public var count: Int { values.count }

    /// The key of entry `index` as a String (for messages and suggestions).
    public func key(at index: Int) -> String {
        let span = spans[index]
        let o = Int(span >> 32), n = Int(span & 0xFFFF_FFFF)
        return String(decoding: bytes[o..<o + n], as: UTF8.self)
    }

    private func slot(for key: UnsafeBufferPointer<UInt8>, hash: UInt64) -> (slot: Int, entry: Int?) {
        let mask = slots.count - 1
        let tag = hash >> 32
        var i = Int(truncatingIfNeeded: hash) & mask
        while true {
            let value = slots[i]
            if value == 0 { return (i, nil) }
            if value >> 32 == tag {
                let entry = Int(value & 0xFFFF_FFFF) - 1
                let span = spans[entry]
                if Int(span & 0xFFFF_FFFF) == key.count {
                    let o = Int(span >> 32)
                    let same = key.isEmpty || bytes.withUnsafeBufferPointer { all in
                        memcmpEqual(all.baseAddress! + o, key.baseAddress!, key.count)
                    }
                    if same { return (i, entry) }
                }
            }
            i = (i + 1) & mask
        }
    }

    public func find(_ key: UnsafeBufferPointer<UInt8>) -> Value? {
        slot(for: key, hash: ByteHash.hash(key)).entry.map { values[$0] }
    }

    public func find(_ key: String) -> Value? {
        var key = key
        return key.withUTF8 { find($0) }
    }

    /// Inserts `value` for `key` unless present; returns the existing value when there is one.
    @discardableResult
    public mutating func insert(_ key: UnsafeBufferPointer<UInt8>, _ value: Value) -> Value? {
        let h = ByteHash.hash(key)
        let (s, entry) = slot(for: key, hash: h)
        if let entry { return values[entry] }
        spans.append(UInt64(bytes.count) << 32 | UInt64(key.count))
        bytes.append(contentsOf: key)
        values.append(value)
        slots[s] = (h >> 32) << 32 | UInt64(values.count)
        if values.count * 2 > slots.count { grow() }
        return nil
    }

    @discardableResult
    public mutating func insert(_ key: String, _ value: Value) -> Value? {
        var key = key
        return key.withUTF8 { insert($0, value) }
    }

    /// Doubles the slots; each key's place is found again from its bytes.
    private mutating func grow() {
        var newSlots = [UInt64](repeating: 0, count: slots.count * 2)
        let mask = newSlots.count - 1
        bytes.withUnsafeBufferPointer { all in
            for (entry, span) in spans.enumerated() {
                let key = UnsafeBufferPointer(start: all.baseAddress.map { $0 + Int(span >> 32) }, count: Int(span & 0xFFFF_FFFF))
                let h = ByteHash.hash(key)
                var i = Int(truncatingIfNeeded: h) & mask
                while newSlots[i] != 0 { i = (i + 1) & mask }
                newSlots[i] = (h >> 32) << 32 | UInt64(entry + 1)
            }
        }
        slots = newSlots
    }
}

/// The hash of short byte strings shared by `ByteStringTable` and the document's string
/// interning: both sit on the per-record path of loading and checking.
enum ByteHash {
/// A multiply-mix over 8 bytes at a time; the last word (or, below 8 bytes, two 4-byte
/// halves) is read overlapping the previous one, so there is no byte loop. Byte-at-a-time
/// FNV was a visible share of loading.
@inline(__always)
static func hash(_ buffer: UnsafeBufferPointer<UInt8>) -> UInt64 {
    let n = buffer.count
    var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(n)
    guard let base = buffer.baseAddress else { return h }
    let raw = UnsafeRawPointer(base)
    if n >= 8 {
        var i = 0
        while i + 8 < n {
            h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0xBF58_476D_1CE4_E5B9
            h ^= h >> 31
            i += 8
        }
        h ^= raw.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self)
    } else if n >= 4 {
        h ^= UInt64(raw.loadUnaligned(fromByteOffset: 0, as: UInt32.self)) << 32
            | UInt64(raw.loadUnaligned(fromByteOffset: n - 4, as: UInt32.self))
    } else if n > 0 {
        h ^= UInt64(base[0]) << 16 | UInt64(base[n / 2]) << 8 | UInt64(base[n - 1])
    }
    // A full avalanche (MurmurHash3's finaliser): tables index by the low bits, and ids such
    // as `M0000001` differ only in their last bytes, which a multiply alone carries upward.
    h ^= h >> 33
    h = h &* 0xFF51_AFD7_ED55_8CCD
    h ^= h >> 33
    h = h &* 0xC4CE_B9FE_1A85_EC53
    h ^= h >> 33
    return h
}
}
