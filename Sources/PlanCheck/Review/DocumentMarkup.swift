/// What the review copy needs to know about `word/document.xml`: where each paragraph's content
/// starts and ends (by the paragraph ordinal findings carry), which paragraph is the title, the
/// comment markers an earlier PlanCheck run left, and the highest annotation id in use.
struct DocumentMarkup {
    struct Paragraph {
        /// 1-based ordinal among all `<w:p>` start tags, the `PlanParagraph.line` of a .docx.
        var ordinal: Int
        /// The start tag (the whole element when it is written `<w:p/>`).
        var startTag: Range<Int>
        var isEmptyElement: Bool
        /// Where the runs begin: after `<w:pPr>…</w:pPr>`, else after the start tag.
        var contentStart: Int
        /// Where `</w:p>` begins (the start tag's end for `<w:p/>`).
        var contentEnd: Int
        var styleID: String?
        var outlineLevel: Int?
        var hasText: Bool
    }

    let prefix: String
    private(set) var paragraphs: [Paragraph] = []
    /// Byte ranges of the markers of the given comment ids, found by `removals(of:)`.
    private var markers: [(id: String, range: Range<Int>)] = []
    /// Runs holding a `commentReference`: the run's range, the ids, and whether the run holds
    /// nothing else (then the whole run goes; otherwise only the reference element).
    private var referenceRuns: [(range: Range<Int>, references: [(id: String, range: Range<Int>)], onlyReferences: Bool)] = []
    /// Every numeric `w:id` in the part (comments, bookmarks, tracked changes share the idea of an id).
    private(set) var numericIDs: Set<Int> = []

    init(bytes: [UInt8], part: String, file: String) throws(LoadError) {
        let scanner = XMLTagScanner(bytes: bytes, part: part, file: file)
        var prefix: String?
        var open: [Paragraph] = []
        var openDepths: [Int] = []
        var run: (start: Int, depth: Int, references: [(id: String, range: Range<Int>)], others: Int)?
        var inText = false
        var names = ElementNames(prefix: "w")
        var collected: [Paragraph] = []
        var markers: [(id: String, range: Range<Int>)] = []
        var referenceRuns: [(range: Range<Int>, references: [(id: String, range: Range<Int>)], onlyReferences: Bool)] = []
        var numericIDs: Set<Int> = []

        try scanner.scan({ (tag) throws(LoadError) in
            if tag.depth == 1, tag.kind != .end {
                guard let bound = scanner.wordPrefix(root: tag) else {
                    throw scanner.error(at: tag.range.lowerBound, "its root element <\(tag.name)> does not declare the WordprocessingML namespace")
                }
                prefix = bound
                names = ElementNames(prefix: bound)
            }
            if tag.kind != .end, let id = scanner.attribute(names.id, of: tag), let number = Int(id) {
                numericIDs.insert(number)
            }
            switch tag.name {
            case names.p:
                if tag.kind == .end {
                    guard var paragraph = open.popLast() else { return }
                    openDepths.removeLast()
                    paragraph.contentEnd = tag.range.lowerBound
                    collected.append(paragraph)
                    return
                }
                let paragraph = Paragraph(ordinal: collected.count + open.count + 1, startTag: tag.range, isEmptyElement: tag.kind == .empty,
                                          contentStart: tag.range.upperBound, contentEnd: tag.range.upperBound,
                                          styleID: nil, outlineLevel: nil, hasText: false)
                // Ordinals follow start tags: a paragraph nested in a text box gets its number
                // after its enclosing paragraph's, though it ends first.
                if tag.kind == .empty {
                    collected.append(paragraph)
                } else {
                    open.append(paragraph)
                    openDepths.append(tag.depth)
                }
            case names.pPr where tag.kind != .start && openDepths.last == tag.depth - 1:
                open[open.count - 1].contentStart = tag.range.upperBound
            case names.pStyle where !open.isEmpty && openDepths.last == tag.depth - 2:
                open[open.count - 1].styleID = scanner.attribute(names.val, of: tag)
            case names.outlineLvl where !open.isEmpty && openDepths.last == tag.depth - 2:
                open[open.count - 1].outlineLevel = scanner.attribute(names.val, of: tag).flatMap { Int($0) }
            case names.t:
                inText = tag.kind == .start
            case names.r:
                if tag.kind == .start {
                    run = (tag.range.lowerBound, tag.depth, [], 0)
                } else if tag.kind == .end, let current = run, current.depth == tag.depth {
                    if !current.references.isEmpty {
                        referenceRuns.append((current.start..<tag.range.upperBound, current.references, current.others == 0))
                    }
                    run = nil
                }
            case names.commentRangeStart, names.commentRangeEnd:
                if let id = scanner.attribute(names.id, of: tag) { markers.append((id, tag.range)) }
            case names.commentReference:
                if let id = scanner.attribute(names.id, of: tag) {
                    if run != nil { run!.references.append((id, tag.range)) } else { markers.append((id, tag.range)) }
                }
            default:
                break
            }
            // Anything in a run besides its properties and comment references keeps the run.
            if var current = run, tag.depth == current.depth + 1, tag.kind != .end,
               tag.name != names.rPr, tag.name != names.commentReference {
                current.others += 1
                run = current
            }
        }, text: { range in
            if inText, !open.isEmpty, bytes[range].contains(where: { !XMLTagScanner.isSpace($0) }) {
                open[open.count - 1].hasText = true
            }
        })
        guard let prefix else { throw scanner.error(at: 0, "no root element") }
        self.prefix = prefix
        self.paragraphs = collected.sorted { $0.ordinal < $1.ordinal }
        self.markers = markers
        self.referenceRuns = referenceRuns
        self.numericIDs = numericIDs
    }

