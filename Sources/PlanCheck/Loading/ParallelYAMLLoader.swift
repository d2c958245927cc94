/// Parses a large YAML file on several threads.
///
/// Why: libyaml is sequential and parsing is most of a check's time, so one core would set the
/// floor. Plan datasets have one shape almost always: a top-level map whose biggest value is a
/// block list of records (`tasks:` followed by `  - id: …` lines). The items of that list can be
/// cut at item lines and parsed independently; the rest of the file (with the list's lines
/// blanked, so line numbers stay true) is parsed beside them, and the pieces are spliced into
/// one `Document` identical to what a sequential parse gives.
///
/// Anything unusual — several documents, directives, an anchor used across pieces, a quoted
/// scalar running over an item line, a parse error anywhere — makes this return nil and the
/// caller parses sequentially, which also produces the precise error message.
enum ParallelYAMLLoader {
    /// Files below this size are not worth splitting.
    static let minimumBytes = 2 << 20
    /// Splitting is used only with more threads than this. With two, the pipeline (libyaml on
    /// one thread, the document built on the other: `YAMLEventPipeline`) is faster and lighter:
    /// 0.50 s and 77 MiB against 0.64 s and 182 MiB for the 100 000-task benchmark plan (the
    /// pieces, then the merged document, are held at once).
    static let minimumThreads = 2

    static func load(bytes: [UInt8], file: String, limits: LoadLimits, parallelism: Int,
                     minimumBytes: Int = minimumBytes) -> Document? {
        guard parallelism > minimumThreads, bytes.count >= minimumBytes, let plan = SplitPlan.make(bytes, pieces: parallelism, minimumRegion: minimumBytes / 2) else { return nil }
        // Job 0 is the head (the file with the list blanked); jobs 1… are the list's pieces.
        var head = [UInt8]()
        head.reserveCapacity(bytes.count - (plan.regionEnd - plan.regionStart) + plan.regionNewlines)
        head.append(contentsOf: bytes[0..<plan.regionStart])
        head.append(contentsOf: repeatElement(0x0A, count: plan.regionNewlines))
        head.append(contentsOf: bytes[plan.regionEnd...])
        let headBytes = head
        let jobs = [(start: 0, end: 0, line: 0)] + plan.pieces
        let parsed = parallelMap(Array(jobs.indices), jobs: parallelism) { index -> (roots: [Int32], storage: NodeStorage)? in
            if index == 0 { return try? YAMLLoader.parse(headBytes[...], file: file, limits: limits, lineOffset: 0) }
            let piece = jobs[index]
            return try? YAMLLoader.parse(bytes[piece.start..<piece.end], file: file, limits: limits, lineOffset: piece.line)
        }
        guard let headResult = parsed[0], headResult.roots.count == 1 else { return nil }
        var storage = headResult.storage
        let root = headResult.roots[0]
        // The blanked list reads as `key: null`; find that entry by its key's line.
        guard storage.kinds[Int(root)] == .map else { return nil }
        var valueSlot = -1
        let start = Int(storage.payloads[Int(root)])
        for i in 0..<Int(storage.counts[Int(root)]) {
            let key = storage.children[start + 2 * i]
            if storage.positions.line(key) == plan.keyLine {
                valueSlot = start + 2 * i + 1
            }
        }
        guard valueSlot >= 0, storage.kinds[Int(storage.children[valueSlot])] == .null else { return nil }
        var items: [Int32] = []
        var listLine = 0, listColumn = 0
        for result in parsed.dropFirst() {
            guard let result, result.roots.count == 1, result.storage.kinds[Int(result.roots[0])] == .list else { return nil }
            let base = storage.append(contentsOf: result.storage)
            let pieceRoot = Int(result.roots[0])
            if items.isEmpty {
                listLine = result.storage.positions.line(Int32(pieceRoot))
                listColumn = result.storage.positions.column(Int32(pieceRoot))
            }
            let childStart = Int(result.storage.payloads[pieceRoot])
            for i in 0..<Int(result.storage.counts[pieceRoot]) {
                items.append(result.storage.children[childStart + i] + base)
            }
            // The piece's own list is dropped: it must not claim the items as their parent.
            storage.counts[pieceRoot + Int(base)] = 0
        }
        let list = storage.append(.list, line: listLine, column: listColumn, payload: 0, count: 0)
        storage.close(container: list, with: items[...], isMap: false)
        storage.children[valueSlot] = list
        return Document(file: file, roots: [root], storage: storage)
    }
}

/// Where to cut: the biggest top-level block list and item lines inside it.
struct SplitPlan {
    /// Byte range of the list's lines (from its first item line to the next top-level line).
    var regionStart: Int
    var regionEnd: Int
    var regionNewlines: Int
    /// 1-based line of the list's key.
    var keyLine: Int
    /// Byte ranges of the pieces and the number of lines before each.
    var pieces: [(start: Int, end: Int, line: Int)]

