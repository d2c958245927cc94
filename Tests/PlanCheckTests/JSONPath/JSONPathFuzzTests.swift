import Testing
@testable import PlanCheck

/// Deterministic random inputs: the parsers and the evaluator must answer (a value or an error)
/// and never trap, whatever they are given.
@Suite struct JSONPathFuzzTests {
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let document = try! JSONLoader.load(bytes: Array(#"""
    {"a": [1, 2.5, "x", true, null, {"b": [[], {}], "c": "市"}], "b": {"a": {"a": 1}}, "": -3}
    """#.utf8), file: "f.json")

    /// A mostly valid random query (grammar-driven), so evaluation is exercised too.
    static func query(_ rng: inout SplitMix, depth: Int = 0) -> String {
        func pick(_ options: [String]) -> String { options.randomElement(using: &rng)! }
        var text = ""
        for _ in 0..<Int.random(in: 0...3, using: &rng) {
            switch Int.random(in: 0..<6, using: &rng) {
            case 0: text += pick([".a", ".b", ".*", "..a", "..*", ".c"])
            case 1: text += pick(["[0]", "[-1]", "[1:]", "[::-1]", "[:2:2]", "['a','b']", "[*]", "[ 'a' ]", "['']"])
            case 2 where depth < 3:
                let left = pick(["@", "$"]) + query(&rng, depth: depth + 1)
                let right = pick(["1", "'x'", "true", "null", "@.a", "$.b.a.a", "length(@)", "count(@.*)", "value(@..c)", "-0", "2.5"])
                let test = pick(["\(left) == \(right)", "\(left) < \(right)", "\(left)", "!\(left)", "match(@, 'a.*')",
                                 "search(@.c, '[市]')", "(\(left) || \(left)) && \(left) >= \(right)", "length(\(left)) > 1"])
                text += "[?\(test)]"
            default: text += pick(["[0, 'a']", "[?@]", "[1:3]", ".a[0]"])
            }
        }
        return text
    }

    @Test func randomPathsCompileOrFailCleanly() {
        var rng = SplitMix(state: 42)
        let noise = ["$", "@", ".", "[", "]", "?", "(", ")", "'", "\\", " ", "=", "!", "-", "0", "市"]
        let root = Self.document.root!
        var compiled = 0
        for k in 0..<20_000 {
            var text = Array(("$" + Self.query(&rng)).unicodeScalars)
            if k % 2 == 1, !text.isEmpty {
                // Corrupt one position.
                let at = Int.random(in: 0..<text.count, using: &rng)
                text[at] = noise.randomElement(using: &rng)!.unicodeScalars.first!
            }
            var string = ""
            string.unicodeScalars.append(contentsOf: text)
            guard let path = try? JSONPath(string) else { continue }
            compiled += 1
            let nodes = path.select(root)
            let traced = path.selectWithPaths(root)
            #expect(nodes.map(\.index) == traced.map(\.node.index), "\(string)")
            // A normalized path is itself a query selecting exactly that node.
            for (node, normalized) in traced.prefix(3) {
                #expect((try? JSONPath(normalized))?.select(root).map(\.index) == [node.index], "\(string) → \(normalized)")
            }
        }
        #expect(compiled > 5_000)
    }

    @Test func randomPatternsCompileOrFailCleanly() {
        var rng = SplitMix(state: 7)
        let pieces = ["a", "b", ".", "*", "+", "?", "{2}", "{1,3}", "{2,}", "(", ")", "|", "[", "]", "^", "-", "\\", "\\p{L}",
                      "\\P{N}", "\\.", "\\n", "{", "}", ",", "市", "[a-z]", "[^b]"]
        let subjects = ["", "a", "ab", "aab", "市a", "a.b\n", String(repeating: "ab", count: 50)]
        var compiled = 0
        for _ in 0..<20_000 {
            let n = Int.random(in: 1...10, using: &rng)
            let pattern = (0..<n).map { _ in pieces.randomElement(using: &rng)! }.joined()
            guard let regex = IRegexp(pattern) else { continue }
            compiled += 1
            for subject in subjects {
                let bytes = Array(subject.utf8)[...]
                // A whole match is also a match somewhere.
                if regex.matchesWhole(bytes) { #expect(regex.containsMatch(bytes), "\(pattern) on \(subject)") }
            }
        }
        #expect(compiled > 1_000)
    }

    @Test func mutatedJSONLoadsOrFailsCleanly() {
        var rng = SplitMix(state: 99)
        let valid = Array(#"{"a": [1, -2.5e3, "x\n\u00e9", true, null, {"b": [[], {}], "c": "市"}], "d": false}"#.utf8)
        let bytes: [UInt8] = [0x22, 0x5C, 0x7B, 0x7D, 0x5B, 0x5D, 0x2C, 0x3A, 0x30, 0x2D, 0x65, 0x2E, 0x75, 0x20, 0x0A, 0xFF, 0xC3, 0xE5, 0x80]
        var loaded = 0
        for _ in 0..<20_000 {
            var input = valid
            for _ in 0..<Int.random(in: 1...3, using: &rng) {
                let at = Int.random(in: 0..<input.count, using: &rng)
                switch Int.random(in: 0..<3, using: &rng) {
                case 0: input[at] = bytes.randomElement(using: &rng)!
                case 1: input.insert(bytes.randomElement(using: &rng)!, at: at)
                default: input.remove(at: at)
                }
            }
            if let doc = try? JSONLoader.load(bytes: input, file: "m.json") {
                loaded += 1
                _ = doc.root?.jsonText
            }
            _ = try? JSONLinesLoader.load(bytes: input, file: "m.jsonl")
        }
        #expect(loaded > 100)
    }
}
