import Foundation

/// The field names a file writes where the loaded document holds canonical ones (a `mapping:`
/// renamed `牵头单位` to `lead`, a ledger header `牵头单位` became `lead`), so a finding about
/// `lead` can say `牵头单位`, as the user wrote it.
///
/// Kept per run of nodes (a record and everything in it, or a whole table), each pointing at a
/// shared table canonical path → written path: most records of one file rename the same fields,
/// so a million mapped rows share a handful of tables. Absent (nil on the document) when nothing
/// was renamed, and then costs nothing.
public struct WrittenNames: Sendable {
    /// Node runs in increasing order of `starts`; `ends` inclusive.
    private(set) var starts: [Int32] = []
    private(set) var ends: [Int32] = []
    private(set) var tableOfRun: [Int32] = []
    private(set) var tables: [[String: String]] = []

    /// Records a run of nodes whose names `names` (canonical → written) describe.
    struct Builder {
        private var runs: [(start: Int32, end: Int32, names: [String: String])] = []

        mutating func add(start: Int32, end: Int32, names: [String: String]) {
            guard !names.isEmpty, end >= start else { return }
            runs.append((start, end, names))
        }

        var isEmpty: Bool { runs.isEmpty }

        func build() -> WrittenNames? {
            guard !runs.isEmpty else { return nil }
            var result = WrittenNames()
            var tableIndex: [[String: String]: Int32] = [:]
            for run in runs.sorted(by: { $0.start < $1.start || ($0.start == $1.start && $0.end > $1.end) }) {
                let index = tableIndex[run.names] ?? {
                    result.tables.append(run.names)
                    let new = Int32(result.tables.count - 1)
                    tableIndex[run.names] = new
                    return new
                }()
                result.starts.append(run.start)
                result.ends.append(run.end)
                result.tableOfRun.append(index)
            }
            return result
        }
    }

    /// Canonical path → written path for the record at node `id` (the innermost run holding
    /// it), or nil.
    public func names(at id: Int32) -> [String: String]? {
        guard var run = starts.lastIndex(atOrBefore: id) else { return nil }
        // Runs nest only when one mapping's records lie inside another's; a few steps back
        // find the enclosing one, and a finding is never worth a long scan.
        var steps = 0
        while ends[run] < id {
            guard run > 0, steps < 64 else { return nil }
            run -= 1
            steps += 1
        }
        return tables[Int(tableOfRun[run])]
    }

    /// `message` with every canonical field name quoted in backticks (as checkers quote
    /// fields) replaced by the written one.
    static func rewrite(_ message: String, names: [String: String]) -> String {
        guard message.contains("`") else { return message }
        var text = message
        for (canonical, written) in names where text.contains("`" + canonical + "`") {
            text = text.replacingOccurrences(of: "`" + canonical + "`", with: "`" + written + "`")
        }
        return text
    }
}
