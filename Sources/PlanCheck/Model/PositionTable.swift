/// The line and column of every node of a document, in 4 bytes a node.
///
/// Why: positions are a quarter of a document's memory when kept as two 32-bit numbers, and
/// almost every node of a plan dataset sits on a line below 16 million and a column below 255.
/// Those pack into one `UInt32` (line in the high 24 bits, column in the low 8); the rest (a
/// minified JSON line, a huge file) are kept whole in a side table ordered by node, found by
/// binary search.
struct PositionTable: Sendable {
    private var packed: [UInt32] = []
    /// Nodes whose position does not pack, in increasing order, with their line and column.
    private var overflowNodes: [Int32] = []
    private var overflowLines: [UInt32] = []
    private var overflowColumns: [UInt32] = []

    /// Column bits 0xFF mark a node kept in the side table.
    private static let escape: UInt32 = 0xFF
    private static let maximumLine = (1 << 24) - 1

    var count: Int { packed.count }

    mutating func reserveCapacity(_ n: Int) { packed.reserveCapacity(n) }

    @inline(__always)
    mutating func append(line: Int, column: Int) {
        if line >= 0, line <= Self.maximumLine, column >= 0, column < Int(Self.escape) {
            packed.append(UInt32(truncatingIfNeeded: line) << 8 | UInt32(truncatingIfNeeded: column))
        } else {
            overflowNodes.append(Int32(truncatingIfNeeded: packed.count))
            overflowLines.append(UInt32(truncatingIfNeeded: line))
            overflowColumns.append(UInt32(truncatingIfNeeded: column))
            packed.append(Self.escape)
        }
    }

    @inline(__always)
    func line(_ node: Int32) -> Int {
        let value = packed[Int(node)]
        if value & 0xFF != Self.escape { return Int(value >> 8) }
        return Int(overflowLines[overflowSlot(node)])
    }

    @inline(__always)
    func column(_ node: Int32) -> Int {
        let value = packed[Int(node)]
        if value & 0xFF != Self.escape { return Int(value & 0xFF) }
        return Int(overflowColumns[overflowSlot(node)])
    }

    /// Every escaped node has its entry, so the last one at or before `node` is its own.
    private func overflowSlot(_ node: Int32) -> Int {
        overflowNodes.lastIndex(atOrBefore: node)!
    }

    /// Appends another table's positions (its nodes numbered from `nodeBase` on).
    mutating func append(contentsOf other: PositionTable, nodeBase: Int32) {
        packed.append(contentsOf: other.packed)
        overflowNodes.append(contentsOf: other.overflowNodes.map { $0 + nodeBase })
        overflowLines.append(contentsOf: other.overflowLines)
        overflowColumns.append(contentsOf: other.overflowColumns)
    }
}
