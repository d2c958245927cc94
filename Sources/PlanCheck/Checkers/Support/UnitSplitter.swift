/// Splits a unit list as documents write it (`市发展改革委、港澳办`, `A,B；C`) into unit names.
///
/// Plans list lead and participating units in one run of text separated by the Chinese
/// enumeration comma 、, commas and semicolons of either width, slashes or line breaks. Each
/// piece is trimmed of ASCII and full-width spaces; empty pieces are dropped.
enum UnitSplitter {
    static let separators: Set<Character> = ["、", "，", ",", "；", ";", "/", "／", "\n", "\r\n", "\r"]

    static func split(_ text: String) -> [String] {
        text.split(whereSeparator: { separators.contains($0) })
            .map { trim($0) }
            .filter { !$0.isEmpty }
    }

    /// Units of a field that is either a string to split or a list of strings (each item is
    /// split too: lists sometimes hold `"A、B"`). Non-string scalars are read as text.
    static func units(of node: Node) -> [(name: String, node: Node)] {
        if node.kind == .list {
            return node.items.flatMap { item in
                item.kind == .list ? units(of: item) : (item.scalarText.map { split($0) } ?? []).map { ($0, item) }
            }
        }
        guard node.kind != .null, node.kind != .map, let text = node.scalarText else { return [] }
        return split(text).map { ($0, node) }
    }

    static func trim(_ text: Substring) -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\u{3000}" || $0 == "\t" }
        return String(text.drop(while: isSpace).reversed().drop(while: isSpace).reversed())
    }
}
