/// A1-style cell references (`D12`): how spreadsheet users name cells.
public enum CellAddress {
    /// The format's own bounds (Excel 2007 and later, ECMA-376): rows 1…1 048 576, columns
    /// A…XFD. Every row and column number read from a file is checked against them as it is
    /// parsed, so no digit string can overflow and no column can size an allocation.
    public static let maxRow = 1_048_576
    public static let maxColumn = 16_384

    /// `4` → `D`, `27` → `AA`.
    public static func columnName(_ column: Int) -> String {
        guard column > 0 else { return "?" }
        var n = column
        var letters: [Character] = []
        while n > 0 {
            let r = (n - 1) % 26
            letters.append(Character(Unicode.Scalar(UInt8(65 + r))))
            n = (n - 1) / 26
        }
        return String(letters.reversed())
    }

    /// `D12` for row 12, column 4.
    public static func name(row: Int, column: Int) -> String { columnName(column) + String(row) }

    /// Parses `D12` (or `$D$12`) into (row, column); nil when malformed.
    static func parse<S: StringProtocol>(_ text: S) -> (row: Int, column: Int)? {
        var column = 0, row = 0
        var sawDigit = false
        for scalar in text.unicodeScalars {
            let v = scalar.value
            switch v {
            case 0x24: continue // `$`
            case 0x41...0x5A, 0x61...0x7A:
                guard !sawDigit else { return nil }
                column = column * 26 + Int((v | 0x20) - 0x61 + 1)
                if column > maxColumn { return nil }
            case 0x30...0x39:
                sawDigit = true
                row = row * 10 + Int(v - 0x30)
                if row > maxRow { return nil }
            default: return nil
            }
        }
        return column > 0 && row > 0 ? (row, column) : nil
    }

    /// Only the column part (`D` of `D12`), for cells whose `r` gives no row (`c r="D"` is not
    /// valid, but rows are sometimes written without their cells' full references); nil past XFD
    /// or when anything but letters follows (`A99999999999` is a row out of range, not column A).
    static func parseColumn<S: StringProtocol>(_ text: S) -> Int? {
        var column = 0
        for scalar in text.unicodeScalars {
            let v = scalar.value
            guard (0x41...0x5A).contains(v) || (0x61...0x7A).contains(v) else { return nil }
            column = column * 26 + Int((v | 0x20) - 0x61 + 1)
            if column > maxColumn { return nil }
        }
        return column > 0 ? column : nil
    }

    /// A row number as written in `<row r="…">`: decimal digits, 1…`maxRow`; nil otherwise
    /// (never an overflow, however long the digit string).
    static func parseRow<S: StringProtocol>(_ text: S) -> Int? {
        var row = 0
        for scalar in text.unicodeScalars {
            guard (0x30...0x39).contains(scalar.value) else { return nil }
            row = row * 10 + Int(scalar.value - 0x30)
            if row > maxRow { return nil }
        }
        return row > 0 ? row : nil
    }
}

extension Node {
    /// The worksheet this node was read from (nil for text formats and CSV).
    public var sheet: String? { document.sheet(of: index) }

    /// `Sheet1!D12` for spreadsheet cells, nil otherwise.
    public var cellReference: String? {
        sheet.map { $0 + "!" + CellAddress.name(row: line, column: column) }
    }
}
