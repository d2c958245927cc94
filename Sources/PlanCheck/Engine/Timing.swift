#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where a check spends its time, printed to standard error when `PLANCHECK_TIMING` is set
/// (ESLint's `TIMING=1` habit): loading per file, each rule, suppressions, reports. It tells a
/// user which rule to rewrite, and it is how the performance work finds its next target.
///
/// Off by default, and then it costs one branch per phase: nothing is measured or kept.
public enum Timing {
    public static let isEnabled: Bool = getenv("PLANCHECK_TIMING") != nil

    private static let entries = Locked<[(phase: String, seconds: Double, peakMB: Int)]>([])

    /// Runs `body`, adding its wall time to `phase` when timing is on.
    @inline(__always)
    public static func measure<T, E: Error>(_ phase: @autoclosure () -> String, _ body: () throws(E) -> T) throws(E) -> T {
        guard isEnabled else { return try body() }
        let start = now()
        defer {
            let elapsed = now() - start
            let name = phase()
            let peak = peakMegabytes()
            entries.withLock { $0.append((name, elapsed, peak)) }
        }
        return try body()
    }

    /// The table, slowest phase first (phases measured several times are summed).
    public static func report() -> String {
        let totals = entries.withLock { list -> [(String, Double, Int, Int)] in
            var sums: [String: (Double, Int, Int)] = [:]
            var order: [String] = []
            for entry in list {
                if sums[entry.phase] == nil { order.append(entry.phase) }
                let old = sums[entry.phase] ?? (0, 0, 0)
                sums[entry.phase] = (old.0 + entry.seconds, old.1 + 1, max(old.2, entry.peakMB))
            }
            return order.map { ($0, sums[$0]!.0, sums[$0]!.1, sums[$0]!.2) }
        }
        // Slowest first; the peak column is the process's peak resident memory when the phase
        // ended, so the phase where it jumps is the one that allocated.
        var lines = ["phase" + String(repeating: " ", count: 36) + "ms  times  peak MB"]
        for (phase, seconds, times, peak) in totals.sorted(by: { $0.1 > $1.1 }) {
            let name = phase.count > 36 ? "…" + String(phase.suffix(35)) : phase
            lines.append(name.padding(36) + String(Int((seconds * 1000).rounded())).leftPadding(7)
                         + String(times).leftPadding(7) + String(peak).leftPadding(9))
        }
        return lines.joined(separator: "\n")
    }

    static func peakMegabytes() -> Int {
        var usage = rusage()
        #if canImport(Glibc)
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        #else
        getrusage(RUSAGE_SELF, &usage)
        #endif
        #if canImport(Darwin)
        return Int(usage.ru_maxrss) >> 20 // bytes on Darwin
        #else
        return Int(usage.ru_maxrss) >> 10 // KiB on Linux
        #endif
    }

    static func now() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }
}

private extension String {
    func padding(_ width: Int) -> String { self + String(repeating: " ", count: max(1, width - count)) }
    func leftPadding(_ width: Int) -> String { String(repeating: " ", count: max(1, width - count)) + self }
}
