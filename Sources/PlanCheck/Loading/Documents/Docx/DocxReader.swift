import Foundation

/// Reads a Word document (.docx, WordprocessingML in a ZIP package): `word/document.xml` with
/// the list definitions of `word/numbering.xml` and the paragraph styles of `word/styles.xml`.
/// Headers, footers, footnotes and comments live in other parts and are not plan text.
///
/// The ZIP container and the XML parser are the XLSX reader's, with the same limits against
/// zip bombs, and external entities are never resolved.
enum DocxReader {
    static func read(bytes: [UInt8], file: String, limits: PlanDocumentLimits) throws(LoadError) -> PlanDocument {
        if (file.split(separator: "/").last ?? "").hasPrefix("~$") {
            throw LoadError(file: file, line: 1, column: 1, message: "this is the lock file Word or WPS keeps while a document is open, not a document; close the document (the file then goes away)")
        }
        if bytes.count >= 4, bytes[0] == 0xD0, bytes[1] == 0xCF, bytes[2] == 0x11, bytes[3] == 0xE0 {
            throw LoadError(file: file, line: 1, column: 1, message: "this is a Word 97–2003 (.doc) document, not .docx; save it as .docx (Word Document) or plain text")
        }
        guard bytes.count >= 4, bytes[0] == 0x50, bytes[1] == 0x4B else {
            throw LoadError(file: file, line: 1, column: 1, message: "not a .docx file: it does not start with a ZIP signature (PK); a .docx is a ZIP package (save the document from Word or WPS as .docx)")
        }
        let archive = try XLSXArchive(bytes: bytes, file: file, limits: limits.archive, format: ".docx")
        let documentPart = try mainPart(in: archive)
        guard let body = try archive.read(documentPart) else {
            throw LoadError(file: file, line: 1, column: 1, message: "not a Word document: the package has no \(documentPart) (is it a .docx saved by Word or WPS?)")
        }
        var styles: WordStyles?
        if let data = try part("word/styles.xml", in: archive) {
            let handler = WordStyles()
            try XMLEvents.parse(data, part: "word/styles.xml", file: file, into: handler)
            styles = handler
        }
        var numbering: WordNumbering?
        if let data = try part("word/numbering.xml", in: archive) {
            let handler = WordNumbering(file: file)
            try XMLEvents.parse(data, part: "word/numbering.xml", file: file, into: handler)
            numbering = handler
        }
        try refuseDoctype(body, part: documentPart, file: file)
        let reader = WordBodyReader(file: file, limits: limits, styles: styles, numbering: numbering)
        try XMLEvents.parse(body, part: documentPart, file: file, into: reader)
        return PlanDocument(file: file, paragraphs: reader.paragraphs, blankCells: reader.blankCells)
    }

    /// The main document part: `word/document.xml` in every package Word and WPS write; a
    /// package may name another in its relationships, which is not followed (documented limit).
    static func mainPart(in archive: XLSXArchive) throws(LoadError) -> String {
        if archive.contains("word/document.xml") { return "word/document.xml" }
        let hint = archive.contains("xl/workbook.xml") ? " — it is an Excel workbook; name it .xlsx" : archive.contains("ppt/presentation.xml") ? " — it is a PowerPoint file" : ""
        throw LoadError(file: archive.file, line: 1, column: 1, message: "not a Word document: the ZIP package has no word/document.xml\(hint)")
    }

    private static func part(_ path: String, in archive: XLSXArchive) throws(LoadError) -> Data? {
        guard let data = try archive.read(path) else { return nil }
        try refuseDoctype(data, part: path, file: archive.file)
        return data
    }

    /// Word never writes a DOCTYPE or entity declarations; a part that has one is built to make
    /// the parser fetch files (XXE) or expand entities without end (billion laughs).
    static func refuseDoctype(_ data: Data, part: String, file: String) throws(LoadError) {
        let marker = Array("<!DOCTYPE".utf8), entity = Array("<!ENTITY".utf8)
        let found = data.withUnsafeBytes { raw -> Bool in
            let bytes = raw.bindMemory(to: UInt8.self)
            var i = 0
            while i + 2 < bytes.count {
                if bytes[i] == 0x3C, bytes[i + 1] == 0x21 {
                    for word in [marker, entity] where i + word.count <= bytes.count {
                        var same = true
                        for k in 2..<word.count where bytes[i + k] | 0x20 != word[k] | 0x20 { same = false; break }
                        if same { return true }
                    }
                }
                i += 1
            }
            return false
        }
        if found {
            throw LoadError(file: file, line: 1, column: 1, message: "\(part) declares a DOCTYPE or entities, which Word never writes (an XXE or entity-expansion attack?); refusing to read it")
        }
    }
}