    func paragraph(ordinal: Int) -> Paragraph? {
        guard ordinal >= 1, ordinal <= paragraphs.count else { return nil }
        return paragraphs[ordinal - 1]
    }

    /// The paragraph whole-document comments hang on: the first one styled as the title (the
    /// style's name is "Title", whatever its id in a localised template), else the first
    /// paragraph with text — in a government plan the title line, styled or not.
    func titleParagraph(titleStyleIDs: Set<String>) -> Paragraph? {
        paragraphs.first { $0.hasText && $0.styleID.map(titleStyleIDs.contains) == true }
            ?? paragraphs.first { $0.hasText }
            ?? paragraphs.first
    }

    /// The byte ranges to delete so no marker of the comments `ids` is left: range starts and
    /// ends, and the runs carrying their references (or the reference alone inside a run that
    /// holds more).
    func removals(of ids: Set<String>) -> [Range<Int>] {
        var ranges = markers.filter { ids.contains($0.id) }.map(\.range)
        for run in referenceRuns {
            let doomed = run.references.filter { ids.contains($0.id) }
            if doomed.isEmpty { continue }
            if run.onlyReferences && doomed.count == run.references.count {
                ranges.append(run.range)
            } else {
                ranges += doomed.map(\.range)
            }
        }
        return ranges.sorted { $0.lowerBound < $1.lowerBound }
    }
}

/// Qualified WordprocessingML element and attribute names under the part's own prefix.
struct ElementNames {
    let prefix: String
    let p, pPr, pStyle, outlineLvl, r, rPr, t, id, val: String
    let commentRangeStart, commentRangeEnd, commentReference, comment, author: String

    init(prefix: String) {
        self.prefix = prefix
        func q(_ local: String) -> String { prefix.isEmpty ? local : prefix + ":" + local }
        p = q("p"); pPr = q("pPr"); pStyle = q("pStyle"); outlineLvl = q("outlineLvl"); r = q("r"); rPr = q("rPr"); t = q("t")
        id = q("id"); val = q("val")
        commentRangeStart = q("commentRangeStart"); commentRangeEnd = q("commentRangeEnd")
        commentReference = q("commentReference"); comment = q("comment"); author = q("author")
    }

    func qualified(_ local: String) -> String { prefix.isEmpty ? local : prefix + ":" + local }
}
