import Testing
@testable import PlanCheck

/// `when:` runs once per record, so evaluating must cost far less than loading the records.
/// Field selection reads the document directly (no per-record conversion of the whole record).
@Suite struct ExpressionPerformanceTests {
    static func dataset(tasks: Int) -> [UInt8] {
        var text = "tasks:\n"
        text.reserveCapacity(tasks * 160)
        for i in 0..<tasks {
            text += "  - id: M\(i)\n    title: 加快发展总部经济第\(i)项\n    lead: [市发展改革委, 港澳办]\n"
            text += "    status: \(i % 3 == 0 ? "done" : "in-progress")\n    due: '2011-06-30'\n    budget: \(i % 7)00万元\n"
        }
        return Array(text.utf8)
    }

    @Test func whenCostsLessThanLoading() throws {
        let bytes = Self.dataset(tasks: 20_000)
        let clock = ContinuousClock()
        var document: Document?
        let load = try clock.measure { document = try YAMLLoader.load(bytes: bytes, file: "big.yaml") }
        let tasks = Array(try #require(document?.root?["tasks"]).items)
        let when = try CompiledExpression.compile("status == 'done' && lead.size() > 0 && '港澳办' in lead")
        var count = 0
        let evaluate = clock.measure {
            for task in tasks where (try? when.evaluateCondition(record: task, context: ExprTest.context)) == true {
                count += 1
            }
        }
        #expect(count == (20_000 + 2) / 3)
        print("load \(load), when: \(evaluate) for \(tasks.count) records")
        #expect(evaluate < load)
    }
}
