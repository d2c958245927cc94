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
}
