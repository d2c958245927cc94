import Foundation
import Testing
@testable import PlanCheck

@Suite struct AnnotatedViewTests {
    static let document = PlanDocument(file: "plans/深圳行动纲要.docx", paragraphs: [
        PlanParagraph(line: 1, text: "深圳市推进国际化城市建设行动纲要"),
        PlanParagraph(line: 3, text: "一、总体要求", numberingLength: 2, outlineLevel: 1),
        PlanParagraph(line: 4, text: "（1）加快建设国际化城市。牵头单位：市发展改革委", numberingLength: 3),
        PlanParagraph(line: 5, text: "（2）完善城市功能。牵头单位：市科工贸信 <b>", numberingLength: 3),
        PlanParagraph(line: 6, text: "任务", cell: PlanTableCell(table: 1, row: 1, column: 1)),
        PlanParagraph(line: 7, text: "牵头单位", cell: PlanTableCell(table: 1, row: 1, column: 2)),
        PlanParagraph(line: 8, text: "编制宣传方案", cell: PlanTableCell(table: 1, row: 2, column: 1)),
        PlanParagraph(line: 9, text: "市委宣传部", cell: PlanTableCell(table: 1, row: 2, column: 2)),
        PlanParagraph(line: 10, text: "各单位要将任务纳入年度计划。"),
    ])

    static let findings = [
        ReviewFixture.finding(5, "unknown unit `市科工贸信` (did you mean 市科工贸信委?)"),
        ReviewFixture.finding(9, "unknown unit `市委宣传部`", severity: .warning),
        ReviewFixture.finding(0, "declared total 25 differs from the sum of the parts 24", rule: "total.mismatch"),
        ReviewFixture.finding(10, "no deadline", rule: "deadline.missing", severity: .info),
    ]

    let page = AnnotatedView.html(document: Self.document, findings: Self.findings)

    @Test func eachFindingSitsBesideItsParagraph() {
        let paragraph = "<div class=\"para flagged\" id=\"p-5\">\n<div class=\"text\"><p><span class=\"num\">（2）</span>完善城市功能。牵头单位：市科工贸信 &lt;b&gt;</p></div>\n"
            + "<aside aria-label=\"本段检查发现\">\n<ul class=\"notes\">\n<li class=\"note sev-error\" data-rule=\"accountability.unknown-unit\"><span class=\"badge\">错误</span> "
            + "unknown unit `市科工贸信` (did you mean 市科工贸信委?)<span class=\"sugg\">建议改为：市科工贸信委</span> <code>accountability.unknown-unit</code>"
        #expect(page.contains(paragraph))
        #expect(page.contains("<div class=\"para\" id=\"p-4\">"))
        // A heading of level 1 is an h3 (the page's h1 and h2 come first), its numbering set apart.
        #expect(page.contains("<h3><span class=\"num\">一、</span>总体要求</h3>"))
        #expect(page.contains("<div class=\"para flagged\" id=\"p-10\">"))
    }

    @Test func tablesKeepTheirCellsAndACellsFindingsSitInIt() {
        #expect(page.contains("<caption>表 1</caption>"))
        #expect(page.contains("<tr><th><div id=\"p-6\">任务</div></th><th><div id=\"p-7\">牵头单位</div></th></tr>"))
        #expect(page.contains("<td class=\"flagged\"><div id=\"p-9\">市委宣传部</div><ul class=\"notes\">\n<li class=\"note sev-warning\""))
    }

