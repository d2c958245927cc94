import Testing
@testable import PlanCheck

/// The compact parts of the document model: positions packed in 4 bytes with a side table for
/// the ones that do not fit, and short strings stored once.
@Suite struct NodeStorageTests {
    @Test func positionsThatDoNotPackKeepTheirValues() {
        var table = PositionTable()
        let positions: [(Int, Int)] = [(1, 1), (2, 254), (3, 255), (4, 70_000), ((1 << 24) - 1, 3), (1 << 24, 3), (20_000_000, 900), (7, 0)]
        for (line, column) in positions { table.append(line: line, column: column) }
        for (node, (line, column)) in positions.enumerated() {
            #expect(table.line(Int32(node)) == line, "node \(node)")
            #expect(table.column(Int32(node)) == column, "node \(node)")
        }
        // Appending a second table shifts its side-table entries with its nodes.
        var combined = table
        combined.append(contentsOf: table, nodeBase: Int32(table.count))
        for (node, (line, column)) in (positions + positions).enumerated() {
            #expect(combined.line(Int32(node)) == line && combined.column(Int32(node)) == column, "node \(node)")
        }
    }

    /// Minified JSON puts every node on line 1 at a large column: every position goes to the
    /// side table and still reads back.
    @Test func minifiedJSONColumns() throws {
        let items = (0..<400).map { "{\"id\":\"T\($0)\",\"lead\":\"市外办\"}" }.joined(separator: ",")
        let document = try JSONLoader.load(bytes: Array("{\"tasks\":[\(items)]}".utf8), file: "m.json")
        let last = try #require(document.root?.lookup(path: "tasks.399.lead"))
        #expect(last.line == 1)
        let prefix = "{\"tasks\":[" + (0..<399).map { "{\"id\":\"T\($0)\",\"lead\":\"市外办\"}," }.joined() + "{\"id\":\"T399\",\"lead\":"
        #expect(last.column == prefix.count + 1)
    }

    /// A value met again shares its bytes: the document holds one copy of each repeated short
    /// string, and every node still reads its own text.
    @Test func repeatedShortStringsAreStoredOnce() throws {
        let units = ["市外办", "市发展改革委", "市教育局"]
        let text = "tasks:\n" + (0..<300).map { "  - {id: T\($0), lead: \(units[$0 % 3]), title: \"\(String(repeating: "很长的标题", count: 3))\($0)\"}\n" }.joined()
        let document = try YAMLLoader.load(bytes: Array(text.utf8), file: "p.yaml")
        let root = try #require(document.root)
        for i in [0, 1, 2, 150, 299] {
            #expect(root.lookup(path: "tasks.\(i).lead")?.string == units[i % 3])
            #expect(root.lookup(path: "tasks.\(i).id")?.string == "T\(i)")
        }
        let leads = (0..<300).compactMap { root.lookup(path: "tasks.\($0).lead")?.index }
        #expect(Set(leads.map { document.payloads[Int($0)] }).count == 3, "one copy per unit name")
        // Keys once, unit names once, ids (short) once each, titles (long) each: no more bytes.
        let titleBytes = (0..<300).reduce(0) { $0 + "\(String(repeating: "很长的标题", count: 3))\($1)".utf8.count }
        let idBytes = (0..<300).reduce(0) { $0 + "T\($1)".utf8.count }
        let expected = ["tasks", "id", "lead", "title"].reduce(0) { $0 + $1.utf8.count } + units.reduce(0) { $0 + $1.utf8.count } + titleBytes + idBytes
        #expect(document.bytes.count == expected)
    }

    /// Past its size limit the table stops taking new strings; strings still read correctly.
    @Test func theTableStopsGrowingAtItsLimit() {
        var storage = NodeStorage()
        let n = NodeStorage.maximumInternedStrings + 10
        var ids: [Int32] = []
        for i in 0..<n {
            var text = "v\(i)"
            ids.append(text.withUTF8 { storage.appendString($0, line: 1, column: 1) })
        }
        var again = "v\(n - 1)" // met after the limit: stored a second time
        let late = again.withUTF8 { storage.appendString($0, line: 1, column: 1) }
        var early = "v0" // met before: shared
        let first = early.withUTF8 { storage.appendString($0, line: 1, column: 1) }
        let document = Document(file: "x", roots: [], storage: storage)
        #expect(Node(document: document, index: ids[n - 1]).string == "v\(n - 1)")
        #expect(Node(document: document, index: late).string == "v\(n - 1)")
        #expect(document.payloads[Int(late)] != document.payloads[Int(ids[n - 1])])
        #expect(document.payloads[Int(first)] == document.payloads[Int(ids[0])])
    }

    /// The one binary search behind roots, children, quoted scalars and unpacked positions.
    @Test func lastIndexAtOrBefore() {
        let ids: [Int32] = [2, 5, 9, 14]
        #expect(ids.lastIndex(atOrBefore: 1) == nil)
        #expect(ids.lastIndex(atOrBefore: 2) == 0)
        #expect(ids.lastIndex(atOrBefore: 8) == 1)
        #expect(ids.lastIndex(atOrBefore: 14) == 3)
        #expect(ids.lastIndex(atOrBefore: 99) == 3)
        #expect([Int32]().lastIndex(atOrBefore: 3) == nil)
        // A slice keeps its parent's positions (children of one container in a shared array).
        #expect(ids[1..<3].lastIndex(atOrBefore: 10) == 2)
        #expect(ids[1..<3].lastIndex(atOrBefore: 4) == nil)
    }
}

