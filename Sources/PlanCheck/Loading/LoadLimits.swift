/// Every bound that keeps hostile or broken input from exhausting time or memory, for every
/// input kind, in one place (docs/reliability.md lists them with what happens past each).
/// Past a limit the reader stops with a located `LoadError` (exit code 2), never a crash.
///
/// Bounds that are not settings, because they are the formats' own: spreadsheet rows
/// 1…1 048 576 and columns A…XFD (`CellAddress.maxRow`, `maxColumn`).
public struct LoadLimits: Sendable {
    /// Deepest nesting of lists and maps accepted (YAML, JSON).
    public var maxDepth: Int = 1_000
    /// Largest number of nodes that alias expansion may add to what checkers see (beyond the
    /// nodes the file writes out). An alias is stored
    /// once (a shared node), but a traversal visits it once per reference, so a "billion laughs"
    /// document must be refused when it is read, not when a checker walks it.
    public var maxExpandedNodes: Int = 20_000_000
    /// Largest file accepted, in bytes (YAML, JSON, CSV, XLSX).
    public var maxFileBytes: Int = 4 << 30
    /// Largest delimited-text table (CSV, TSV) after decoding to UTF-8: cell positions inside
    /// a row are 32-bit.
    public var maxTextTableBytes: Int = Int(Int32.max)
    /// XLSX (and other Office Open XML) archives: entries, part sizes, XML depth, merged cells.
    public var workbook = XLSXLimits()

    public init() {}
    public static let `default` = LoadLimits()
}
