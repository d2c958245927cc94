/// Duplicate-key detection for one map under construction, linear in its number of keys.
///
/// A small map (the usual record) is scanned backwards, which is cheaper than hashing; once a
/// map has `hashThreshold` keys its keys are indexed by a hash of their bytes, so a registry of
/// 200 000 keys costs 200 000 lookups instead of 20 billion comparisons. The hash is Swift's
/// per-process seeded `Hasher`, so a file cannot be crafted to make its keys collide.
struct MapKeyIndex {
    static let hashThreshold = 16

    /// Key hash → first key node with that hash.
    private var index: [Int: Int32]?

    init() {}

    /// The earlier key with the same bytes as `key`, or nil (and `key` is remembered).
    ///
    /// - Parameters:
    ///   - keys: the map's keys so far, every `stride`-th element of `pending` from `start`
    ///     (keys and values alternate while a map is built). The caller appends `key` to them
    ///     when this returns nil; every key must pass through here.
    mutating func duplicate(of key: Int32, in pending: [Int32], from start: Int, stride: Int = 2,
                            storage: inout NodeStorage) -> Int32? {
        let count = (pending.count - start + stride - 1) / stride
        if index == nil, count < Self.hashThreshold {
            return scan(for: key, in: pending, from: start, stride: stride, storage: &storage)
        }
        if index == nil {
            var built: [Int: Int32] = [:]
            built.reserveCapacity(count * 2)
            var slot = start
            while slot < pending.count {
                let h = Self.hash(pending[slot], storage)
                if built[h] == nil { built[h] = pending[slot] }
                slot += stride
            }
            index = built
        }
        let h = Self.hash(key, storage)
        guard let other = index![h] else {
            index![h] = key
            return nil
        }
        storage.keyComparisons += 1
        if storage.stringBytesEqual(other, key) { return other }
        // Two different keys with one hash (about one in 2^64 pairs): settle it with a scan.
        return scan(for: key, in: pending, from: start, stride: stride, storage: &storage)
    }

    private func scan(for key: Int32, in pending: [Int32], from start: Int, stride: Int,
                      storage: inout NodeStorage) -> Int32? {
        var slot = start
        while slot < pending.count {
            storage.keyComparisons += 1
            if storage.stringBytesEqual(pending[slot], key) { return pending[slot] }
            slot += stride
        }
        return nil
    }

    private static func hash(_ id: Int32, _ storage: NodeStorage) -> Int {
        let o = Int(storage.payloads[Int(id)]), n = Int(storage.counts[Int(id)])
        return storage.bytes.withUnsafeBytes { raw in
            var hasher = Hasher()
            hasher.combine(bytes: UnsafeRawBufferPointer(rebasing: raw[o..<(o + n)]))
            return hasher.finalize()
        }
    }
}
