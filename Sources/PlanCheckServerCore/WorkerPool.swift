import Dispatch
import PlanCheck

/// Runs the engine's synchronous work off the server's event loops and Swift's cooperative
/// threads: at most `width` jobs at once on a Dispatch queue, the rest waiting in line (no
/// thread is blocked while waiting). A job that has not answered within `timeout` seconds
/// (waiting included) is answered 503 at once; a job still in line then is dropped, a running
/// one cannot be interrupted, so it keeps its slot until it ends and its answer is discarded
/// (its staged files are removed by the job itself).
public final class WorkerPool: Sendable {
    private let queue = DispatchQueue(label: "plancheck-server.workers", attributes: .concurrent)
    private let timers = DispatchQueue(label: "plancheck-server.timeouts")
    private struct Line {
        var running = 0
        var waiting: [@Sendable () -> Void] = []
    }
    private let line = Locked(Line())
    public let width: Int
    public let timeout: Double

    public init(width: Int, timeout: Double) {
        self.width = max(1, width)
        self.timeout = timeout
    }

    public func run(_ work: @escaping @Sendable () -> APIAnswer) async -> APIAnswer {
        await withCheckedContinuation { (continuation: CheckedContinuation<APIAnswer, Never>) in
            // Whoever comes first — the job or the clock — answers; the other finds it taken.
            let pending = Locked<CheckedContinuation<APIAnswer, Never>?>(continuation)
            @Sendable func answer(_ value: APIAnswer) {
                pending.withLock { slot in
                    slot?.resume(returning: value)
                    slot = nil
                }
            }
            let seconds = timeout
            timers.asyncAfter(deadline: .now() + seconds) {
                var late = APIError(503, "the request took longer than the server's limit of \(Self.describe(seconds)) s; try fewer or smaller files")
                late.headers = [("Retry-After", "30")]
                answer(late.answer)
            }
            enqueue {
                // A request that timed out while in line is not worth starting.
                guard pending.withLock({ $0 != nil }) else { return }
                answer(work())
            }
        }
    }

    private func enqueue(_ job: @escaping @Sendable () -> Void) {
        let startNow = line.withLock { line -> Bool in
            if line.running < width {
                line.running += 1
                return true
            }
            line.waiting.append(job)
            return false
        }
        if startNow { start(job) }
    }

    private func start(_ job: @escaping @Sendable () -> Void) {
        queue.async { [self] in
            job()
            // Hand the slot to the next job in line, or give it back.
            let next = line.withLock { line -> (@Sendable () -> Void)? in
                if line.waiting.isEmpty {
                    line.running -= 1
                    return nil
                }
                return line.waiting.removeFirst()
            }
            if let next { start(next) }
        }
    }

    static func describe(_ seconds: Double) -> String {
        seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
    }
}
