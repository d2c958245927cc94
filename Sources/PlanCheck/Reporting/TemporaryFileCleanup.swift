#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Removes the named temporary file of a write in progress when the process is interrupted
/// (SIGINT from Ctrl-C, SIGTERM from a cancelled CI job, SIGHUP), so a cancelled run leaves no
/// `.report.plancheck-XXXXXX` behind. SIGKILL cannot be caught; `AtomicReplacement` keeps the
/// named window as short as two system calls for that reason.
///
/// The handler may only call async-signal-safe functions, so the path lives in a C buffer
/// allocated before the signal can arrive and is read without locks. Writes happen one at a
/// time (reports are written in sequence), which is what makes one slot enough.
enum TemporaryFileCleanup {
    static let capacity = Int(PATH_MAX) + 1
    nonisolated(unsafe) static let slot: UnsafeMutablePointer<CChar> = {
        let buffer = UnsafeMutablePointer<CChar>.allocate(capacity: capacity)
        buffer.initialize(repeating: 0, count: capacity)
        return buffer
    }()
    nonisolated(unsafe) static var installed = false

    static func track(_ path: String) {
        installHandlers()
        let bytes = Array(path.utf8CString)
        guard bytes.count <= capacity else { return }
        // Write the path, then its first byte last, so the handler never sees half a path.
        slot[0] = 0
        for i in 1..<bytes.count { slot[i] = bytes[i] }
        slot[0] = bytes[0]
    }

    static func untrack() { slot[0] = 0 }

    static func installHandlers() {
        guard !installed else { return }
        installed = true
        _ = slot
        for sig in [SIGINT, SIGTERM, SIGHUP] {
            // Leave a signal the user chose to ignore (nohup) ignored.
            let previous = signal(sig, removeAndReraise)
            if unsafeBitCast(previous, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self) { signal(sig, SIG_IGN) }
        }
    }
}

/// Removes the tracked file, then lets the signal do what it would have done.
private func removeAndReraise(_ sig: Int32) {
    if TemporaryFileCleanup.slot[0] != 0 { unlink(TemporaryFileCleanup.slot) }
    signal(sig, SIG_DFL)
    raise(sig)
}
