import Foundation
import Testing
@testable import PlanCheck

/// `plancheck review` on the example plan, end to end through the CLI: the comments read back
/// from the copy are exactly `plancheck check --format json`'s findings, and locations survive
/// an edit of the draft (issue 13's round trip).
@Suite struct ReviewEndToEndTests {
    let cli = CLITests()
    static let config = "Examples/plan-documents/.plancheck.yml"
    static let plan = "Examples/plan-documents/plan.docx"

    /// One comment as the test compares it: the paragraph it is anchored on and its first two
    /// lines (severity and message, rule).
    struct Placed: Hashable, CustomStringConvertible {
        var paragraph: Int
        var text: String
        var description: String { "¶\(paragraph): \(text)" }
    }

    /// The findings `check --format json` reports for `file`, as the comments they should become.
    func checked(_ file: String) throws -> [Placed] {
        let run = try cli.run(["check", "--config", Self.config, "--format", "json", file])
        #expect(run.status == 0 || run.status == 1, "\(run.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let findings = try #require(json["findings"] as? [[String: Any]])
        #expect((json["inputErrors"] as? [Any])?.isEmpty == true)
        return findings.map { finding in
            let severity = (finding["severity"] as? String ?? "").capitalized
            return Placed(paragraph: finding["line"] as? Int ?? -1,
                          text: "\(severity): \(finding["message"] as? String ?? "")\nRule: \(finding["rule"] as? String ?? "")")
        }
    }

    /// Reviews `file` into `output` and reads the comments back from the copy.
    func reviewed(_ file: String, into output: String) throws -> [Placed] {
        let run = try cli.run(["review", "--config", Self.config, "--lang", "en", "--output", output, file])
        #expect(run.status == 0, "\(run.stderr)")
        let back = try ReadBack(try FileReader.read(output))
        #expect(back.comments.allSatisfy { $0.author == "PlanCheck" })
        #expect(back.starts == back.ends && back.starts == back.references)
        return back.starts.flatMap { paragraph, ids in
            ids.map { id in
                let lines = (back.text(ofComment: id) ?? "").split(separator: "\n", omittingEmptySubsequences: false)
                return Placed(paragraph: paragraph, text: lines.prefix(2).joined(separator: "\n"))
            }
        }
    }

    static func counted(_ placed: [Placed]) -> [Placed: Int] { placed.reduce(into: [:]) { $0[$1, default: 0] += 1 } }

    @Test func theExamplePlansCommentsAreItsFindings() throws {
        let folder = try TemporaryDirectory()
        let original = try FileReader.read(Self.plan)
        let expected = try checked(Self.plan)
        #expect(expected.count > 100)
        let comments = try reviewed(Self.plan, into: folder.path + "/plan.审阅.docx")
        #expect(Self.counted(comments) == Self.counted(expected))
        #expect(try FileReader.read(Self.plan) == original)
    }

    @Test func theTextPlansViewShowsItsFindings() throws {
        let folder = try TemporaryDirectory()
        let text = "Examples/plan-documents/plan.txt"
        let expected = try checked(text)
        #expect(!expected.isEmpty)
        let run = try cli.run(["review", "--config", Self.config, "--output", folder.path + "/plan.html", text])
        #expect(run.status == 0, "\(run.stderr)")
        let html = String(decoding: try FileReader.read(folder.path + "/plan.html"), as: UTF8.self)
        for finding in expected {
            let message = finding.text.split(separator: "\n")[0].split(separator: ": ", maxSplits: 1)[1]
            #expect(html.contains(XMLText.escape(String(message))), "\(message)")
        }
    }

    /// The example's document part with `text` replaced by `replacement` exactly once.
    static func edited(_ package: [UInt8], replacing text: String, with replacement: String) throws -> [UInt8] {
        var word = try WordPackage(bytes: package, file: "plan.docx", limits: .default)
        let document = String(decoding: try #require(word.part("word/document.xml")), as: UTF8.self)
        #expect(document.components(separatedBy: text).count == 2, "`\(text)` is not in the document exactly once")
        word.set("word/document.xml", Array(document.replacingOccurrences(of: text, with: replacement).utf8), after: "")
        return try word.archived()
    }

    @Test func removingALeadUnitAddsOneCommentOnThatItemAndFixingItRemovesIt() throws {
        let folder = try TemporaryDirectory()
        let before = try reviewed(Self.plan, into: folder.path + "/before.docx")
        // 行动计划3 names two lead units; the drafter deletes the first.
        let lead = "(牵头单位:市文体旅游局、规划国土委,"
        let draft = try Self.edited(try FileReader.read(Self.plan), replacing: lead, with: "(牵头单位:,")
        try Data(draft).write(to: URL(fileURLWithPath: folder.path + "/draft.docx"))
        let after = try reviewed(folder.path + "/draft.docx", into: folder.path + "/draft.审阅.docx")

        var added = Self.counted(after)
        for (comment, count) in Self.counted(before) { added[comment, default: 0] -= count }
        let new = added.filter { $0.value != 0 }
        #expect(new.values.allSatisfy { $0 == 1 }, "\(new)")
        let back = try ReadBack(try FileReader.read(folder.path + "/draft.审阅.docx"))
        // Exactly one new comment on the edited item's paragraph (the numbering 行动计划3. is Word's)…
        let onItem = new.keys.filter { back.paragraphText[$0.paragraph]?.hasPrefix("建设国际一流的旅游度假胜地(牵头单位:,") == true }
        #expect(onItem.count == 1 && onItem.first?.text.contains("no lead unit") == true, "\(new)")
        // …and one on its only measure, (9), whose lead was inherited from the item; nothing else.
        let onMeasure = new.keys.filter { back.paragraphText[$0.paragraph]?.hasPrefix("积极提升旅游产业发展水平") == true }
        #expect(onMeasure.count == 1 && new.count == 2, "\(new)")

        // The drafter fixes the reviewed copy itself and reviews it again: the comment goes.
        let fixed = try Self.edited(try FileReader.read(folder.path + "/draft.审阅.docx"), replacing: "(牵头单位:,", with: lead)
        try Data(fixed).write(to: URL(fileURLWithPath: folder.path + "/fixed.docx"))
        let again = try reviewed(folder.path + "/fixed.docx", into: folder.path + "/fixed.审阅.docx")
        #expect(Self.counted(again) == Self.counted(before))
    }
}