    static func make(_ bytes: [UInt8], pieces count: Int, minimumRegion: Int) -> SplitPlan? {
        bytes.withUnsafeBufferPointer { b -> SplitPlan? in
            let n = b.count
            // Only plain single-document files: no directives or document markers.
            if n > 0, b[0] == UInt8(ascii: "%") { return nil }
            var best: (start: Int, end: Int, keyLine: Int, indent: Int, startLine: Int)?
            var lineStart = 0, line = 1
            var candidateKeyLine = 0, candidateIndent = -1, regionStart = -1, regionStartLine = 0
            func closeRegion(at end: Int) {
                if regionStart >= 0, end - regionStart > (best.map { $0.end - $0.start } ?? 0) {
                    best = (regionStart, end, candidateKeyLine, candidateIndent, regionStartLine)
                }
                regionStart = -1
                candidateIndent = -1
            }
            while lineStart < n {
                var lineEnd = lineStart
                while lineEnd < n, b[lineEnd] != 0x0A { lineEnd += 1 }
                let first = b[lineStart]
                let atColumnZero = first != 0x20 && first != 0x0A && first != 0x0D && first != UInt8(ascii: "#")
                if atColumnZero {
                    if (first == UInt8(ascii: "-") || first == UInt8(ascii: ".")) && lineEnd - lineStart >= 3
                        && b[lineStart + 1] == first && b[lineStart + 2] == first {
                        return nil // a document marker: several documents
                    }
                    let isItem = first == UInt8(ascii: "-") && (lineStart + 1 == lineEnd || b[lineStart + 1] == 0x20)
                    if isItem && candidateIndent == -2 {
                        // `key:` then `- item` at column 0 (an indentless sequence).
                        candidateIndent = 0
                        regionStart = lineStart
                        regionStartLine = line - 1
                    } else if !(isItem && candidateIndent == 0) {
                        closeRegion(at: lineStart)
                        // `key:` alone on its line opens a candidate block value.
                        var e = lineEnd
                        while e > lineStart, b[e - 1] == 0x20 || b[e - 1] == 0x0D { e -= 1 }
                        if e > lineStart, b[e - 1] == UInt8(ascii: ":") { candidateKeyLine = line; candidateIndent = -2 }
                    }
                } else if candidateIndent == -2 || (candidateIndent >= 0 && regionStart < 0) {
                    // The first non-blank line after the key decides the item indentation.
                    var i = lineStart
                    while i < lineEnd, b[i] == 0x20 { i += 1 }
                    if i < lineEnd, b[i] == UInt8(ascii: "-"), i + 1 == lineEnd || b[i + 1] == 0x20 || b[i + 1] == 0x0D {
                        candidateIndent = i - lineStart
                        regionStart = lineStart
                        regionStartLine = line - 1
                    } else if i < lineEnd, b[i] != UInt8(ascii: "#"), b[i] != 0x0D {
                        candidateIndent = -1
                    }
                }
                lineStart = lineEnd + 1
                line += 1
            }
            closeRegion(at: n)
            guard let region = best, region.end - region.start >= minimumRegion, count > 1 else { return nil }
            // Cut at item lines (exactly `indent` spaces then "- "), near equal byte shares.
            var pieces: [(start: Int, end: Int, line: Int)] = []
            let share = (region.end - region.start) / count
            var pieceStart = region.start, pieceLine = region.startLine
            var cursor = region.start, cursorLine = region.startLine
            var newlines = 0
            while cursor < region.end {
                var lineEnd = cursor
                while lineEnd < region.end, b[lineEnd] != 0x0A { lineEnd += 1 }
                let isItemLine = lineEnd - cursor > region.indent && (0..<region.indent).allSatisfy { b[cursor + $0] == 0x20 }
                    && b[cursor + region.indent] == UInt8(ascii: "-")
                if isItemLine, cursor - pieceStart >= share, pieces.count < count - 1 {
                    pieces.append((pieceStart, cursor, pieceLine))
                    pieceStart = cursor
                    pieceLine = cursorLine
                }
                if lineEnd < region.end { newlines += 1 }
                cursor = lineEnd + 1
                cursorLine += 1
            }
            pieces.append((pieceStart, region.end, pieceLine))
            return SplitPlan(regionStart: region.start, regionEnd: region.end, regionNewlines: newlines,
                             keyLine: region.keyLine, pieces: pieces)
        }
    }
}

extension NodeStorage {
    /// Appends another storage's nodes, shifting its node, child and byte offsets; returns the
    /// shift applied to node ids.
    mutating func append(contentsOf other: NodeStorage) -> Int32 {
        let nodeBase = Int32(kinds.count)
        let childBase = UInt32(children.count)
        let byteBase = UInt32(bytes.count)
        let numberBase = UInt32(numbers.count)
        kinds.append(contentsOf: other.kinds)
        positions.append(contentsOf: other.positions, nodeBase: nodeBase)
        counts.append(contentsOf: other.counts)
        bytes.append(contentsOf: other.bytes)
        numbers.append(contentsOf: other.numbers)
        payloads.reserveCapacity(payloads.count + other.payloads.count)
        for (kind, payload) in zip(other.kinds, other.payloads) {
            switch kind {
            case .string: payloads.append(payload + byteBase)
            case .list, .map: payloads.append(payload + childBase)
            case .integer, .double: payloads.append(payload + numberBase)
            default: payloads.append(payload)
            }
        }
        children.reserveCapacity(children.count + other.children.count)
        for child in other.children { children.append(child + nodeBase) }
        return nodeBase
    }
}
