import Dispatch
import Synchronization

/// Runs the engine's synchronous work off the server's event loops and Swift's cooperative
/// threads: at most `width` jobs at once on a Dispatch queue, the rest waiting their turn. A job
/// that has not finished within `timeout` seconds (waiting included) is answered 503 at once;
/// the job itself cannot be interrupted, so it keeps its slot until it ends and its result
/// (and staged files, removed by the job) are discarded then.
public final class WorkerPool: Sendable {
    private let queue = DispatchQueue(label: "plancheck-server.workers", attributes: .concurrent)
    private let slots: DispatchSemaphore
    public let width: Int
    public let timeout: Double

    public init(width: Int, timeout: Double) {
        self.width = max(1, width)
        self.timeout = timeout
        slots = DispatchSemaphore(value: max(1, width))
    }

    public func run(_ work: @escaping @Sendable () -> APIAnswer) async -> APIAnswer {
        await withCheckedContinuation { (continuation: CheckedContinuation<APIAnswer, Never>) in
            // Whoever comes first — the job or the clock — answers; the other finds it taken.
            let pending = Mutex<CheckedContinuation<APIAnswer, Never>?>(continuation)
            @Sendable func answer(_ value: APIAnswer) {
                pending.withLock { slot in
                    slot?.resume(returning: value)
                    slot = nil
                }
            }
            let seconds = timeout
            queue.asyncAfter(deadline: .now() + seconds) {
                var busy = APIError(503, "the request took longer than the server's limit of \(Self.describe(seconds)) s; try fewer or smaller files")
                busy.headers = [("Retry-After", "30")]
                answer(busy.answer)
            }
            queue.async { [slots] in
                slots.wait()
                defer { slots.signal() }
                // A request that already timed out while waiting is not worth starting.
                guard pending.withLock({ $0 != nil }) else { return }
                answer(work())
            }
        }
    }

    static func describe(_ seconds: Double) -> String {
        seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
    }
}
