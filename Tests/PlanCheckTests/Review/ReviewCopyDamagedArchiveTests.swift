import Foundation
import Testing
@testable import PlanCheck

/// The review copy reads the untrusted original with the project's bounds-checked ZIP reader
/// (Loading/OOXML), not ZIPFoundation's, which trapped on a truncated archive (issue 16): every
/// damaged package is a located input error, never a trap.
@Suite struct ReviewCopyDamagedArchiveTests {
    func failure(_ bytes: [UInt8]) -> LoadError? {
        do {
            _ = try ReviewCopy.make(original: bytes, file: "plan.docx", findings: [ReviewFixture.finding(4, "x")])
            return nil
        } catch {
            return error
        }
    }

    /// Where the end-of-central-directory record says the directory starts.
    static func directoryOffset(_ bytes: [UInt8]) -> Int {
        let end = bytes.count - 22
        return (0..<4).reduce(0) { $0 | Int(bytes[end + 16 + $1]) << (8 * $1) }
    }

    @Test func everyTruncationIsAnInputError() throws {
        let package = try ReviewFixture.package()
        #expect(failure(package) == nil)
        for length in 0..<package.count {
            let error = try #require(failure(Array(package.prefix(length))), "a prefix of \(length) bytes was accepted")
            #expect(error.line == 1 && error.column == 1 && error.file == "plan.docx")
            #expect(error.message.hasPrefix("not a Word (.docx) file") || error.message.hasPrefix("not a readable .docx"),
                    "\(length): \(error.message)")
        }
    }

    @Test func everyDamagedByteOfTheCentralDirectoryIsAnErrorOrHarmless() throws {
        let package = try ReviewFixture.package()
        let start = Self.directoryOffset(package)
        #expect(start > 0 && start < package.count)
        var refused = 0
        for at in start..<package.count {
            for value: UInt8 in [0x00, 0xFF, package[at] ^ 0x80] where value != package[at] {
                var damaged = package
                damaged[at] = value
                // Either a located error or a copy: what matters is that it returns at all.
                if let error = failure(damaged) {
                    #expect(error.file == "plan.docx" && !error.message.isEmpty)
                    refused += 1
                }
            }
        }
        #expect(refused > 0)
    }

    @Test func aCentralDirectoryPointingOutsideTheFile() throws {
        var package = try ReviewFixture.package()
        let end = package.count - 22
        // The directory's offset pushed past the end of the file.
        for k in 0..<4 { package[end + 16 + k] = 0xFF }
        package[end + 16] = 0xFE
        let error = try #require(failure(package))
        #expect(error.message.hasPrefix("not a readable .docx (ZIP) archive — truncated or damaged? (its central directory"), "\(error.message)")

        var signature = try ReviewFixture.package()
        signature[Self.directoryOffset(signature)] = 0x00
        let damaged = try #require(failure(signature))
        #expect(damaged.message.contains("its central directory has a damaged entry at offset"), "\(damaged.message)")
    }

    @Test func aDuplicateEntryIsRefused() throws {
        let bytes = try WordPackage(file: "plan.docx", parts: [("[Content_Types].xml", Array(ReviewFixture.contentTypes.utf8)),
                                                               ("word/document.xml", [0x20]), ("Word/Document.xml", [0x20])]).archived()
        #expect(failure(bytes)?.message == "the archive holds Word/Document.xml twice; the package is damaged")
    }

    @Test func aProcessingInstructionAloneAndANameThatIsNotUTF8() throws {
        let pi = try #require(failure(try ReviewFixture.package(document: "<?e?>")))
        #expect(pi.message == "word/document.xml (line 1, column 6) is not usable XML: no root element; the document is damaged")
        var document = Array(ReviewFixture.document(ReviewFixture.paragraph("一、总体要求")).utf8)
        let body = Array("<w:body>".utf8)
        let at = try #require((0...(document.count - body.count)).first { Array(document[$0..<($0 + body.count)]) == body })
        document.insert(contentsOf: [0x3C, 0xF9, 0xF9, 0x50, 0x2F, 0x3E], at: at + body.count)
        let package = try WordPackage(file: "plan.docx", parts: [
            ("[Content_Types].xml", Array(ReviewFixture.contentTypes.utf8)), ("_rels/.rels", Array(ReviewFixture.packageRels.utf8)),
            ("word/document.xml", document)]).archived()
        let name = try #require(failure(package))
        #expect(name.message.hasPrefix("word/document.xml (line 2, column "), "\(name.message)")
        #expect(name.message.contains("an element name that is not valid UTF-8"))
    }

    @Test func untouchedPartsKeepTheirBytesDatesAndCompression() throws {
        let stored = Array("<Properties/>".utf8)
        let package = WordPackage(file: "plan.docx", parts: [
            ("[Content_Types].xml", Array(ReviewFixture.contentTypes.utf8)), ("_rels/.rels", Array(ReviewFixture.packageRels.utf8)),
            ("word/document.xml", Array(ReviewFixture.document(ReviewFixture.planBody).utf8)),
            ("docProps/app.xml", stored)])
        let original = try package.archived()
        let read = try WordPackage(bytes: original, file: "plan.docx", limits: .default)
        #expect(read.parts.map(\.path) == ["[Content_Types].xml", "_rels/.rels", "word/document.xml", "docProps/app.xml"])
        #expect(read.parts.allSatisfy { $0.modified == Date(timeIntervalSince1970: 1_600_000_000) })
        #expect(read.parts.allSatisfy { $0.compressed })
        #expect(read.part("docprops/APP.xml") == stored)
        // Written back unchanged, read again: the same parts, the same bytes.
        let rewritten = try read.archived()
        #expect(rewritten == original)
    }
}
