/// `word/comments.xml`: the comments people wrote are kept byte for byte; those an earlier
/// PlanCheck run wrote (author "PlanCheck") are taken out, and this run's are appended.
struct CommentsPart {
    static let author = "PlanCheck"
    static let initials = "PC"

    let bytes: [UInt8]
    let prefix: String
    /// Where new comments go: the start of `</w:comments>`, or the whole `<w:comments/>` tag.
    let insertion: Range<Int>
    let rootIsEmptyElement: Bool
    private(set) var ownComments: [(id: String, range: Range<Int>)] = []
    private(set) var numericIDs: Set<Int> = []
    private(set) var count = 0
    /// The `w14:paraId`s Word gave the paragraphs of PlanCheck's earlier comments (the keys of
    /// their entries in the side parts, see `CommentSideParts`).
    private(set) var ownParaIDs: Set<String> = []

    /// A part to start from when the document has no comments yet.
    static let empty = Array("""
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <w:comments xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"></w:comments>
    """.utf8)

    init(bytes: [UInt8], part: String, file: String, limits: WordPackageLimits) throws(LoadError) {
        let scanner = XMLTagScanner(bytes: bytes, part: part, file: file)
        var prefix: String?
        var names = ElementNames(prefix: "w")
        var insertion: Range<Int>?
        var rootIsEmptyElement = false
        var open: (id: String?, author: String?, start: Int)?
        var own: [(id: String, range: Range<Int>)] = []
        var numericIDs: Set<Int> = []
        var count = 0
        var ownParaIDs: Set<String> = []
        try scanner.scan { (tag) throws(LoadError) in
            if tag.depth == 1 {
                if tag.kind != .end {
                    guard let bound = scanner.wordPrefix(root: tag) else {
                        throw scanner.error(at: tag.range.lowerBound, "its root element <\(tag.name)> does not declare the WordprocessingML namespace")
                    }
                    prefix = bound
                    names = ElementNames(prefix: bound)
                    guard tag.name == names.qualified("comments") else {
                        throw scanner.error(at: tag.range.lowerBound, "the root element is <\(tag.name)>, expected <\(names.qualified("comments"))>")
                    }
                }
                if tag.kind == .empty { insertion = tag.range; rootIsEmptyElement = true }
                if tag.kind == .end { insertion = tag.range.lowerBound..<tag.range.lowerBound }
                return
            }
            if tag.depth > 2 {
                if tag.kind != .end, tag.name == names.p, open?.author == Self.author, let id = scanner.attribute("w14:paraId", of: tag) {
                    ownParaIDs.insert(id)
                }
                return
            }
            guard tag.name == names.comment else {
                throw scanner.error(at: tag.range.lowerBound, "<\(tag.name)> where only <\(names.comment)> elements belong")
            }
            if tag.kind != .end {
                count += 1
                if count > limits.maxComments {
                    throw scanner.error(at: tag.range.lowerBound, "more than \(limits.maxComments) comments; refusing the part")
                }
                let id = scanner.attribute(names.id, of: tag)
                guard let id, let number = Int(id) else {
                    throw scanner.error(at: tag.range.lowerBound, "a comment without a numeric \(names.id)")
                }
                numericIDs.insert(number)
                open = (id, scanner.attribute(names.author, of: tag), tag.range.lowerBound)
            }
            if tag.kind != .start, let comment = open {
                if comment.author == Self.author, let id = comment.id {
                    own.append((id, comment.start..<tag.range.upperBound))
                }
                open = nil
            }
        }
        guard let prefix, let insertion else { throw scanner.error(at: 0, "no root element") }
        self.bytes = bytes
        self.prefix = prefix
        self.insertion = insertion
        self.rootIsEmptyElement = rootIsEmptyElement
        self.ownComments = own
        self.numericIDs = numericIDs
        self.count = count
        self.ownParaIDs = ownParaIDs
    }

    /// The part without PlanCheck's earlier comments and with `comments` appended.
    func rewritten(adding comments: [(id: Int, text: ReviewCommentText)]) -> [UInt8] {
        let names = ElementNames(prefix: prefix)
        var added = ""
        for comment in comments {
            added += "<\(names.comment) \(names.id)=\"\(comment.id)\" \(names.author)=\"\(Self.author)\" \(names.qualified("initials"))=\"\(Self.initials)\">"
            for (index, line) in comment.text.lines.enumerated() {
                added += "<\(names.p)><\(names.r)>"
                // The first line (severity and message) in bold, so it reads as the headline.
                if index == 0 { added += "<\(names.rPr)><\(names.qualified("b"))/></\(names.rPr)>" }
                added += "<\(names.t) xml:space=\"preserve\">\(XMLText.escape(line))</\(names.t)></\(names.r)></\(names.p)>"
            }
            added += "</\(names.comment)>"
        }
        var edits = ownComments.map { ByteEdit(range: $0.range, replacement: []) }
        if rootIsEmptyElement {
            // `<w:comments …/>` becomes `<w:comments …>…</w:comments>`.
            var start = Array(bytes[insertion])
            start.removeLast(2)
            while let last = start.last, XMLTagScanner.isSpace(last) { start.removeLast() }
            edits.append(ByteEdit(range: insertion, replacement: start + Array(">\(added)</\(names.qualified("comments"))>".utf8)))
        } else {
            edits.append(ByteEdit(range: insertion, replacement: Array(added.utf8)))
        }
        return ByteEdit.apply(edits, to: bytes)
    }
}

/// One splice of a part's bytes. Edits never overlap; insertions are empty ranges.
struct ByteEdit {
    var range: Range<Int>
    var replacement: [UInt8]

    /// Applies `edits` (in any order); at one offset, insertions go before a deletion that
    /// starts there, in the order given.
    static func apply(_ edits: [ByteEdit], to bytes: [UInt8]) -> [UInt8] {
        let ordered = edits.enumerated().sorted {
            if $0.element.range.lowerBound != $1.element.range.lowerBound { return $0.element.range.lowerBound < $1.element.range.lowerBound }
            if $0.element.range.isEmpty != $1.element.range.isEmpty { return $0.element.range.isEmpty }
            return $0.offset < $1.offset
        }.map(\.element)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + edits.reduce(0) { $0 + $1.replacement.count })
        var position = 0
        for edit in ordered {
            let start = max(edit.range.lowerBound, position)
            out += bytes[position..<start]
            out += edit.replacement
            position = max(position, edit.range.upperBound)
        }
        out += bytes[position...]
        return out
    }
}
