import Dispatch
import PlanCheck
import Testing
@testable import PlanCheckServerCore

/// The worker pool's promises: never more than `width` jobs at once, every job answered, and a
/// job past the time limit answered 503 while the others go on. (No timing is measured: the
/// limit test only needs the clock to run out before a blocked job is released.)
@Suite struct WorkerPoolTests {
    /// Shared state the jobs update (a class: closures share one lock).
    final class Shared<Value: Sendable>: Sendable {
        let value: Locked<Value>
        init(_ value: Value) { self.value = Locked(value) }
        func withLock<R>(_ body: (inout Value) -> R) -> R { value.withLock { body(&$0) } }
    }

    @Test func neverMoreThanWidthAtOnce() async {
        let pool = WorkerPool(width: 2, timeout: 600)
        let running = Shared((now: 0, most: 0))
        let answers = await withTaskGroup(of: Int.self) { group in
            for i in 0..<12 {
                group.addTask {
                    await pool.run {
                        running.withLock { $0.now += 1; $0.most = max($0.most, $0.now) }
                        var sum = 0
                        for k in 0..<20_000 { sum &+= k ^ i }
                        running.withLock { $0.now -= 1 }
                        return APIAnswer(status: 200, contentType: "text/plain", body: Array(String(sum).utf8))
                    }.status
                }
            }
            var all: [Int] = []
            for await status in group { all.append(status) }
            return all
        }
        #expect(answers == Array(repeating: 200, count: 12))
        #expect(running.withLock { $0.most } <= 2)
        #expect(running.withLock { $0.now } == 0)
    }

    @Test func overTheLimitIs503AndTheJobStillEnds() async {
        let pool = WorkerPool(width: 1, timeout: 0.05)
        let release = DispatchSemaphore(value: 0)
        let ended = Shared(false)
        let answer = await pool.run {
            release.wait()
            ended.withLock { $0 = true }
            return APIAnswer(status: 200, contentType: "text/plain", body: [])
        }
        #expect(answer.status == 503)
        #expect(answer.headers.contains { $0.0 == "Retry-After" })
        release.signal()
        // The job cannot be interrupted; released, it runs to its end (its answer is dropped).
        for _ in 0..<1_000 where !ended.withLock({ $0 }) { try? await Task.sleep(for: .milliseconds(10)) }
        #expect(ended.withLock { $0 })
    }
}
