import Foundation

/// A value guarded by a lock, with the `withLock` of the standard library's `Mutex`.
///
/// Why not `Synchronization.Mutex`: on Linux it locks inside the Swift runtime, through a
/// futex, where ThreadSanitizer cannot see it, so every access it guards is reported as a
/// data race (and a real race would drown among them). `NSLock` is a pthread mutex, which
/// ThreadSanitizer intercepts; it costs the same uncontended. docs/reliability.md, "Sanitizers".
package final class Locked<Value: Sendable>: @unchecked Sendable {
    // @unchecked: `value` is only touched while `lock` is held.
    private let lock = NSLock()
    private var value: Value

    package init(_ value: Value) { self.value = value }

    package func withLock<R, E: Error>(_ body: (inout Value) throws(E) -> R) throws(E) -> R {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
