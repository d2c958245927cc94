import Testing
@testable import PlanCheck

/// Hostile input must give a clear error, not a stack overflow or a hang.
@Suite struct ExpressionLimitTests {
    @Test func tenThousandNestedParenthesesAreRejected() {
        let source = String(repeating: "(", count: 10_000) + "1" + String(repeating: ")", count: 10_000)
        let error = ExprTest.compileError(source)
        #expect(error?.message.contains("nested too deeply") == true)
    }

    @Test func deepChainsAreRejected() {
        for source in [
            Array(repeating: "1", count: 5_000).joined(separator: " + "),
            String(repeating: "!", count: 10_000) + "true",
            String(repeating: "-", count: 10_000) + "1",
            "a" + String(repeating: ".b", count: 10_000),
            String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000),
            String(repeating: "{1:", count: 10_000) + String(repeating: "}", count: 10_000),
            String(repeating: "true ? 1 : ", count: 5_000) + "1",
        ] {
            #expect(ExprTest.compileError(source)?.message.contains("nested too deeply") == true)
        }
    }

    @Test func nestingWithinTheLimitEvaluates() throws {
        let depth = ExpressionLimits.maxDepth - 1
        let source = String(repeating: "(", count: depth) + "1" + String(repeating: ")", count: depth)
        #expect(try ExprTest.eval(source) == "1")
        let sum = Array(repeating: "1", count: 200).joined(separator: " + ")
        #expect(try ExprTest.eval(sum) == "200")
        let lists = String(repeating: "[", count: 120) + String(repeating: "]", count: 120)
        #expect(try ExprTest.eval("size(\(lists))") == "1")
    }

    @Test func hugeSourcesAreRejected() {
        let source = "'" + String(repeating: "x", count: 1_000_000) + "' == ''"
        #expect(ExprTest.compileError(source)?.message.contains("too long") == true)
    }

    /// A backtracking engine would not finish these in any lifetime; the Pike VM answers at once.
    /// The time limit only guards CI against a hang — speed itself is the benchmark's business.
    @Test(.timeLimit(.minutes(1)))
    func catastrophicBacktrackingPatternIsLinear() throws {
        let input = String(repeating: "a", count: 50_000) + "b"
        var context = ExprTest.context
        context.variables["s"] = .string(input)
        #expect(try ExprTest.eval("s.matches('(a+)+$')", context: context) == "false")
        #expect(try ExprTest.eval("s.matches('^(a|aa)*b$')", context: context) == "true")
        #expect(try ExprTest.eval("s.matches(r'(\\w+\\s?)*$')", context: context) == "true")
    }

    @Test func oversizedRegexRepetitionIsRejected() {
        #expect(ExprTest.compileError("'a'.matches('a{1001}')")?.message.contains("invalid repeat count") == true)
        #expect(ExprTest.compileError("'a'.matches('(a{1000}){1000}')")?.message.contains("too large") == true)
    }
}
