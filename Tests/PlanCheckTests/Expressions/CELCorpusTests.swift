import Testing
@testable import PlanCheck

/// Runs the differential corpus (Tests/cel-differential/corpus.jsonl; see run.py there) and
/// checks PlanCheck against the recorded results of Google's CEL runtime.
///
/// Every line is JSON, which YAML reads too, so the corpus is loaded with PlanCheck's own YAML
/// loader: the `vars` object becomes the record node exactly as a dataset record would.
@Suite struct CELCorpusTests {
    static let corpusPath: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)   // Expressions/CELCorpusTests.swift, PlanCheckTests
        return parts.joined(separator: "/") + "/cel-differential/corpus.jsonl"
    }()

    struct Case {
        let id: String
        let expr: String
        let record: Node?
        let expected: Node
        let oracle: Node?
        let checkError: Bool
    }

    static func loadCases() throws -> [Case] {
        let bytes = try FileReader.read(corpusPath)
        var cases: [Case] = []
        for line in bytes.split(separator: UInt8(ascii: "\n")) where !line.isEmpty {
            let doc = try YAMLLoader.load(bytes: Array(line), file: "corpus.jsonl")
            let root = try #require(doc.root)
            cases.append(Case(id: root["id"]?.string ?? "?", expr: root["expr"]?.string ?? "",
                              record: root["vars"], expected: try #require(root["expected"]),
                              oracle: root["oracle"], checkError: root["check_error"]?.bool == true))
        }
        return cases
    }

    enum Outcome { case value(ExpressionValue), runtimeError(String), compileError(String) }

    static func run(_ c: Case) -> Outcome {
        let compiled: CompiledExpression
        do {
            compiled = try CompiledExpression.compile(c.expr)
        } catch {
            return .compileError(error.message)
        }
        var collections: [String: [Node]] = [:]
        if let units = c.record?["units"] { collections["units"] = Array(units.items) }
        let context = ExpressionContext(asOf: PlanDate(year: 2012, month: 1, day: 1), root: c.record,
                                        collections: collections)
        switch compiled.evaluate(record: c.record, context: context) {
        case .value(let v): return .value(v)
        case .error(let e): return .runtimeError(e.message)
        }
    }

    /// Whether an outcome agrees with a recorded result. A load-time (static) rejection agrees
    /// with a runtime error, and with any result the reference type checker also rejects.
    static func agrees(_ outcome: Outcome, _ result: Node, checkError: Bool) -> Bool {
        let isError = result["error"] != nil
        switch outcome {
        case .compileError: return isError || checkError
        case .runtimeError: return isError
        case .value(let v):
            guard let typed = result["value"] else { return false }
            return matches(v, typed)
        }
    }

    static func matches(_ v: ExpressionValue, _ typed: Node) -> Bool {
        guard let (tag, payload) = typed.entries.first else { return false }
        switch (tag, v) {
        case ("int", .int(let i)): return payload.string == String(i)
        case ("uint", .uint(let u)): return payload.string == String(u)
        case ("double", .double(let d)):
            switch payload.string {
            case "nan": return d.isNaN
            case "inf": return d == .infinity
            case "-inf": return d == -.infinity
            default: return Double(payload.string ?? "") == d
            }
        case ("string", .string(let s)): return payload.string.map { Array($0.utf8) == Array(s.utf8) } ?? false
        case ("bool", .bool(let b)): return payload.bool == b
        case ("null", .null): return true
        case ("bytes", .bytes(let b)):
            return payload.string == b.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
        case ("type", .type(let t)): return payload.string == t.name
        case ("list", _):
            guard let items = v.listItems, items.count == payload.count else { return false }
            return zip(items, payload.items).allSatisfy { matches($0, $1) }
        case ("map", _):
            guard v.isMap else { return false }
            let entries = v.mapEntries
            guard entries.count == payload.count else { return false }
            return payload.items.allSatisfy { pair in
                entries.contains { matchesKey($0.0, pair[0]!) && matches($0.1, pair[1]!) }
            }
        default: return false
        }
    }

    /// Map keys: the runtime's bindings report uint keys as plain integers.
    static func matchesKey(_ v: ExpressionValue, _ typed: Node) -> Bool {
        if case .uint(let u) = v, typed["int"]?.string == String(u) { return true }
        return matches(v, typed)
    }

    static func describe(_ o: Outcome) -> String {
        switch o {
        case .value(let v): "\(v.celLiteral)"
        case .runtimeError(let m): "error: \(m)"
        case .compileError(let m): "compile error: \(m)"
        }
    }

    @Test func corpusMatchesRecordedResults() throws {
        let cases = try Self.loadCases()
        #expect(cases.count >= 500)
        var failures: [String] = []
        var compared = 0, agreeing = 0
        for c in cases {
            let outcome = Self.run(c)
            if !Self.agrees(outcome, c.expected, checkError: c.checkError) {
                failures.append("\(c.id) `\(c.expr)`: got \(Self.describe(outcome)), expected \(c.expected.entries.first?.key ?? "?")")
            }
            if let oracle = c.oracle {
                compared += 1
                if Self.agrees(outcome, oracle, checkError: c.checkError) { agreeing += 1 }
            }
        }
        print("CEL corpus: \(cases.count) cases, \(agreeing)/\(compared) agree with the reference runtime, \(failures.count) failures")
        #expect(failures.isEmpty, Comment(rawValue: "\(failures.count) corpus failures:\n" + failures.prefix(80).joined(separator: "\n")))
    }
}
