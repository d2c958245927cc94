/// RFC 4180 CSV (and TSV) over UTF-8 bytes: quoted fields with `""` escapes and embedded
/// newlines, CRLF, LF or CR line ends, a final line with or without its line end.
///
/// Leniency follows Excel where the RFC is silent: a quote inside an unquoted field is kept as
/// text. A quoted field followed by anything but a delimiter or line end, and a quote left open
/// at the end of the file, are errors with their position, since both usually mean the file was
/// cut or mis-exported and guessing would shift every later column.
struct CSVReader {
    let file: String
    let delimiter: UInt8

    /// Picks the delimiter from the first lines (outside quotes; a ledger's first line may be a
    /// lone title): the most frequent of tab, comma, semicolon and `|`; comma on a tie or when
    /// none occurs. `.tsv` files default to tab.
    static func detectDelimiter(_ bytes: [UInt8], fileExtension: String) -> UInt8 {
        if fileExtension == "tsv" || fileExtension == "tab" { return 0x09 }
        var counts: [UInt8: Int] = [0x2C: 0, 0x09: 0, 0x3B: 0, 0x7C: 0]
        var quoted = false
        var lines = 0
        for b in bytes.prefix(65_536) {
            if b == 0x22 { quoted.toggle(); continue }
            if quoted { continue }
            if b == 0x0A { lines += 1; if lines == 10 { break } }
            if counts[b] != nil { counts[b]! += 1 }
        }
        let best = counts.max { a, b in a.value != b.value ? a.value < b.value : a.key != 0x2C && (b.key == 0x2C || a.key > b.key) }!
        return best.value == 0 ? 0x2C : best.key
    }

    /// Calls `body` for each row (blank lines included as rows without cells). Column numbers
    /// are field numbers; each cell's line is the line its field starts on.
    func read(_ bytes: [UInt8], _ body: (inout TableRow) throws(LoadError) -> Void) throws(LoadError) {
        var row = TableRow()
        let n = bytes.count
        var i = 0
        var line = 1
        let quote: UInt8 = 0x22, lf: UInt8 = 0x0A, cr: UInt8 = 0x0D
        var field: [UInt8] = []
        while i < n {
            row.reset(number: line)
            var column = 1
            var endOfRow = false
            var endedLine = line
            while !endOfRow {
                let fieldLine = line
                if i < n, bytes[i] == quote {
                    let openLine = line, openColumn = column
                    field.removeAll(keepingCapacity: true)
                    i += 1
                    var closed = false
                    while i < n {
                        let b = bytes[i]
                        if b == quote {
                            if i + 1 < n, bytes[i + 1] == quote { field.append(quote); i += 2; continue }
                            i += 1
                            closed = true
                            break
                        }
                        if b == lf || (b == cr && (i + 1 >= n || bytes[i + 1] != lf)) { line += 1 }
                        field.append(b)
                        i += 1
                    }
                    if !closed {
                        throw LoadError(file: file, line: openLine, column: openColumn,
                                        message: "the quoted field starting on line \(openLine) (field \(openColumn)) is never closed; is the file truncated or a quote missing?")
                    }
                    row.appendText(field, column: column, line: fieldLine)
                    if i < n, bytes[i] != delimiter, bytes[i] != lf, bytes[i] != cr {
                        throw LoadError(file: file, line: line, column: column,
                                        message: "unexpected `\(Self.character(at: i, in: bytes))` after the closing quote of field \(column); inside a quoted field write a quote as \"\"")
                    }
                } else {
                    let start = i
                    while i < n, bytes[i] != delimiter, bytes[i] != lf, bytes[i] != cr { i += 1 }
                    row.appendText(bytes[start..<i], column: column, line: fieldLine)
                }
                if i >= n {
                    endOfRow = true
                    endedLine = line
                } else if bytes[i] == delimiter {
                    i += 1
                    column += 1
                    // A delimiter at the very end of the file still opens an (empty) last field.
                    if i >= n { row.appendText(EmptyCollection(), column: column, line: line); endOfRow = true; endedLine = line }
                } else {
                    if bytes[i] == cr, i + 1 < n, bytes[i + 1] == lf { i += 1 }
                    i += 1
                    endedLine = line
                    line += 1
                    endOfRow = true
                }
            }
            // A lone empty field is a blank line, not a row with one empty cell.
            if row.cells.count == 1, row.cells[0].length == 0 { row.cells.removeAll() }
            row.lastLine = max(row.number, endedLine)
            try body(&row)
        }
    }

    /// The character starting at byte `i` (for messages; the bytes are valid UTF-8 by now).
    static func character(at i: Int, in bytes: [UInt8]) -> String {
        let text = String(decoding: bytes[i..<min(bytes.count, i + 4)], as: UTF8.self)
        return text.first.map(String.init) ?? "?"
    }
}
