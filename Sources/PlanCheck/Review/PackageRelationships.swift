/// The OPC bookkeeping a new comments part needs: the main document part's name (from
/// `_rels/.rels`), its relationship to the comments part, and a content-type override.
enum PackageRelationships {
    static let officeDocumentTypes = ["http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
                                      "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument"]
    static let commentsTypes = ["http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments",
                                "http://purl.oclc.org/ooxml/officeDocument/relationships/comments"]
    static let commentsContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"

    struct Relationship {
        var id: String
        var type: String
        var target: String
        var external: Bool
    }

    /// The relationships of a `.rels` part and where `</Relationships>` begins.
    static func read(_ bytes: [UInt8], part: String, file: String) throws(LoadError) -> (relationships: [Relationship], end: Range<Int>, emptyRoot: Bool) {
        let scanner = XMLTagScanner(bytes: bytes, part: part, file: file)
        var relationships: [Relationship] = []
        var end: Range<Int>?
        var emptyRoot = false
        try scanner.scan { (tag) throws(LoadError) in
            if tag.depth == 1 {
                if tag.kind == .end { end = tag.range.lowerBound..<tag.range.lowerBound }
                if tag.kind == .empty { end = tag.range; emptyRoot = true }
                return
            }
            guard tag.depth == 2, tag.kind != .end, local(tag.name) == "Relationship" else { return }
            guard let id = scanner.attribute("Id", of: tag), let type = scanner.attribute("Type", of: tag),
                  let target = scanner.attribute("Target", of: tag) else {
                throw scanner.error(at: tag.range.lowerBound, "a Relationship without Id, Type or Target")
            }
            relationships.append(Relationship(id: id, type: type, target: target,
                                              external: scanner.attribute("TargetMode", of: tag) == "External"))
        }
        guard let end else { throw scanner.error(at: 0, "no root element") }
        return (relationships, end, emptyRoot)
    }

    /// The main document part's name in the archive (`word/document.xml` in every Word file).
    static func mainDocument(in package: WordPackage) throws(LoadError) -> String {
        guard let rels = package.part("_rels/.rels") else {
            throw LoadError(file: package.file, line: 1, column: 1, message: "no _rels/.rels part: this ZIP is not a Word document package")
        }
        let found = try read(rels, part: "_rels/.rels", file: package.file).relationships
        guard let main = found.first(where: { officeDocumentTypes.contains($0.type) && !$0.external }) else {
            throw LoadError(file: package.file, line: 1, column: 1, message: "_rels/.rels names no main document part: this ZIP is not a Word document")
        }
        return resolve(main.target, from: "")
    }

    /// `target` of a relationship held by a part in folder `base` ("word/"), as an archive path.
    static func resolve(_ target: String, from base: String) -> String {
        var components = target.hasPrefix("/") ? [] : base.split(separator: "/").map(String.init)
        for piece in target.split(separator: "/") {
            if piece == ".." { _ = components.popLast() } else if piece != "." { components.append(String(piece)) }
        }
        return components.joined(separator: "/")
    }

    /// The comments part of the main document: the one its relationships name, else
    /// `word/comments.xml` (with the relationship added). Returns the comments part's path and
    /// the relationships part rewritten when a relationship had to be added.
    static func commentsPart(of main: String, in package: WordPackage) throws(LoadError) -> (path: String, rels: (path: String, bytes: [UInt8])?) {
        let folder = main.split(separator: "/").dropLast().joined(separator: "/")
        let base = folder.isEmpty ? "" : folder + "/"
        let relsPath = base + "_rels/" + (main.split(separator: "/").last.map(String.init) ?? main) + ".rels"
        let relsBytes = package.part(relsPath) ?? Array("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"></Relationships>".utf8)
        let (relationships, end, emptyRoot) = try read(relsBytes, part: relsPath, file: package.file)
        if let existing = relationships.first(where: { commentsTypes.contains($0.type) && !$0.external }) {
            return (resolve(existing.target, from: base), nil)
        }
        let taken = Set(relationships.map(\.id))
        var number = relationships.compactMap { $0.id.hasPrefix("rId") ? Int($0.id.dropFirst(3)) : nil }.max() ?? 0
        repeat { number += 1 } while taken.contains("rId\(number)")
        let element = "<Relationship Id=\"rId\(number)\" Type=\"\(commentsTypes[0])\" Target=\"comments.xml\"/>"
        let edit: ByteEdit
        if emptyRoot {
            var start = Array(relsBytes[end])
            start.removeLast(2)
            edit = ByteEdit(range: end, replacement: start + Array(">\(element)</Relationships>".utf8))
        } else {
            edit = ByteEdit(range: end, replacement: Array(element.utf8))
        }
        return (base + "comments.xml", (relsPath, ByteEdit.apply([edit], to: relsBytes)))
    }

    /// `[Content_Types].xml` with an Override for the comments part, or nil when it has one.
    static func contentTypes(declaring commentsPath: String, in package: WordPackage) throws(LoadError) -> [UInt8]? {
        let part = "[Content_Types].xml"
        guard let bytes = package.part(part) else {
            throw LoadError(file: package.file, line: 1, column: 1, message: "no [Content_Types].xml part: this ZIP is not a Word document package")
        }
        let scanner = XMLTagScanner(bytes: bytes, part: part, file: package.file)
        let name = "/" + commentsPath
        var declared = false
        var end: Range<Int>?
        try scanner.scan { tag in
            if tag.depth == 1, tag.kind == .end { end = tag.range.lowerBound..<tag.range.lowerBound }
            if tag.depth == 2, tag.kind != .end, local(tag.name) == "Override",
               scanner.attribute("PartName", of: tag)?.lowercased() == name.lowercased() {
                declared = true
            }
        }
        if declared { return nil }
        guard let end else {
            throw scanner.error(at: 0, "the <Types> root element is empty or missing")
        }
        let element = "<Override PartName=\"\(XMLText.escape(name))\" ContentType=\"\(commentsContentType)\"/>"
        return ByteEdit.apply([ByteEdit(range: end, replacement: Array(element.utf8))], to: bytes)
    }

    static func local(_ name: String) -> Substring {
        guard let colon = name.lastIndex(of: ":") else { return name[...] }
        return name[name.index(after: colon)...]
    }
}
