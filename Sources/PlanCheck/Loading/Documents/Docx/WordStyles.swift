import Foundation

/// The paragraph styles of `word/styles.xml` that matter to a reader of the text: which list
/// (numPr) and which outline level a style gives its paragraphs, through `basedOn` chains.
final class WordStyles: XMLHandler {
    struct Style {
        var name = ""
        var basedOn: String?
        var numId: Int?
        var ilvl: Int?
        var outlineLevel: Int?
    }

    private(set) var styles: [String: Style] = [:]
    private var current: (id: String, style: Style)?
    private var inParagraphProperties = false
    /// Inside `w:pPrChange` / `w:rPrChange`: the properties before a tracked change, not in force.
    private var changeDepth = 0

    func start(_ name: Substring, _ attributes: [String: String]) throws(LoadError) {
        if name == "pPrChange" || name == "rPrChange" { changeDepth += 1 }
        guard changeDepth == 0 else { return }
        switch name {
        case "style":
            let isParagraph = (WordAttributes.value(attributes, "type") ?? "paragraph") == "paragraph"
            current = isParagraph ? (WordAttributes.value(attributes, "styleId") ?? "", Style()) : nil
        case "name": current?.style.name = WordAttributes.value(attributes, "val") ?? ""
        case "basedOn": current?.style.basedOn = WordAttributes.value(attributes, "val")
        case "pPr": inParagraphProperties = true
        case "numId" where inParagraphProperties: current?.style.numId = WordAttributes.int(attributes, "val")
        case "ilvl" where inParagraphProperties: current?.style.ilvl = WordAttributes.int(attributes, "val")
        case "outlineLvl" where inParagraphProperties: current?.style.outlineLevel = WordAttributes.int(attributes, "val")
        default: break
        }
    }

    func end(_ name: Substring) throws(LoadError) {
        if name == "pPrChange" || name == "rPrChange" { changeDepth -= 1; return }
        guard changeDepth == 0 else { return }
        if name == "pPr" { inParagraphProperties = false }
        if name == "style", let current {
            if !current.id.isEmpty { styles[current.id] = current.style }
            self.current = nil
        }
    }

    /// The list and outline level style `id` gives, following `basedOn` (a nearer style wins).
    func properties(of id: String) -> (numId: Int?, ilvl: Int?, outlineLevel: Int?) {
        var numId: Int?, ilvl: Int?, outline: Int?
        var next: String? = id
        var seen: Set<String> = []
        while let styleId = next, seen.insert(styleId).inserted, seen.count <= 32, let style = styles[styleId] {
            if numId == nil { numId = style.numId; if ilvl == nil { ilvl = style.ilvl } }
            if outline == nil { outline = style.outlineLevel ?? Self.headingLevel(style.name) }
            next = style.basedOn
        }
        return (numId, ilvl, outline)
    }

    /// "heading 2" (the built-in name, whatever the display language) → outline level 1 (0-based).
    static func headingLevel(_ name: String) -> Int? {
        let lower = name.lowercased()
        guard lower.hasPrefix("heading "), let n = Int(lower.dropFirst(8)), (1...9).contains(n) else { return nil }
        return n - 1
    }
}
