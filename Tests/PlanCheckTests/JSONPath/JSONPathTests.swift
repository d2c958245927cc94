import Testing
@testable import PlanCheck

@Suite struct JSONPathTests {
    static let plan = #"""
    {"plan": "2024", "tasks": [
      {"id": "T1", "lead": "市外办", "budget": 120, "status": "done", "tags": ["a", "b"]},
      {"id": "T2", "lead": "财政局", "budget": 80.5, "status": "open", "tags": []},
      {"id": "T3", "lead": "市外办", "budget": 300, "status": "open", "owner": {"lead": "x"}}
    ]}
    """#

    func root(_ text: String = plan) throws -> Node {
        try #require(try JSONLoader.load(bytes: Array(text.utf8), file: "t.json").root)
    }

    func ids(_ path: String, _ text: String = plan) throws -> [String] {
        try JSONPath(path).select(root(text)).map { $0.string ?? $0.jsonText }
    }

    func error(_ path: String) -> JSONPathError? {
        do {
            _ = try JSONPath(path)
            Issue.record("`\(path)` should not compile")
            return nil
        } catch {
            return error
        }
    }

    // MARK: selection

    @Test func childSegmentsAndSelectors() throws {
        #expect(try ids("$.tasks[*].id") == ["T1", "T2", "T3"])
        #expect(try ids("$['tasks'][0]['id']") == ["T1"])
        #expect(try ids("$.tasks[-1].id") == ["T3"])
        #expect(try ids("$.tasks[0, 2, 0].id") == ["T1", "T3", "T1"])
        #expect(try ids("$.tasks[1:].id") == ["T2", "T3"])
        #expect(try ids("$.tasks[::-1].id") == ["T3", "T2", "T1"])
        #expect(try ids("$.tasks[::2].id") == ["T1", "T3"])
        #expect(try ids("$.tasks[0:0].id") == [])
        #expect(try ids("$.tasks[9].id") == [])
        #expect(try ids("$.plan") == ["2024"])
        #expect(try ids("$") == [try root().jsonText])
        #expect(try ids("$.missing[*]") == [])
    }

    @Test func descendants() throws {
        #expect(try ids("$..lead") == ["市外办", "财政局", "市外办", "x"])
        #expect(try ids("$..tags[*]") == ["a", "b"])
        #expect(try ids("$.tasks[0]..*") == ["T1", "市外办", "120", "done", #"["a","b"]"#, "a", "b"])
    }

    @Test func filters() throws {
        #expect(try ids("$.tasks[?@.budget > 100].id") == ["T1", "T3"])
        #expect(try ids("$.tasks[?@.budget > 100 && @.status != 'done'].id") == ["T3"])
        #expect(try ids("$.tasks[?@.status == 'done' || @.budget < 100].id") == ["T1", "T2"])
        #expect(try ids("$.tasks[?!(@.budget > 100)].id") == ["T2"])
        #expect(try ids("$.tasks[?@.owner].id") == ["T3"])
        #expect(try ids("$.tasks[?!@.owner].id") == ["T1", "T2"])
        #expect(try ids("$.tasks[?@.lead == $.tasks[0].lead].id") == ["T1", "T3"])
        #expect(try ids("$.tasks[?@.budget == 80.5].id") == ["T2"])
        #expect(try ids("$.tasks[?@.nothing == @.missing].id") == ["T1", "T2", "T3"])
        #expect(try ids("$.tasks[?@.id >= 'T2'].id") == ["T2", "T3"])
        // Two empty results compare equal (Nothing == Nothing).
        #expect(try ids("$.tasks[?@.tags == @.tags].id") == ["T1", "T2", "T3"])
        #expect(try ids("$.tasks[?@.tags == $.tasks[0].tags].id") == ["T1"])
    }

    @Test func functions() throws {
        #expect(try ids("$.tasks[?length(@.tags) > 0].id") == ["T1"])
        #expect(try ids("$.tasks[?length(@.lead) == 3].id") == ["T1", "T2", "T3"])
        #expect(try ids("$.tasks[?count(@.*) == 5].id") == ["T1", "T2", "T3"])
        #expect(try ids("$.tasks[?count(@.tags[*]) == 2].id") == ["T1"])
        #expect(try ids("$.tasks[?value(@..lead) == 'x'].id") == [])
        #expect(try ids("$.tasks[?value(@.owner.lead) == 'x'].id") == ["T3"])
        #expect(try ids("$.tasks[?match(@.id, 'T[12]')].id") == ["T1", "T2"])
        #expect(try ids("$.tasks[?search(@.lead, '外')].id") == ["T1", "T3"])
        #expect(try ids("$.tasks[?match(@.lead, '\\\\p{Lo}+')].id") == ["T1", "T2", "T3"])
        #expect(try ids("$.tasks[?match(@.id, @.plan)].id") == [])
    }

    @Test func numbersCompareExactly() throws {
        let doc = "[9007199254740993, 1, 1.5, -0, 1e300]"
        #expect(try ids("$[?@ == 9007199254740993]", doc) == ["9007199254740993"])
        #expect(try ids("$[?@ == 9007199254740992]", doc) == [])
        #expect(try ids("$[?@ == 1.0]", doc) == ["1"])
        #expect(try ids("$[?@ == 0]", doc) == ["0"])
        #expect(try ids("$[?@ > 1 && @ < 2]", doc) == ["1.5"])
        #expect(try ids("$[?@ > 9007199254740992]", doc) == ["9007199254740993", "1e+300"])
    }

    @Test func normalizedPathsDuringTraversal() throws {
        let path = try JSONPath("$.tasks[?@.budget > 100]['id', 'lead']")
        let found = path.selectWithPaths(try root())
        #expect(found.map(\.path) == ["$['tasks'][0]['id']", "$['tasks'][0]['lead']", "$['tasks'][2]['id']", "$['tasks'][2]['lead']"])
        #expect(found.map { $0.node.normalizedPath } == found.map(\.path))
        let escaped = try JSONPath("$.*").selectWithPaths(try root(#"{"it's": 1, "a\nb": 2, "\u0001": 3}"#))
        #expect(escaped.map(\.path) == [#"$['it\'s']"#, #"$['a\nb']"#, #"$['\u0001']"#])
    }

    @Test func yamlAliasesGetThePathOfEachOccurrence() throws {
        let doc = try YAMLLoader.load(bytes: Array("base: &b {lead: x}\ncopy: *b\n".utf8), file: "t.yaml")
        let found = try JSONPath("$..lead").selectWithPaths(try #require(doc.root))
        #expect(found.map(\.path) == ["$['base']['lead']", "$['copy']['lead']"])
        #expect(found.allSatisfy { $0.node.string == "x" })
    }

    @Test func deepDocumentsDoNotRecurse() throws {
        let depth = 1000
        let text = String(repeating: "{\"a\":", count: depth - 1) + "{\"a\": 1}" + String(repeating: "}", count: depth - 1)
        let r = try root(text)
        #expect(try JSONPath("$..a").select(r).count == depth)
        #expect(try JSONPath("$..*").select(r).count == depth)
        #expect(try JSONPath("$..[?@ == 1]").selectWithPaths(r).first?.path == "$" + String(repeating: "['a']", count: depth))
    }

    @Test func manyRecords() throws {
        let records = (0..<100_000).map { "{\"id\":\($0),\"status\":\"\($0 % 3 == 0 ? "done" : "open")\"}" }
        let r = try root("{\"tasks\":[" + records.joined(separator: ",") + "]}")
        #expect(try JSONPath("$.tasks[*]").select(r).count == 100_000)
        #expect(try JSONPath("$.tasks[?@.status == 'done']").select(r).count == 33_334)
        #expect(try JSONPath("$.tasks[*].id").select(r).last?.integer == 99_999)
    }

    // MARK: errors

    @Test func errorOffsetsAreCharacterPositions() {
        #expect(error(" $")?.offset == 0)
        #expect(error("$ ")?.message.contains("end with whitespace") == true)
        #expect(error("$ ")?.offset == 1)
        #expect(error("tasks")?.offset == 0)
        #expect(error("$.tasks[")?.offset == 8)
        #expect(error("$.任务[0 1]")?.offset == 7)
        #expect(error("$.1")?.message.contains("cannot start with a digit") == true)
        #expect(error("$[?@.a = 1]")?.message.contains("==") == true)
        #expect(error("$[?@.a = 1]")?.offset == 7)
        #expect(error("$['a")?.message.contains("unterminated string") == true)
        #expect(error("$[9007199254740992]")?.message.contains("out of range") == true)
        #expect(error("$[?@.* == 1]")?.message.contains("singular") == true)
        #expect(error("$[?@[ 'a' ] == 1]")?.message.contains("singular") == true)
        #expect(error("$[?length(@.a)]")?.message.contains("must be compared") == true)
        #expect(error("$[?match(@.a, 'x') == true]")?.message.contains("cannot be compared") == true)
        #expect(error("$[?foo(@.a)]")?.message.contains("unknown function foo()") == true)
        #expect(error("$[?count(1) > 0]")?.message.contains("expects a query") == true)
        #expect(error("$[?!@.a == 1]")?.message.contains("negated expression cannot be compared") == true)
        #expect(error("$[?'a']")?.message.contains("literal must be compared") == true)
        #expect(error("$[?(@.a]")?.message.contains("expected `)`") == true)
    }

    @Test func nestingIsBounded() {
        let deep = "$[?" + String(repeating: "(", count: 100) + "@.a" + String(repeating: ")", count: 100) + "]"
        #expect(error(deep)?.message.contains("more than 64 levels") == true)
        let ok = "$[?" + String(repeating: "(", count: 30) + "@.a" + String(repeating: ")", count: 30) + "]"
        #expect((try? JSONPath(ok)) != nil)
    }

    @Test func compileLocatesErrorsAtTheRuleNode() throws {
        let rules = try YAMLLoader.load(bytes: Array("rules:\n  - path: \"$.tasks[?@.x = 1]\"\n".utf8), file: "rules.yaml")
        let node = try #require(rules.root?["rules"]?[0]?["path"])
        #expect(throws: LoadError(file: "rules.yaml", line: 2, column: 11,
                                  message: "invalid JSONPath `$.tasks[?@.x = 1]`: expected `,` or `]` after a selector, found `=` (to compare, write `==`) (at character 14)")) {
            try JSONPath.compile(node.string!, at: node)
        }
        #expect(try JSONPath.compile("$.tasks", at: node).description == "$.tasks")
    }
}

@Suite struct IRegexpTests {
    func matches(_ pattern: String, _ subject: String) -> Bool? {
        IRegexp(pattern)?.matchesWhole(Array(subject.utf8)[...])
    }

    func finds(_ pattern: String, _ subject: String) -> Bool? {
        IRegexp(pattern)?.containsMatch(Array(subject.utf8)[...])
    }

    @Test func syntax() {
        #expect(matches("a.c", "abc") == true)
        #expect(matches("a.c", "a\nc") == false)
        #expect(matches("a.c", "a\rc") == false)
        #expect(matches("a.c", "a\u{2028}c") == true)
        #expect(matches("a.c", "a😀c") == true)
        #expect(matches("[a-c]+", "abcab") == true)
        #expect(matches("[^a-c]", "d") == true)
        #expect(matches("[^a-c]", "b") == false)
        #expect(matches("[-a]", "-") == true)
        #expect(matches("[a-]", "-") == true)
        #expect(matches("[\\]\\[]+", "][") == true)
        #expect(matches("a{2,3}", "aaa") == true)
        #expect(matches("a{2,3}", "aaaa") == false)
        #expect(matches("a{2,}", "aaaaa") == true)
        #expect(matches("a{2}", "a") == false)
        #expect(matches("(ab|cd)*", "abcdab") == true)
        #expect(matches("(ab|cd)*", "abc") == false)
        #expect(matches("a|", "") == true)
        #expect(matches("", "") == true)
        #expect(matches("\\.\\n\\t\\\\", ".\n\t\\") == true)
        #expect(matches("\\p{Lu}\\p{Ll}*", "Hello") == true)
        #expect(matches("\\p{L}+", "市外办") == true)
        #expect(matches("\\P{L}+", "12 !") == true)
        #expect(matches("[\\p{Nd}x]+", "1x2") == true)
        #expect(matches("[^\\P{N}]", "٣") == true)
        #expect(matches("\\p{Sc}", "€") == true)
        // `^` and `$` are ordinary characters in RFC 9485.
        #expect(matches("^a$", "^a$") == true)
        #expect(matches("^a", "a") == false)
    }

    @Test func searchFindsSubstrings() {
        #expect(finds("b+", "abbbc") == true)
        #expect(finds("x", "abc") == false)
        #expect(finds("", "abc") == true)
        #expect(finds("c$", "abc") == false)
        #expect(finds("\\p{Han}", "中") == nil)
    }

    @Test func invalidPatterns() {
        for pattern in ["(", ")", "a**", "*a", "a{3,2}", "a{,2}", "[]", "[z-a]", "[a-b-c]", "\\d", "\\w", "\\u0041",
                        "\\p{Lx}", "\\p{Cs}", "\\p{IsBasicLatin}", "{", "a}", "]", "[a", "(?:a)", "a+?", "[[a]]"] {
            #expect(IRegexp(pattern) == nil, "\(pattern) should be invalid")
        }
    }

    @Test func pathologicalPatternsRunInLinearTime() {
        let long = String(repeating: "a", count: 20_000)
        #expect(matches("(a*)*b", long) == false)
        #expect(matches("(a|aa)+", long) == true)
        #expect(finds("(x+x+)+y", String(repeating: "x", count: 5_000)) == false)
        #expect(matches("(a?){30}a{30}", String(repeating: "a", count: 30)) == true)
        // Programs beyond the size limit are refused rather than built.
        #expect(IRegexp("((a{1000}){1000}){1000}") == nil)
    }
}
