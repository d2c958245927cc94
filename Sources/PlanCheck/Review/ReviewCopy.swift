/// The review copy of a Word plan: the same document with every finding as a Word comment in
/// the margin, author "PlanCheck", anchored on the paragraph (or table-cell paragraph) it
/// concerns; findings about the whole document hang on the title.
///
/// Only `word/document.xml`, `word/comments.xml`, the document's relationships,
/// `[Content_Types].xml` and — when earlier PlanCheck comments go — their entries in Word's
/// comment side parts change; every other part is copied byte for byte. Comments people
/// wrote stay; comments by "PlanCheck" from an earlier run are replaced, so reviewing a fixed
/// draft again shows only what is left.
public enum ReviewCopy {
    /// The review copy's bytes. `findings` are the findings of this file (their `line` is the
    /// paragraph ordinal a .docx reader gives, see `PlanParagraph.line`). Throws a located error
    /// for a file that is not a usable Word package; the input is never changed.
    public static func make(original: [UInt8], file: String, findings: [Finding],
                            language: AuditLanguage = .zh, limits: WordPackageLimits = .default) throws(LoadError) -> [UInt8] {
        var package = try WordPackage(bytes: original, file: file, limits: limits)
        let main = try PackageRelationships.mainDocument(in: package)
        guard let documentBytes = package.part(main) else {
            throw LoadError(file: file, line: 1, column: 1, message: "the package names \(main) as its document, but holds no such part")
        }
        let markup = try DocumentMarkup(bytes: documentBytes, part: main, file: file)
        let (commentsPath, relationships) = try PackageRelationships.commentsPart(of: main, in: package)
        let existingBytes = package.part(commentsPath)
        let comments = try CommentsPart(bytes: existingBytes ?? CommentsPart.empty, part: commentsPath, file: file, limits: limits)
        let folder = main.split(separator: "/").dropLast().joined(separator: "/")
        let stylesPath = (folder.isEmpty ? "" : folder + "/") + "styles.xml"
        let title = markup.titleParagraph(titleStyleIDs: try TitleStyles.ids(in: package.part(stylesPath), part: stylesPath, file: file))

        // Fresh ids above every annotation id in use, so none collides with a person's comment,
        // a bookmark or a tracked change. The ids of PlanCheck's earlier comments do not count:
        // they go, and a re-run on an unchanged copy then writes the same bytes.
        let ownIDs = Set(comments.ownComments.map(\.id))
        let inUse = markup.numericIDs.union(comments.numericIDs).subtracting(ownIDs.compactMap { Int($0) })
        var nextID = (inUse.max() ?? -1) + 1
        var placed: [Int: [Int]] = [:]
        var added: [(id: Int, text: ReviewCommentText)] = []
        for finding in findings.sorted(by: Finding.reportOrder) {
            guard let paragraph = markup.paragraph(ordinal: finding.line) ?? title else { continue }
            placed[paragraph.ordinal, default: []].append(nextID)
            added.append((nextID, ReviewCommentText(finding, language: language)))
            nextID += 1
        }

        var edits = markup.removals(of: ownIDs).map { ByteEdit(range: $0, replacement: []) }
        for (ordinal, ids) in placed {
            guard let paragraph = markup.paragraph(ordinal: ordinal) else { continue }
            edits += anchors(ids, on: paragraph, in: documentBytes, prefix: markup.prefix)
        }
        package.set(main, ByteEdit.apply(edits, to: documentBytes), after: main)
        for side in try CommentSideParts.removing(paraIDs: comments.ownParaIDs, in: package) {
            package.set(side.path, side.bytes, after: main)
        }
        if existingBytes != nil || !added.isEmpty {
            package.set(commentsPath, comments.rewritten(adding: added), after: main)
            if let relationships { package.set(relationships.path, relationships.bytes, after: main) }
            if let types = try PackageRelationships.contentTypes(declaring: commentsPath, in: package) {
                package.set("[Content_Types].xml", types, after: "")
            }
        }
        return try package.archived()
    }

    /// Where a review copy goes by default: `PLAN.审阅.EXT` next to the plan
    /// (`plans/方案.docx` → `plans/方案.审阅.docx`).
    public static func defaultPath(for plan: String, extension ext: String) -> String {
        let slash = plan.lastIndex(of: "/")
        let folder = slash.map { String(plan[...$0]) } ?? ""
        let name = slash.map { String(plan[plan.index(after: $0)...]) } ?? plan
        let stem = name.lastIndex(of: ".").map { String(name[..<$0]) } ?? name
        return folder + (stem.isEmpty ? name : stem) + ".审阅." + ext
    }

    /// The marks that anchor comments `ids` on the whole of `paragraph`: range starts after its
    /// properties, range ends and reference runs before `</w:p>`.
    static func anchors(_ ids: [Int], on paragraph: DocumentMarkup.Paragraph, in bytes: [UInt8], prefix: String) -> [ByteEdit] {
        let names = ElementNames(prefix: prefix)
        let starts = ids.map { "<\(names.commentRangeStart) \(names.id)=\"\($0)\"/>" }.joined()
        let ends = ids.map { "<\(names.commentRangeEnd) \(names.id)=\"\($0)\"/>" }.joined()
            + ids.map { "<\(names.r)><\(names.commentReference) \(names.id)=\"\($0)\"/></\(names.r)>" }.joined()
        if paragraph.isEmptyElement {
            // `<w:p …/>` becomes `<w:p …>marks</w:p>`.
            var open = Array(bytes[paragraph.startTag])
            open.removeLast(2)
            while let last = open.last, XMLTagScanner.isSpace(last) { open.removeLast() }
            return [ByteEdit(range: paragraph.startTag, replacement: open + Array(">\(starts)\(ends)</\(names.p)>".utf8))]
        }
        return [ByteEdit(range: paragraph.contentStart..<paragraph.contentStart, replacement: Array(starts.utf8)),
                ByteEdit(range: paragraph.contentEnd..<paragraph.contentEnd, replacement: Array(ends.utf8))]
    }
}
