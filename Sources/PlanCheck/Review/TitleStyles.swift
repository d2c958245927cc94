/// The ids of the paragraph styles named "Title" in `word/styles.xml`. Ids are localised — a
/// Chinese Word names the title style's id `a3` and keeps the name `Title` — so the name is
/// what identifies it.
enum TitleStyles {
    static func ids(in bytes: [UInt8]?, part: String, file: String) throws(LoadError) -> Set<String> {
        guard let bytes else { return ["Title"] }
        let scanner = XMLTagScanner(bytes: bytes, part: part, file: file)
        var names = ElementNames(prefix: "w")
        var ids: Set<String> = ["Title"]
        var current: String?
        try scanner.scan { (tag) throws(LoadError) in
            if tag.depth == 1, tag.kind != .end {
                guard let prefix = scanner.wordPrefix(root: tag) else {
                    throw scanner.error(at: tag.range.lowerBound, "its root element <\(tag.name)> does not declare the WordprocessingML namespace")
                }
                names = ElementNames(prefix: prefix)
            }
            if tag.depth == 2, tag.name == names.qualified("style") {
                current = tag.kind == .start ? scanner.attribute(names.qualified("styleId"), of: tag) : nil
            }
            if tag.depth == 3, tag.kind != .end, tag.name == names.qualified("name"), let id = current,
               scanner.attribute(names.val, of: tag)?.lowercased() == "title" {
                ids.insert(id)
            }
        }
        return ids
    }
}
