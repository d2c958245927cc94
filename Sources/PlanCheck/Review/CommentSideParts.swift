/// The parts newer Word versions keep beside `comments.xml` once a document with comments is
/// saved: `commentsExtended.xml` (resolved state, reply threads; keyed by the `w14:paraId` of a
/// comment's last paragraph), `commentsIds.xml` (paraId → durable id) and
/// `commentsExtensible.xml` (keyed by durable id). When PlanCheck's earlier comments go, their
/// entries there go too, so no entry points at a comment that is no longer there: a person's
/// reply to a removed comment loses its `w15:paraIdParent` and becomes a thread of its own.
enum CommentSideParts {
    static let parts: [(path: String, key: String, collects: String?)] = [
        ("word/commentsExtended.xml", "w15:paraId", nil),
        ("word/commentsIds.xml", "w16cid:paraId", "w16cid:durableId"),
        ("word/commentsExtensible.xml", "w16cex:durableId", nil),
    ]

    /// Removes, in each side part present, the entries of the comments whose paragraphs carry
    /// `paraIDs`. Returns the rewritten parts (path and bytes) that changed.
    static func removing(paraIDs: Set<String>, in package: WordPackage) throws(LoadError) -> [(path: String, bytes: [UInt8])] {
        guard !paraIDs.isEmpty else { return [] }
        var keys = paraIDs
        var durableIDs: Set<String> = []
        var changed: [(path: String, bytes: [UInt8])] = []
        for side in parts {
            if side.path.hasSuffix("commentsExtensible.xml") { keys = durableIDs }
            guard let bytes = package.part(side.path), !keys.isEmpty else { continue }
            let scanner = XMLTagScanner(bytes: bytes, part: side.path, file: package.file)
            var edits: [ByteEdit] = []
            var open: Int?
            try scanner.scan { tag in
                guard tag.depth == 2 else { return }
                if tag.kind != .end, side.path.hasSuffix("commentsExtended.xml"),
                   let parent = scanner.attributeSpan("w15:paraIdParent", of: tag), keys.contains(XMLText.decode(scanner.bytes[parent.value])),
                   let key = scanner.attribute(side.key, of: tag), !keys.contains(key) {
                    edits.append(ByteEdit(range: parent.whole, replacement: []))
                } else if tag.kind != .end, let key = scanner.attribute(side.key, of: tag), keys.contains(key) {
                    if let collects = side.collects, let value = scanner.attribute(collects, of: tag) { durableIDs.insert(value) }
                    if tag.kind == .empty { edits.append(ByteEdit(range: tag.range, replacement: [])) } else { open = tag.range.lowerBound }
                } else if tag.kind == .end, let start = open {
                    edits.append(ByteEdit(range: start..<tag.range.upperBound, replacement: []))
                    open = nil
                }
            }
            if !edits.isEmpty { changed.append((side.path, ByteEdit.apply(edits, to: bytes))) }
        }
        return changed
    }
}
