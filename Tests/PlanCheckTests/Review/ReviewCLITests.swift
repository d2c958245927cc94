import Foundation
import Testing
@testable import PlanCheck

/// `plancheck review`: what it refuses, with exit code 2 and nothing written.
@Suite struct ReviewCLITests {
    let cli = CLITests()

    func files(in folder: TemporaryDirectory) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    }

    @Test func aHostileDocxWritesNothing() throws {
        let folder = try TemporaryDirectory()
        folder.write("rules.yml", "rules: []\n")
        let cases: [(String, [UInt8], String)] = [
            ("text.docx", Array("不是压缩包".utf8), "text.docx:1:1: error: not a Word (.docx) file: it does not start with a ZIP signature (PK)"),
            ("xxe.docx", try ReviewFixture.package(document: "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><w:document \(ReviewFixture.w)/>"),
             "xxe.docx:1:1: error: word/document.xml (line 1, column 1) is not usable XML: a DTD or entity declaration"),
            ("comments.docx", try ReviewFixture.package(comments: "<w:comments \(ReviewFixture.w)><w:comment w:id=\"1\">"),
             "comments.docx:1:1: error: word/comments.xml (line 1, column "),
            ("cut.docx", Array(try ReviewFixture.package().prefix(22)), "cut.docx:1:1: error: not a readable .docx (ZIP) archive — truncated or damaged?"),
            ("pi.docx", try ReviewFixture.package(document: "<?e?>"), "pi.docx:1:1: error: word/document.xml (line 1, column 6) is not usable XML: no root element"),
        ]
        for (name, bytes, _) in cases {
            try Data(bytes).write(to: URL(fileURLWithPath: folder.path + "/" + name))
        }
        let before = try files(in: folder)
        for (name, bytes, message) in cases {
            let run = try cli.run(["review", "--rules", "rules.yml", name], in: folder.path)
            #expect(run.status == 2, "\(name): \(run.stderr)")
            #expect(run.stderr.hasPrefix(message), "\(name): \(run.stderr)")
            #expect(try FileReader.read(folder.path + "/" + name) == bytes)
        }
        #expect(try files(in: folder) == before)
    }

    @Test func refusesToOverwriteThePlanAndOtherFormats() throws {
        let folder = try TemporaryDirectory()
        try Data(try ReviewFixture.package()).write(to: URL(fileURLWithPath: folder.path + "/plan.docx"))
        let same = try cli.run(["review", "plan.docx", "--output", "./plan.docx"], in: folder.path)
        #expect(same.status == 2)
        #expect(same.stderr.contains("is the plan itself; the original is never overwritten"))
        let pdf = try cli.run(["review", "plan.pdf"], in: folder.path)
        #expect(pdf.status == 2)
        #expect(pdf.stderr.contains("review takes a .docx, .txt or .md plan"))
        let html = try cli.run(["review", "plan.md", "--html", "x.html"], in: folder.path)
        #expect(html.status == 2)
        #expect(html.stderr.contains("--html is for a .docx plan"))
        let missing = try cli.run(["review", "absent.docx"], in: folder.path)
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("absent.docx: error: no such file"))
        #expect(try files(in: folder) == ["plan.docx"])
    }
}
