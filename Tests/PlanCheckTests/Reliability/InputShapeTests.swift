import Foundation
import Testing
@testable import PlanCheck

/// Inputs that used to be accepted as clean although they hold no data (issue 16, item 3).
@Suite struct InputShapeTests {
    func load(_ text: String, as file: String) -> LoadError? {
        loadError { () throws(LoadError) in try DatasetLoader.load(bytes: Array(text.utf8), file: file) }
    }

    @Test(arguments: [("hello", "d.yaml", "string"), ("42", "d.yaml", "integer"), ("\"text\"", "d.json", "string"),
                      ("42", "d.json", "integer"), ("true", "d.json", "boolean"), ("--- a\n--- b\n", "d.yaml", "string"),
                      ("tasks: []\n---\n1.5\n", "d.yml", "number")])
    func scalarRootsAreInputErrors(_ text: String, _ file: String, _ kind: String) throws {
        let error = try #require(load(text, as: file))
        #expect(error.message.contains("the document is a single \(kind)") && error.message.contains("a dataset is a mapping"), "\(error)")
        #expect(error.line >= 1 && error.column >= 1)
    }

    @Test func scalarRootsAreRefusedWhenReadFromAPathToo() throws {
        let dir = try TemporaryDirectory()
        let file = dir.write("d.yaml", "hello\n")
        let error = loadError { () throws(LoadError) in try DatasetLoader.load(path: file) }
        #expect(error?.message.contains("the document is a single string (`hello`)") == true)
    }

    @Test(arguments: [("tasks: []", "d.yaml"), ("- a\n- b\n", "d.yaml"), ("{}", "d.json"), ("[1, 2]", "d.json"),
                      ("---\n---\ntasks: []\n", "d.yaml"), ("1\n\"x\"\n", "d.jsonl")])
    func mapsListsAndEmptyDocumentsStillLoad(_ text: String, _ file: String) {
        #expect(load(text, as: file) == nil)
    }

    @Test(arguments: ["", "\n\n", "\u{FEFF}", ",,\n,\n"])
    func aCSVWithoutAHeaderIsAnInputError(_ text: String) throws {
        let error = try #require(load(text, as: "t.csv"))
        #expect(error.message.contains("no header row"), "\(error)")
    }

    @Test func aNULByteInACSVIsAnInputError() throws {
        let error = try #require(load("id,name\nT1,a\u{0}b\n", as: "t.csv"))
        #expect(error.message.contains("NUL byte") && error.line == 2 && error.column == 5, "\(error)")
    }

    @Test func aRowWithFewerFieldsThanTheHeaderIsAnInputError() throws {
        let error = try #require(load("id,lead,deadline\nT1,a,2024-01-01\nT2;b;2024-02-01\n", as: "t.csv"))
        #expect(error.message == "the row starting on line 3 has 1 field, but the header (line 1) has 3; is the delimiter right, or a quote missing?")
        #expect(error.line == 3)
    }

    @Test func aRowWithMoreFieldsThanTheHeaderIsAnInputError() throws {
        let error = try #require(load("id;lead\nT1;a\nT2,x;b;c\n", as: "t.csv"))
        #expect(error.message.contains("has 3 fields, with a value in field 3, but the header (line 1) has 2"), "\(error)")
        #expect(error.line == 3 && error.column == 3)
    }

    @Test func trailingEmptyFieldsAndBlankLinesAreTolerated() {
        #expect(load("id,lead\nT1,a,\n\nT2,b\n", as: "t.csv") == nil)
    }
}

/// Duplicate-key detection stays linear in a map's width (issue 16, item 1): counted in key
/// comparisons, not timed. Before, a map of n keys made n(n-1)/2 comparisons.
@Suite struct WideMappingTests {
    static let keys = 20_000

    static var wideYAML: [UInt8] { Array((0..<keys).map { "k\($0): \($0)\n" }.joined().utf8) }
    static var wideJSON: [UInt8] { Array(("{" + (0..<keys).map { "\"k\($0)\": \($0)" }.joined(separator: ",") + "}").utf8) }

    @Test func yamlComparisonsAreLinear() throws {
        let (roots, storage) = try YAMLLoader.parse(Self.wideYAML[...], file: "w.yaml", limits: .default, lineOffset: 0)
        #expect(roots.count == 1)
        #expect(storage.keyComparisons < 2 * Self.keys, "\(storage.keyComparisons) comparisons for \(Self.keys) keys")
    }

    @Test func jsonComparisonsAreLinear() throws {
        var parser = JSONParser(file: "w.json", limits: .default, expectedBytes: 0, lines: false)
        _ = try Self.wideJSON.withUnsafeBufferPointer { (buffer) throws(LoadError) in try parser.parseDocument(buffer) }
        #expect(parser.storage.keyComparisons < 2 * Self.keys, "\(parser.storage.keyComparisons)")
    }

    @Test func yamlMergeKeysAreLinear() throws {
        let base = (0..<Self.keys).map { "  k\($0): \($0)\n" }.joined()
        let text = "base: &b\n\(base)copy:\n  <<: *b\n  extra: 1\n"
        let (_, storage) = try YAMLLoader.parse(Array(text.utf8)[...], file: "m.yaml", limits: .default, lineOffset: 0)
        #expect(storage.keyComparisons < 4 * Self.keys, "\(storage.keyComparisons)")
        let document = try YAMLLoader.load(bytes: Array(text.utf8), file: "m.yaml")
        #expect(document.root?["copy"]?.count == Self.keys + 1)
    }

    @Test func duplicatesAreStillFoundInWideMaps() throws {
        var yaml = Self.wideYAML
        yaml += Array("k12345: again\n".utf8)
        let error = try #require(loadError { () throws(LoadError) in try YAMLLoader.load(bytes: yaml, file: "w.yaml") })
        #expect(error.message == "duplicate key `k12345` (first defined at line 12346, column 1)" && error.line == Self.keys + 1)
        var json = Self.wideJSON
        json.removeLast()
        json += Array(", \"k7\": 0}".utf8)
        let jsonError = try #require(loadError { () throws(LoadError) in try JSONLoader.load(bytes: json, file: "w.json") })
        #expect(jsonError.message.hasPrefix("duplicate key `k7` (first defined at line 1"))
    }

    @Test func mapKeyIndexAgreesWithAScanAcrossTheThreshold() {
        // Keys that differ only late, and repeats on both sides of the hashing threshold.
        var storage = NodeStorage()
        var pending: [Int32] = []
        var index = MapKeyIndex()
        var found: [Int] = []
        for i in 0..<(MapKeyIndex.hashThreshold * 3) {
            let text = "same-prefix-\(i % (MapKeyIndex.hashThreshold * 2))"
            let key = text.utf8CString.withUnsafeBufferPointer { raw in
                raw.withMemoryRebound(to: UInt8.self) { storage.appendString(UnsafeBufferPointer(rebasing: $0.dropLast()), line: 1, column: 1) }
            }
            if index.duplicate(of: key, in: pending, from: 0, storage: &storage) != nil {
                found.append(i)
            } else {
                pending += [key, key]
            }
        }
        #expect(found == Array((MapKeyIndex.hashThreshold * 2)..<(MapKeyIndex.hashThreshold * 3)))
    }
}
