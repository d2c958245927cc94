import Testing
@testable import PlanCheck

@Suite struct JSONLoaderTests {
    func load(_ text: String, limits: LoadLimits = .default) throws -> Document {
        try JSONLoader.load(bytes: Array(text.utf8), file: "t.json", limits: limits)
    }

    /// The error loading `bytes` raises (fails the test when it loads).
    func failure(_ bytes: [UInt8], limits: LoadLimits = .default) -> LoadError? {
        do {
            _ = try JSONLoader.load(bytes: bytes, file: "t.json", limits: limits)
            Issue.record("expected a load error")
            return nil
        } catch {
            return error
        }
    }

    func failure(_ text: String, limits: LoadLimits = .default) -> LoadError? {
        failure(Array(text.utf8), limits: limits)
    }

    // MARK: values

    @Test func scalarsAndContainers() throws {
        let doc = try load(#"""
        {"a": 1, "b": 2.5, "c": true, "d": null, "e": "x", "f": [1, "two", false], "g": {}, "h": [],
         "min": -9223372036854775808, "max": 9223372036854775807, "big": 9223372036854775808,
         "exp": 1e2, "neg": -0.5, "zero": -0, "frac": 0.25E-1}
        """#)
        let root = try #require(doc.root)
        #expect(root.kind == .map)
        #expect(root["a"]?.integer == 1)
        #expect(root["b"]?.double == 2.5)
        #expect(root["c"]?.bool == true)
        #expect(root["d"]?.isNull == true)
        #expect(root["e"]?.string == "x")
        #expect(root["f"]?.count == 3)
        #expect(root["f"]?[1]?.string == "two")
        #expect(root["f"]?[2]?.bool == false)
        #expect(root["g"]?.kind == .map && root["g"]?.count == 0)
        #expect(root["h"]?.kind == .list && root["h"]?.count == 0)
        #expect(root["min"]?.integer == Int64.min)
        #expect(root["max"]?.integer == Int64.max)
        #expect(root["big"]?.double == 9_223_372_036_854_775_808.0)
        #expect(root["exp"]?.kind == .double && root["exp"]?.double == 100)
        #expect(root["neg"]?.double == -0.5)
        #expect(root["zero"]?.integer == 0)
        #expect(root["frac"]?.double == 0.025)
        #expect(root.keys.map { $0.string ?? "" } == ["a", "b", "c", "d", "e", "f", "g", "h", "min", "max", "big", "exp", "neg", "zero", "frac"])
    }

    @Test func scalarRoots() throws {
        #expect(try load("42").root?.integer == 42)
        #expect(try load(" \"s\" ").root?.string == "s")
        #expect(try load("null").root?.isNull == true)
        #expect(try load("[[[]]]").root?[0]?[0]?.count == 0)
    }

    @Test func escapes() throws {
        let doc = try load(#"["\"\\\/\b\f\n\r\t", "\u00e9\u4e2d", "\ud83d\ude00", "a\u0000b", "plain é 中 😀"]"#)
        let root = try #require(doc.root)
        #expect(root[0]?.string == "\"\\/\u{08}\u{0C}\n\r\t")
        #expect(root[1]?.string == "é中")
        #expect(root[2]?.string == "😀")
        #expect(root[3]?.string == "a\u{0}b")
        #expect(root[4]?.string == "plain é 中 😀")
    }

    @Test func byteOrderMarkIsSkipped() throws {
        let doc = try JSONLoader.load(bytes: [0xEF, 0xBB, 0xBF] + Array("{\"a\": 1}".utf8), file: "t.json")
        #expect(doc.root?["a"]?.integer == 1)
        #expect(doc.root?.column == 1)
        let e = failure([0xEF, 0xBB, 0xBF] + Array("[1,]".utf8))
        #expect(e?.line == 1 && e?.column == 3)
        #expect(e?.message.contains("byte offset") == false)
        let utf8 = failure([0xEF, 0xBB, 0xBF, 0x22, 0xFF, 0x22])
        #expect(utf8?.column == 2)
        #expect(utf8?.message.contains("byte 0xFF at byte offset 4") == true)
    }

    @Test func locationsAreOneBasedInCharacters() throws {
        let doc = try load("{\n  \"任务\": {\"负责\": \"市外办\", \"n\": [1,\n    2]},\r\n  \"x\": true\n}")
        let root = try #require(doc.root)
        #expect(root.line == 1 && root.column == 1)
        let task = try #require(root["任务"])
        #expect(task.line == 2 && task.column == 9)
        #expect(task["负责"]?.line == 2)
        #expect(task["负责"]?.column == 16)
        #expect(task["n"]?.column == 28)
        #expect(task["n"]?[0]?.column == 29)
        #expect(task["n"]?[1]?.line == 3 && task["n"]?[1]?.column == 5)
        #expect(root.keyNode("x")?.line == 4 && root.keyNode("x")?.column == 3)
        #expect(root["x"]?.column == 8)
        #expect(task["n"]?[1]?.normalizedPath == "$['任务']['n'][1]")
        #expect(task["n"]?[1]?.location.description == "t.json:3:5")
    }

    @Test func minifiedSingleLineColumns() throws {
        // Columns on a long single line are computed incrementally (no quadratic rescans).
        let items = (0..<20_000).map { "{\"id\":\($0)}" }.joined(separator: ",")
        let doc = try load("[" + items + "]")
        let last = try #require(doc.root?[19_999]?["id"])
        #expect(last.integer == 19_999)
        #expect(last.line == 1)
        #expect(last.column == 1 + ("[" + (0..<19_999).map { "{\"id\":\($0)}," }.joined() + "{\"id\":").count)
    }

    @Test func largeMapsDetectDuplicatesWithTheHashIndex() throws {
        let members = (0..<100).map { "\"k\($0)\": \($0)" }.joined(separator: ", ")
        #expect(try load("{" + members + "}").root?["k99"]?.integer == 99)
        let error = failure("{" + members + ", \"k42\": 0}")
        #expect(error?.message.contains("duplicate key `k42`") == true)
    }

    @Test func jsonTextRoundTrips() throws {
        let text = #"{"a":[1,2.5,"x\n\"y",true,null,{}],"b":{"c":[]}}"#
        let doc = try load(text)
        #expect(doc.root?.jsonText == text)
        #expect(try load(doc.root!.jsonText).root!.structurallyEquals(doc.root!))
    }

    // MARK: errors

    @Test func emptyInput() {
        let e = failure("")
        #expect(e?.line == 1 && e?.column == 1)
        #expect(e?.message.contains("empty input") == true)
        let blank = failure("  \n\t\n")
        #expect(blank?.line == 3 && blank?.column == 1)
        #expect(blank?.message.contains("empty input") == true)
    }

    @Test func trailingCommas() {
        let list = failure("[1, 2,]")
        #expect(list?.line == 1 && list?.column == 6)
        #expect(list?.message.contains("trailing comma") == true)
        let map = failure("{\n  \"a\": 1,\n}")
        #expect(map?.line == 2 && map?.column == 9)
        #expect(map?.message.contains("trailing comma") == true)
    }

    @Test func badEscapes() {
        let e = failure(#"{"a": "x\qy"}"#)
        #expect(e?.line == 1 && e?.column == 9)
        #expect(e?.message.contains(#"invalid escape `\q`"#) == true)
        let hex = failure(#"["\u12G4"]"#)
        #expect(hex?.column == 3)
        #expect(hex?.message.contains("four hexadecimal digits") == true)
        let unterminated = failure(#"["abc"#)
        #expect(unterminated?.column == 2)
        #expect(unterminated?.message.contains("unterminated string") == true)
    }

    @Test func unpairedSurrogates() {
        let lone = failure(#"["ok", "\ud800"]"#)
        #expect(lone?.line == 1 && lone?.column == 9)
        #expect(lone?.message.contains(#"unpaired surrogate \uD800"#) == true)
        let low = failure(#"["\udc00"]"#)
        #expect(low?.column == 3)
        #expect(low?.message.contains("unpaired surrogate") == true)
        let wrong = failure(#"["\ud800\u0041"]"#)
        #expect(wrong?.message.contains(#"followed by \u0041"#) == true)
    }

    @Test func invalidUTF8NamesTheByteOffset() {
        let e = failure([0x5B, 0x22, 0x61, 0xFF, 0x22, 0x5D]) // ["a<FF>"]
        #expect(e?.line == 1 && e?.column == 4)
        #expect(e?.message.contains("invalid UTF-8") == true)
        #expect(e?.message.contains("0xFF at byte offset 3") == true)
        // A truncated sequence and an overlong encoding.
        let truncated = failure([0x22, 0xE4, 0xB8, 0x22])
        #expect(truncated?.message.contains("byte 0x22 at byte offset 3") == true)
        let overlong = failure([0x22, 0xC0, 0xAF, 0x22])
        #expect(overlong?.message.contains("byte 0xC0 at byte offset 1") == true)
        // Encoded surrogates are not UTF-8 either.
        let surrogate = failure([0x22, 0xED, 0xA0, 0x80, 0x22])
        #expect(surrogate?.message.contains("byte 0xA0 at byte offset 2") == true)
        // Outside strings too.
        let outside = failure([0x5B, 0x31, 0x2C, 0x80, 0x5D])
        #expect(outside?.message.contains("0x80 at byte offset 3") == true)
    }

    @Test func leadingZeros() {
        let e = failure("{\"n\": 007}")
        #expect(e?.line == 1 && e?.column == 7)
        #expect(e?.message.contains("leading zeros") == true)
        #expect(failure("[-01]")?.message.contains("leading zeros") == true)
        #expect(failure("[1.]")?.message.contains("decimal point") == true)
        #expect(failure("[1e+]")?.message.contains("exponent") == true)
        #expect(failure("[-]")?.message.contains("digit after `-`") == true)
        #expect(failure("[+1]")?.message.contains("found `+`") == true)
        #expect(failure("[.5]")?.message.contains("found `.`") == true)
        #expect(failure("[1e400]")?.message.contains("outside the range") == true)
    }

    @Test func duplicateKeys() {
        let e = failure("{\n  \"id\": 1,\n  \"name\": \"x\",\n  \"id\": 2\n}")
        #expect(e?.line == 4 && e?.column == 3)
        #expect(e?.message == "duplicate key `id` (first defined at line 2, column 3)")
        // The same key in different maps is fine.
        #expect((try? load(#"[{"id": 1}, {"id": 2}]"#)) != nil)
    }

    @Test func depthLimit() throws {
        var limits = LoadLimits()
        limits.maxDepth = 3
        #expect(try load("[[[1]]]", limits: limits).root?[0]?[0]?[0]?.integer == 1)
        let e = failure("[[{\"a\": [1]}]]", limits: limits)
        #expect(e?.line == 1 && e?.column == 9)
        #expect(e?.message.contains("deeper than 3 levels") == true)
        // The default limit: 1000 levels load, 1001 do not, and nothing overflows the stack.
        let ok = try load(String(repeating: "[", count: 1000) + String(repeating: "]", count: 1000))
        #expect(ok.nodeCount == 1000)
        let deep = failure(String(repeating: "[", count: 1001) + String(repeating: "]", count: 1001))
        #expect(deep?.column == 1001)
        #expect(deep?.message.contains("deeper than 1000 levels") == true)
    }

    @Test func trailingGarbage() {
        let e = failure("{\"a\": 1}\n  x")
        #expect(e?.line == 2 && e?.column == 3)
        #expect(e?.message.contains("after the JSON value") == true)
        #expect(failure("1 2")?.column == 3)
    }

    @Test func structuralErrors() {
        let open = failure("{\"a\": [1, 2\n")
        #expect(open?.line == 2 && open?.column == 1)
        #expect(open?.message.contains("list `[` opened at line 1, column 7 is not closed") == true)
        let colon = failure(#"{"a" 1}"#)
        #expect(colon?.column == 6)
        #expect(colon?.message.contains("expected `:`") == true)
        let comma = failure("[1 2]")
        #expect(comma?.column == 4)
        #expect(comma?.message.contains("expected `,` or `]`") == true)
        let key = failure("{a: 1}")
        #expect(key?.column == 2)
        #expect(key?.message.contains("a string as map key") == true)
        let literal = failure("[True]")
        #expect(literal?.column == 2)
        #expect(literal?.message.contains("found `T`") == true)
        let truncatedLiteral = failure("[tru]")
        #expect(truncatedLiteral?.message.contains("invalid literal `tru`") == true)
        let control = failure("[\"a\tb\"]")
        #expect(control?.column == 4)
        #expect(control?.message.contains("a tab inside a string must be escaped") == true)
        let closer = failure("[1, ]")
        #expect(closer?.message.contains("trailing comma") == true)
        let stray = failure("]")
        #expect(stray?.message.contains("expected a value, found `]`") == true)
        let nonASCII = failure("[é]")
        #expect(nonASCII?.message.contains("found `é`") == true)
    }

    // MARK: JSON Lines

    func loadLines(_ text: String) throws -> Document {
        try JSONLinesLoader.load(bytes: Array(text.utf8), file: "t.jsonl")
    }

    @Test func jsonLinesRecords() throws {
        let doc = try loadLines("{\"id\": 1}\n\n  \r\n[2, 3]\r\n\"four\"\n{\"id\": 5}")
        let root = try #require(doc.root)
        #expect(root.kind == .list)
        #expect(root.count == 4)
        #expect(root[0]?["id"]?.integer == 1)
        #expect(root[1]?[1]?.integer == 3)
        #expect(root[2]?.string == "four")
        #expect(root[3]?.line == 6)
        #expect(root[1]?.line == 4 && root[1]?.column == 1)
        #expect(root[3]?["id"]?.normalizedPath == "$[3]['id']")
        #expect(try loadLines("").root?.count == 0)
        #expect(try loadLines("\n\n").root?.count == 0)
    }

    @Test func jsonLinesErrorsNameTheLine() {
        func lineFailure(_ text: String) -> LoadError? {
            do {
                _ = try loadLines(text)
                Issue.record("expected a load error")
                return nil
            } catch {
                return error as? LoadError
            }
        }
        let bad = lineFailure("{\"id\": 1}\n{\"id\": 2}\n{\"id\": 3,}\n")
        #expect(bad?.line == 3 && bad?.column == 9)
        #expect(bad?.message.contains("trailing comma") == true)
        let split = lineFailure("{\"id\": 1}\n{\"id\":\n 2}\n")
        #expect(split?.line == 2 && split?.column == 7)
        #expect(split?.message.contains("every value must be on one line") == true)
        let two = lineFailure("1 2\n")
        #expect(two?.line == 1 && two?.column == 3)
        #expect(two?.message.contains("one value per line") == true)
        let dup = lineFailure("{}\n{\"a\": 1, \"a\": 2}")
        #expect(dup?.message == "duplicate key `a` (first defined at line 2, column 2)")
    }
}
