import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import PlanCheck

/// Small Word packages built from XML strings, and an independent reading of a review copy
/// (Foundation's XMLParser, not the scanner the copy is written with).
enum ReviewFixture {
    static let w = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""

    static let contentTypes = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>
    """

    static let packageRels = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>
    """

    static let documentRels = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>
    """

    /// A Chinese Word's styles: the title style's id is `a3`, its name `Title`.
    static let styles = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <w:styles \(w)><w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/></w:style><w:style w:type="paragraph" w:styleId="a3"><w:name w:val="Title"/></w:style><w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/></w:style></w:styles>
    """

    static func paragraph(_ text: String, style: String? = nil) -> String {
        let properties = style.map { "<w:pPr><w:pStyle w:val=\"\($0)\"/></w:pPr>" } ?? ""
        return "<w:p>\(properties)<w:r><w:t xml:space=\"preserve\">\(XMLText.escape(text))</w:t></w:r></w:p>"
    }

    static func document(_ body: String) -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document \(w)><w:body>\(body)<w:sectPr/></w:body></w:document>"
    }

    /// A plan: title (paragraph 1), an empty paragraph (2), a heading (3), two measures (4, 5),
    /// a table whose cells hold paragraphs 6–9, and a closing paragraph (10).
    static let planBody = [
        paragraph("深圳市推进国际化城市建设行动纲要", style: "a3"),
        "<w:p/>",
        paragraph("一、总体要求", style: "1"),
        paragraph("（1）加快建设国际化城市。牵头单位：市发展改革委"),
        paragraph("（2）完善城市功能。牵头单位：市科工贸信"),
        "<w:tbl><w:tr><w:tc>\(paragraph("任务"))</w:tc><w:tc>\(paragraph("牵头单位"))</w:tc></w:tr>"
            + "<w:tr><w:tc>\(paragraph("编制宣传方案"))</w:tc><w:tc>\(paragraph("市委宣传部"))</w:tc></w:tr></w:tbl>",
        paragraph("各单位要将任务纳入年度计划。"),
    ].joined()

    static func package(document: String = document(planBody), comments: String? = nil, extra: [(String, [UInt8])] = [],
                        documentRels: String = documentRels, styles: String? = styles) throws -> [UInt8] {
        var parts: [(path: String, bytes: [UInt8])] = [
            ("[Content_Types].xml", Array(contentTypes.utf8)),
            ("_rels/.rels", Array(packageRels.utf8)),
            ("word/document.xml", Array(document.utf8)),
            ("word/_rels/document.xml.rels", Array(documentRels.utf8)),
        ]
        if let styles { parts.append(("word/styles.xml", Array(styles.utf8))) }
        if let comments { parts.append(("word/comments.xml", Array(comments.utf8))) }
        parts += extra.map { (path: $0.0, bytes: $0.1) }
        return try WordPackage(file: "plan.docx", parts: parts).archived()
    }

    static func finding(_ line: Int, _ message: String, rule: String = "accountability.unknown-unit",
                        severity: Severity = .error, column: Int = 1) -> Finding {
        Finding(rule: rule, checker: "accountability", severity: severity, message: message, file: "plan.docx",
                line: line, column: column, path: "$", record: "r")
    }
}

/// What a review copy holds, read back with Foundation's XMLParser.
struct ReadBack {
    struct Comment: Equatable { var id: String; var author: String; var text: String }
    var parts: [String: [UInt8]] = [:]
    var comments: [Comment] = []
    /// For each paragraph ordinal: the comment ids whose range starts there, and whose reference
    /// it holds.
    var starts: [Int: [String]] = [:]
    var references: [Int: [String]] = [:]
    var ends: [Int: [String]] = [:]
    /// The text of each paragraph of the document part (its `w:t` runs), by ordinal.
    var paragraphText: [Int: String] = [:]

    init(_ bytes: [UInt8]) throws {
        let package = try WordPackage(bytes: bytes, file: "copy.docx", limits: .default)
        for part in package.parts { parts[part.path] = part.bytes }
        let document = SAX()
        try document.parse(parts["word/document.xml"] ?? [])
        starts = document.byParagraph["commentRangeStart"] ?? [:]
        ends = document.byParagraph["commentRangeEnd"] ?? [:]
        references = document.byParagraph["commentReference"] ?? [:]
        paragraphText = document.paragraphText
        if let part = parts["word/comments.xml"] {
            let reader = SAX()
            try reader.parse(part)
            comments = reader.comments
        }
    }

    func text(ofComment id: String) -> String? { comments.first { $0.id == id }?.text }

    final class SAX: NSObject, XMLParserDelegate {
        var ordinal = 0
        var stack: [Int] = []
        var byParagraph: [String: [Int: [String]]] = [:]
        var comments: [Comment] = []
        var inComment = false
        var inText = false
        var paragraphText: [Int: String] = [:]
        var failure: Error?

        func parse(_ bytes: [UInt8]) throws {
            let parser = XMLParser(data: Data(bytes))
            parser.delegate = self
            if !parser.parse() { throw parser.parserError ?? CocoaError(.fileReadCorruptFile) }
        }

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String]) {
            switch name {
            case "w:p":
                ordinal += 1
                stack.append(ordinal)
                if inComment, !(comments.last?.text.isEmpty ?? true) { comments[comments.count - 1].text += "\n" }
            case "w:commentRangeStart", "w:commentRangeEnd", "w:commentReference":
                let local = String(name.dropFirst(2))
                byParagraph[local, default: [:]][stack.last ?? 0, default: []].append(attributes["w:id"] ?? "?")
            case "w:t":
                inText = true
            case "w:comment":
                inComment = true
                comments.append(Comment(id: attributes["w:id"] ?? "?", author: attributes["w:author"] ?? "", text: ""))
            default: break
            }
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if name == "w:p" { stack.removeLast() }
            if name == "w:comment" { inComment = false }
            if name == "w:t" { inText = false }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if inComment { comments[comments.count - 1].text += string }
            if inText, !inComment, let paragraph = stack.last { paragraphText[paragraph, default: ""] += string }
        }
    }
}
