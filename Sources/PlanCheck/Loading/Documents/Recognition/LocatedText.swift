/// Text gathered from one or more paragraphs, scalar by scalar, with where each scalar came from
/// (paragraph line and column), and a normalised copy for matching: full-width ASCII folded to
/// ASCII (`（牵头单位：` matches `(牵头单位:`), the ideographic space to a space, bracket variants
/// to `(` `)` `[` `]`, and the traditional forms of the words recognition looks for to their
/// simplified forms (牽頭單位 matches 牵头单位). Values are always cut from the original.
struct LocatedText {
    private(set) var scalars: [Unicode.Scalar] = []
    private(set) var norm: [Unicode.Scalar] = []
    private(set) var lines: [Int32] = []
    private(set) var columns: [Int32] = []

    var count: Int { scalars.count }
    var isEmpty: Bool { scalars.isEmpty }

    init() {}

    init(_ paragraph: PlanParagraph, from offset: Int = 0) {
        append(paragraph, from: offset)
    }

    mutating func append(_ paragraph: PlanParagraph, from offset: Int = 0) {
        let line = Int32(clamping: paragraph.line)
        var column = Int32(clamping: paragraph.column)
        let added = paragraph.text.utf8.count // an upper bound of the scalars, cheap to know
        scalars.reserveCapacity(scalars.count + added)
        norm.reserveCapacity(norm.count + added)
        lines.reserveCapacity(lines.count + added)
        columns.reserveCapacity(columns.count + added)
        var i = 0
        for s in paragraph.text.unicodeScalars {
            if i >= offset {
                scalars.append(s)
                norm.append(Self.normalize(s))
                lines.append(line)
                columns.append(column)
            }
            i += 1
            column &+= 1
        }
    }

    /// A separator that belongs to no source spot: it takes the position of the scalar before.
    mutating func appendSeparator(_ s: Unicode.Scalar) {
        scalars.append(s)
        norm.append(Self.normalize(s))
        lines.append(lines.last ?? 1)
        columns.append(columns.last ?? 1)
    }

    func position(_ i: Int) -> SourcePosition {
        guard !lines.isEmpty else { return SourcePosition(line: 1, column: 1) }
        let k = min(max(i, 0), lines.count - 1)
        return SourcePosition(line: Int(lines[k]), column: Int(columns[k]))
    }

    func string(_ range: Range<Int>) -> String {
        // UTF-8 bytes first, one String after: appending scalars to a String one by one is
        // several times slower, and import cuts a string for every field.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(range.count * 3)
        for s in scalars[range] { UTF8.encode(s) { bytes.append($0) } }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `range` without surrounding whitespace.
    func trimmed(_ range: Range<Int>) -> Range<Int> {
        var a = range.lowerBound, b = range.upperBound
        while a < b, norm[a].properties.isWhitespace { a += 1 }
        while b > a, norm[b - 1].properties.isWhitespace { b -= 1 }
        return a..<b
    }

    /// The located string of `range`, trimmed; nil when nothing is left.
    func value(_ range: Range<Int>) -> Located<String>? {
        let r = trimmed(range)
        guard !r.isEmpty else { return nil }
        return Located(string(r), position(r.lowerBound))
    }

    func normHas(_ word: [Unicode.Scalar], at i: Int) -> Bool {
        guard i >= 0, i + word.count <= norm.count else { return false }
        for k in 0..<word.count where norm[i + k] != word[k] { return false }
        return true
    }

    /// `normalize` of every scalar of the Basic Multilingual Plane, looked up rather than
    /// computed (the traditional-form map is a dictionary: hashing each scalar of a 300-page
    /// plan showed in profiles).
    static let normalizedBMP: [Unicode.Scalar] = (0..<0x10000).map { v in
        Unicode.Scalar(UInt32(v)).map(computeNormalized) ?? "\u{FFFD}"
    }

    static func normalize(_ s: Unicode.Scalar) -> Unicode.Scalar {
        s.value < 0x10000 ? normalizedBMP[Int(s.value)] : s
    }

    static func computeNormalized(_ s: Unicode.Scalar) -> Unicode.Scalar {
        let v = s.value
        if v >= 0xFF01 && v <= 0xFF5E { return Unicode.Scalar(v - 0xFEE0)! }
        switch s {
        case "\u{3000}", "\u{A0}", "\t": return " "
        case "〔", "【", "［", "〖": return "["
        case "〕", "】", "］", "〗": return "]"
        case "﹙": return "("
        case "﹚": return ")"
        case "﹕": return ":"
        case "﹔": return ";"
        case "﹐": return ","
        default: return traditional[s] ?? s
        }
    }

    /// Traditional forms of the characters in the words recognition matches.
    static let traditional: [Unicode.Scalar: Unicode.Scalar] = {
        let pairs = "牽牵頭头單单責责參参與与協协辦办負负時时間间門门務务動动計计劃划專专項项節节條条點点後后於于個个內内區区縣县為为關关機机構构實实導导組组織织備备處处際际體体"
        var map: [Unicode.Scalar: Unicode.Scalar] = [:]
        let list = Array(pairs.unicodeScalars)
        var i = 0
        while i + 1 < list.count { map[list[i]] = list[i + 1]; i += 2 }
        return map
    }()
}

/// Where a value came from: the paragraph's line (its ordinal in a .docx) and the column.
struct SourcePosition: Sendable, Equatable {
    var line: Int
    var column: Int
}

/// A value and the spot it was read from.
struct Located<Value> {
    var value: Value
    var position: SourcePosition
    init(_ value: Value, _ position: SourcePosition) {
        self.value = value
        self.position = position
    }
}

extension Located: Sendable where Value: Sendable {}
extension Located: Equatable where Value: Equatable {}

extension String {
    /// The scalars of a string literal, for matching against `LocatedText.norm`.
    var scalarArray: [Unicode.Scalar] { Array(unicodeScalars) }
}
