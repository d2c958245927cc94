import Testing
@testable import PlanCheck

/// The `math` namespace and the date parts: how they resolve, what the load-time checks reject
/// and what the messages say. Their values are compared with the reference runtime in the
/// differential corpus (CELCorpusTests).
@Suite struct MathAndDatePartTests {
    @Test func namespacedFunctionsResolveBeforeARecordFieldCalledMath() throws {
        // A record field named `math` does not capture `math.abs(…)`, as in CEL.
        let record = try ExprTest.record("math: {abs: 1}\nscore: -2\n")
        #expect(try ExprTest.eval("math.abs(score)", record: record) == "2")
        #expect(try ExprTest.eval("math.abs", record: record) == "1")
        // A macro variable called `math` is a variable: `math.size()` is a receiver call.
        #expect(try ExprTest.eval("[[1, 2]].map(math, math.size())") == "[2]")
    }

    @Test func variadicGreatestAndLeast() throws {
        #expect(try ExprTest.eval("math.greatest(1, 7, 3)") == "7")
        #expect(try ExprTest.eval("math.least([4, 2.5, 3u])") == "2.5")
        #expect(try ExprTest.eval("math.greatest([])") == "error: math.greatest() of an empty list")
        #expect(ExprTest.compileError("math.greatest()")?.message == "'math.greatest' takes at least 1 argument, not 0")
        #expect(ExprTest.compileError("math.greatest(1, 'a')")?.message == "no matching overload for math.greatest(int, string)")
        #expect(ExprTest.compileError("math.greatest([1], 2)") != nil)
    }

    @Test func loadTimeChecksOfTheOtherMathFunctions() throws {
        #expect(ExprTest.compileError("math.ceil(1)")?.message == "no matching overload for math.ceil(int)")
        #expect(ExprTest.compileError("math.sqrt('4')") != nil)
        #expect(ExprTest.compileError("math.pow(2)")?.message == "'math.pow' takes 2 arguments, not 1")
        #expect(ExprTest.compileError("math.nope(1)")?.message.hasPrefix("unknown function 'math.nope'") == true)
        #expect(ExprTest.compileError("abs(1)")?.message.hasPrefix("unknown function 'abs'") == true)
        // Result types are known statically, so a misuse further out is caught at load time too.
        #expect(ExprTest.compileError("math.sqrt(4) + 1") != nil)
        #expect(ExprTest.compileError("math.isNaN(1.0) + 1") != nil)
    }

    @Test func powerForGrowthPaths() throws {
        #expect(try ExprTest.eval("math.pow(2, 10)") == "1024.0")
        #expect(try ExprTest.eval("math.pow(1.1, 2) > 1.2") == "true")
        #expect(try ExprTest.eval("1200.0 * math.pow(1.0 + 0.065, 2.0) >= 1361.0") == "true")
        #expect(ExprTest.compileError("math.pow('2', 2)") != nil)
        let record = try ExprTest.record("rate: '6.5%'\n")
        #expect(try ExprTest.eval("math.pow(rate, 2)", record: record) == "error: no matching overload for math.pow(string)")
    }

    @Test func datePartsFollowCELTimestampNumbering() throws {
        // 2011-06-30 was a Thursday, the 181st day of the year.
        #expect(try ExprTest.eval("date('2011-06-30').getFullYear()") == "2011")
        #expect(try ExprTest.eval("date('2011-06-30').getMonth()") == "5")
        #expect(try ExprTest.eval("date('2011-06-30').getDate()") == "30")
        #expect(try ExprTest.eval("date('2011-06-30').getDayOfMonth()") == "29")
        #expect(try ExprTest.eval("date('2011-06-30').getDayOfWeek()") == "4")
        #expect(try ExprTest.eval("date('2011-06-30').getDayOfYear()") == "180")
        #expect(try ExprTest.eval("date('1969-12-28').getDayOfWeek()") == "0")
        #expect(try ExprTest.eval("asOf.getFullYear()") == "2012")
        #expect(ExprTest.compileError("'2011-06-30'.getFullYear()")?.message == "no matching overload for getFullYear(string)")
        #expect(ExprTest.compileError("getMonth(asOf)")?.message == "'getMonth' is called on a receiver: write x.getMonth(…)")
        let task = try ExprTest.record("due: 2011-06-30\n")
        #expect(try ExprTest.eval("due.getMonth()", record: task) == "error: no matching overload for getMonth(string)")
    }

    /// The growth-path rule shown in docs/expressions.md compiles and judges indicators as the
    /// page says: 18 % a year from 1311 expects about 1825 two years on.
    @Test func theDocumentedGrowthPathRuleBehaves() throws {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(4)
        let page = String(decoding: try FileReader.read(parts.joined(separator: "/") + "/docs/expressions.md"), as: UTF8.self)
        let block = try #require(page.components(separatedBy: "```yaml\n").first { $0.hasPrefix("- id: indicator-on-growth-path") })
        let yaml = block.components(separatedBy: "```")[0]
        let rule = try #require(try YAMLLoader.load(bytes: Array(yaml.utf8), file: "expressions.md").root?[0])
        let when = try CompiledExpression.compile(rule["when"]?.string ?? "")
        let assertion = try CompiledExpression.compile(rule["assert"]?.string ?? "")
        let indicators = try #require(try ExprTest.record("""
            - {id: I01, name: GDP, baseline: 1311, growth: 18, actual: 1830, actualYear: 2012}
            - {id: I02, name: GDP, baseline: 1311, growth: 18, actual: 1800, actualYear: 2012}
            - {id: I03, name: GDP, target: 3500}
            """))
        let context = ExprTest.context
        #expect(try when.evaluateCondition(record: indicators[0], context: context))
        #expect(try assertion.evaluateCondition(record: indicators[0], context: context))
        #expect(try !assertion.evaluateCondition(record: indicators[1], context: context))
        #expect(try !when.evaluateCondition(record: indicators[2], context: context))
    }
}
