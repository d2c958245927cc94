import Testing
@testable import PlanCheck

@Suite struct ByteStringTableTests {
    @Test func insertsFindsAndGrows() {
        var table = ByteStringTable<Int>()
        for i in 0..<1_000 { #expect(table.insert("市单位\(i)局", i) == nil) }
        #expect(table.count == 1_000)
        #expect(table.insert("市单位7局", 99) == 7, "an existing key keeps its first value")
        #expect(table.find("市单位999局") == 999)
        #expect(table.find("市单位1000局") == nil)
        #expect(table.find("") == nil)
        table.insert("", -1)
        #expect(table.find("") == -1)
        #expect(table.key(at: 3) == "市单位3局")
    }

    /// Tables index by the hash's low bits, and ids differ only in their last characters: the
    /// low bits must still spread them (a hash without a final avalanche put 10 000 sequential
    /// ids into a few hundred slots, and uniqueness checks slowed by 70 %).
    @Test(arguments: ["M%07d", "%d", "T%d", "2011-%05d"])
    func sequentialKeysSpreadOverTheLowBits(_ pattern: String) {
        var slots = Set<UInt64>()
        for i in 1...10_000 {
            var key = pattern.replacingOccurrences(of: "%07d", with: String(repeating: "0", count: 7 - String(i).count) + String(i))
                .replacingOccurrences(of: "%05d", with: String(repeating: "0", count: max(0, 5 - String(i).count)) + String(i))
                .replacingOccurrences(of: "%d", with: String(i))
            slots.insert(key.withUTF8 { ByteHash.hash($0) } & 0x3FFF)
        }
        // 10 000 random keys in 16 384 slots fill about 7 100 of them.
        #expect(slots.count > 6_500, "\(pattern): \(slots.count) distinct slots")
    }
}