    @Test func summaryJumpListAndWholeDocumentFindings() {
        #expect(page.contains("<li class=\"sev-error\"><span class=\"n\">2</span> 错误</li>\n<li class=\"sev-warning\"><span class=\"n\">1</span> 警告</li>\n<li class=\"sev-info\"><span class=\"n\">1</span> 提示</li>"))
        #expect(page.contains("<li><code>accountability.unknown-unit</code> 2</li>\n<li><code>deadline.missing</code> 1</li>\n<li><code>total.mismatch</code> 1</li>"))
        // The jump list in report order: the document-wide one first, pointing at its section.
        let jumps = page.components(separatedBy: "<li class=\"finding ").dropFirst().map { $0.prefix(while: { $0 != "\n" }) }
        #expect(jumps.count == 4)
        #expect(jumps[0].contains("<a href=\"#whole\">关于整个文件</a>"))
        #expect(jumps[1].contains("<a href=\"#p-5\">第 5 段</a>"))
        #expect(page.contains("<section id=\"whole\" aria-labelledby=\"whole-h\">\n<h2 id=\"whole-h\">关于整个文件</h2>\n<ul class=\"notes\">\n<li class=\"note sev-error\" data-rule=\"total.mismatch\">"))
    }

    @Test func selfContainedAndAccessible() {
        #expect(page.hasPrefix("<!DOCTYPE html>\n<html lang=\"zh-CN\">"))
        #expect(page.contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"))
        #expect(!page.contains("http://") && !page.contains("https://") && !page.contains("src=") && !page.contains("@import"))
        #expect(page.contains("<a class=\"skip\" href=\"#findings\">"))
        #expect(page.contains("@media (max-width: 760px)"))
        // Every note names its severity in words, not only by colour.
        let notes = page.components(separatedBy: "<li class=\"note ").dropFirst()
        #expect(notes.count == 4 && notes.allSatisfy { $0.contains("<span class=\"badge\">") })
        // The filter form shows only when its script runs.
        #expect(page.contains("<form id=\"filter\" hidden"))
    }

    @Test func englishAndTextPlans() {
        let text = PlanDocument(file: "plan.md", paragraphs: [PlanParagraph(line: 1, text: "# Plan", outlineLevel: 1), PlanParagraph(line: 3, text: "Task A")])
        let page = AnnotatedView.html(document: text, findings: [ReviewFixture.finding(3, "no lead unit", rule: "required")], lang: .en)
        #expect(page.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        #expect(page.contains("<title>Review: plan.md</title>"))
        #expect(page.contains("<a href=\"#p-3\">line 3</a> <span class=\"badge\">Error</span> no lead unit <code>required</code>"))
        let clean = AnnotatedView.html(document: text, findings: [], lang: .en)
        #expect(clean.contains("<p>No findings.</p>"))
        #expect(!clean.contains("class=\"para flagged"))
    }

    @Test func deterministic() {
        #expect(AnnotatedView.html(document: Self.document, findings: Self.findings.reversed()) == page)
    }

    @Test func defaultPathsSitNextToThePlan() {
        #expect(ReviewCopy.defaultPath(for: "plans/方案.docx", extension: "docx") == "plans/方案.审阅.docx")
        #expect(ReviewCopy.defaultPath(for: "方案.md", extension: "html") == "方案.审阅.html")
        #expect(ReviewCopy.defaultPath(for: "/a.b/plan", extension: "html") == "/a.b/plan.审阅.html")
        #expect(ReviewCopy.defaultPath(for: ".docx", extension: "docx") == ".docx.审阅.docx")
    }

    static let chromium: String? = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    /// Headless Chromium loads the page and runs its script without an error: the filter form,
    /// hidden in the markup, is shown by the script.
    @Test(.enabled(if: chromium != nil, "Chromium is not installed — apt-get install -y chromium: browser check skipped"))
    func chromiumRunsTheScript() throws {
        let folder = try TemporaryDirectory()
        let path = folder.write("view.html", page)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/timeout")
        process.arguments = ["120", Self.chromium!, "--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=\(folder.path)/profile",
                             "--dump-dom", "file://\(path)"]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let dom = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(dom.contains("<form id=\"filter\" aria-label=\"筛选\">"), "the script did not run to completion")
        #expect(dom.contains("id=\"p-10\""))
    }
}
