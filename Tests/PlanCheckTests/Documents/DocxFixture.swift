import Foundation
@testable import PlanCheck

/// Builds small .docx packages from XML strings, so every fixture is readable in the test.
enum DocxFixture {
    static let w = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""

    /// A package with `body` as the content of `<w:body>` and the optional parts.
    static func package(body: String, numbering: String? = nil, styles: String? = nil, extra: [String: String] = [:]) throws -> [UInt8] {
        var parts: [String: String] = [
            "[Content_Types].xml": "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>",
            "word/document.xml": "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document \(w)><w:body>\(body)</w:body></w:document>",
        ]
        if let numbering { parts["word/numbering.xml"] = "<?xml version=\"1.0\"?><w:numbering \(w)>\(numbering)</w:numbering>" }
        if let styles { parts["word/styles.xml"] = "<?xml version=\"1.0\"?><w:styles \(w)>\(styles)</w:styles>" }
        parts.merge(extra) { $1 }
        return try zip(parts)
    }

    /// The parts in name order, stored (the ZIP writer the reliability tests share).
    static func zip(_ parts: [String: String]) throws -> [UInt8] {
        TestZIP.archive(parts.keys.sorted().map { ($0, Array(parts[$0]!.utf8)) })
    }

    static func paragraph(_ text: String, numId: Int? = nil, ilvl: Int = 0, style: String? = nil) -> String {
        var props = ""
        if let style { props += "<w:pStyle w:val=\"\(style)\"/>" }
        if let numId { props += "<w:numPr><w:ilvl w:val=\"\(ilvl)\"/><w:numId w:val=\"\(numId)\"/></w:numPr>" }
        return "<w:p>" + (props.isEmpty ? "" : "<w:pPr>\(props)</w:pPr>") + "<w:r><w:t xml:space=\"preserve\">\(text)</w:t></w:r></w:p>"
    }

    static func read(_ bytes: [UInt8], file: String = "plan.docx") throws(LoadError) -> PlanDocument {
        try PlanDocumentReader.read(bytes: bytes, file: file)
    }
}
