import Foundation
import Testing
@testable import PlanCheck

/// The review copy opened by a real word processor: LibreOffice converts it to ODT (where each
/// comment becomes an `office:annotation`) and to PDF with comments exported as annotations.
/// A package it had to repair would lose comments or fail to convert.
@Suite struct ReviewCopyLibreOfficeTests {
    static let soffice: String? = ["/usr/bin/soffice", "/usr/local/bin/soffice", "/usr/lib/libreoffice/program/soffice"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    let findings = [
        ReviewFixture.finding(5, "unknown unit `市科工贸信` (did you mean 市科工贸信委?)"),
        ReviewFixture.finding(9, "unknown unit `市委宣传部`", severity: .warning),
        ReviewFixture.finding(0, "declared total 25 differs from the sum of the parts 24", rule: "total.mismatch"),
        ReviewFixture.finding(2, "empty paragraph", rule: "style.empty", severity: .info),
    ]

    @Test(.enabled(if: soffice != nil, "LibreOffice (soffice) is not installed — apt-get install -y libreoffice-writer, or Scripts/ci-review.sh: conversion check skipped"))
    func libreOfficeReadsEveryComment() throws {
        let human = "<w:comments \(ReviewFixture.w)><w:comment w:id=\"0\" w:author=\"张三\" w:initials=\"ZS\"><w:p><w:r><w:t>请核实</w:t></w:r></w:p></w:comment></w:comments>"
        let body = ReviewFixture.planBody.replacingOccurrences(of: "纳入年度计划。</w:t></w:r></w:p>", with: "纳入年度计划。</w:t></w:r><w:r><w:commentReference w:id=\"0\"/></w:r></w:p>")
        var types = ReviewFixture.contentTypes
        types = types.replacingOccurrences(of: "</Types>", with: "<Override PartName=\"/word/comments.xml\" ContentType=\"\(PackageRelationships.commentsContentType)\"/></Types>")
        let rels = ReviewFixture.documentRels.replacingOccurrences(of: "</Relationships>", with: "<Relationship Id=\"rId9\" Type=\"\(PackageRelationships.commentsTypes[0])\" Target=\"comments.xml\"/></Relationships>")
        var original = try ReviewFixture.package(document: ReviewFixture.document(body), comments: human, documentRels: rels)
        var package = try WordPackage(bytes: original, file: "plan.docx", limits: .default)
        package.set("[Content_Types].xml", Array(types.utf8), after: "")
        original = try package.archived()

        let copy = try ReviewCopy.make(original: original, file: "plan.docx", findings: findings)
        let folder = try TemporaryDirectory()
        let path = folder.path + "/plan.审阅.docx"
        try Data(copy).write(to: URL(fileURLWithPath: path))

        let odt = try convert(path, to: "odt", in: folder.path)
        // LibreOffice splits a paragraph's text into spans by script (CJK, Latin): read the text.
        let content = String(decoding: try #require(try WordPackage(bytes: odt, file: "plan.审阅.odt", limits: .default).part("content.xml")), as: UTF8.self)
            .replacing(/<text:span[^>]*>|<\/text:span>/, with: "")
        let annotations = content.components(separatedBy: "<office:annotation ").dropFirst()
        #expect(annotations.filter { $0.contains("<dc:creator>PlanCheck</dc:creator>") }.count == findings.count)
        #expect(annotations.filter { $0.contains("<dc:creator>张三</dc:creator>") }.count == 1)
        for finding in findings {
            #expect(content.contains(XMLText.escape(finding.message)), "ODT lacks: \(finding.message)")
        }

        let pdf = try convert(path, to: "pdf:writer_pdf_Export:{\"ExportNotes\":{\"type\":\"boolean\",\"value\":\"true\"}}", in: folder.path, produces: "pdf")
        #expect(pdf.starts(with: Array("%PDF".utf8)))
        let notes = Self.annotationTexts(in: pdf)
        for finding in findings {
            #expect(notes.contains { $0.contains(finding.message) }, "PDF annotations lack: \(finding.message)")
        }
        #expect(notes.contains("请核实"))

        // LibreOffice saves the copy as .docx in its own way (its own ids, namespaces and
        // commentsExtended part); reviewing that file again replaces PlanCheck's comments there too.
        let resaved = try convert(path, to: "docx:MS Word 2007 XML", in: folder.path + "/resaved", produces: "docx")
        let again = try ReviewCopy.make(original: resaved, file: "resaved.docx", findings: [findings[1]])
        let back = try ReadBack(again)
        #expect(back.comments.map(\.author).sorted() == ["PlanCheck", "张三"])
        #expect(back.comments.first { $0.author == "PlanCheck" }?.text.hasPrefix("警告：unknown unit `市委宣传部`") == true)
        let againPath = folder.path + "/again.docx"
        try Data(again).write(to: URL(fileURLWithPath: againPath))
        let odtAgain = try convert(againPath, to: "odt", in: folder.path)
        let contentAgain = String(decoding: try #require(try WordPackage(bytes: odtAgain, file: "again.odt", limits: .default).part("content.xml")), as: UTF8.self)
        #expect(contentAgain.components(separatedBy: "<dc:creator>PlanCheck</dc:creator>").count == 2)
        #expect(contentAgain.components(separatedBy: "<dc:creator>张三</dc:creator>").count == 2)
    }

    /// Runs `soffice --headless --convert-to FORMAT` with its own profile (parallel runs would
    /// fight over the default one's lock) under a time limit, and returns the converted file.
    func convert(_ path: String, to format: String, in folder: String, produces ext: String? = nil) throws -> [UInt8] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/timeout")
        process.arguments = ["180", Self.soffice!, "-env:UserInstallation=file://\(folder)/profile", "--headless",
                             "--convert-to", format, "--outdir", folder, path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let name = String(path.split(separator: "/").last!.dropLast(5))
        let output = folder + "/" + name + "." + (ext ?? format)
        #expect(process.terminationStatus == 0, "soffice exited with \(process.terminationStatus)")
        return try FileReader.read(output)
    }

    /// The texts of a PDF's annotations: LibreOffice writes each as `/Contents <FEFF…>`, UTF-16BE
    /// in hex.
    static func annotationTexts(in pdf: [UInt8]) -> [String] {
        let text = String(decoding: pdf, as: UTF8.self)
        return text.components(separatedBy: "/Contents <FEFF").dropFirst().compactMap { piece in
            guard let end = piece.firstIndex(of: ">") else { return nil }
            let hex = Array(piece[..<end].utf8)
            var units: [UInt16] = []
            var i = 0
            while i + 4 <= hex.count {
                guard let unit = UInt16(String(decoding: hex[i..<i + 4], as: UTF8.self), radix: 16) else { return nil }
                units.append(unit)
                i += 4
            }
            return String(decoding: units, as: UTF16.self)
        }
    }
}
