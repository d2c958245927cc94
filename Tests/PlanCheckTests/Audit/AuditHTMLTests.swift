import Foundation
import Testing
@testable import PlanCheck

@Suite struct AuditHTMLTests {
    static func html(_ language: AuditLanguage = .zh) throws -> (AuditReport, String) {
        let report = try AuditDemo.report(language: language)
        return (report, AuditRenderer.render(report, format: .html))
    }

    /// html5lib (the WHATWG parsing algorithm) in strict mode fails on the first parse error.
    /// Without html5lib the script falls back to the standard library's parser and checks that
    /// every element is closed in order.
    static let validator = #"""
    import sys
    src = open(sys.argv[1], encoding="utf-8").read()
    try:
        import html5lib
    except ImportError:
        html5lib = None
    if html5lib:
        html5lib.HTMLParser(strict=True).parse(src)
        print("html5lib: valid")
    else:
        from html.parser import HTMLParser
        void = {"meta", "br", "hr", "img", "input", "link", "area", "base", "col", "embed", "source", "track", "wbr"}
        class Strict(HTMLParser):
            def __init__(self):
                super().__init__(); self.stack = []; self.doctype = False
            def handle_decl(self, d): self.doctype = d.lower() == "doctype html"
            def handle_starttag(self, t, a):
                if t not in void: self.stack.append(t)
            def handle_startendtag(self, t, a): pass
            def handle_endtag(self, t):
                top = self.stack.pop() if self.stack else None
                if top != t: raise SystemExit("mismatched </%s>, open <%s>" % (t, top))
        p = Strict(); p.feed(src); p.close()
        if not p.doctype or p.stack: raise SystemExit("no doctype or unclosed " + str(p.stack))
        print("html.parser: well-formed")
    """#

    @Test(.enabled(if: Python.available, "python3 is not installed: HTML5 validation skipped"),
          arguments: [AuditLanguage.zh, .en])
    func validatesAsHTML5(_ language: AuditLanguage) throws {
        let (_, html) = try Self.html(language)
        let dir = try TemporaryDirectory()
        let file = dir.write("audit.html", html)
        let (status, output) = try Python.run(Self.validator, arguments: [file])
        #expect(status == 0, "\(output)")
    }

    static let chromium: String? = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    /// The page opens in a real browser engine without script errors and keeps its charts and
    /// tables in the rendered DOM.
    @Test(.enabled(if: chromium != nil, "headless Chromium is not installed (apt-get install chromium): rendering check skipped"),
          .timeLimit(.minutes(2)))
    func rendersInHeadlessChromium() throws {
        let (_, html) = try Self.html()
        let dir = try TemporaryDirectory()
        let file = dir.write("audit.html", html)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.chromium!)
        process.arguments = ["--headless=new", "--no-sandbox", "--disable-gpu", "--enable-logging=stderr", "--v=0",
                             "--user-data-dir=" + dir.path + "/profile", "--dump-dom", "file://" + file]
        // The log goes to a file: Chromium is chatty, and a full stderr pipe would stall it.
        let logPath = dir.path + "/chromium.log"
        _ = FileManager.default.createFile(atPath: logPath, contents: nil)
        let out = Pipe()
        process.standardOutput = out
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: logPath))
        try process.run()
        let dom = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let log = (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? ""
        #expect(process.terminationStatus == 0, "chromium failed: \(log.suffix(2_000))")
        #expect(dom.contains("<svg") && dom.contains("<table"), "the rendered DOM lost its charts or tables")
        let consoleErrors = log.split(separator: "\n").filter { $0.contains("CONSOLE") && ($0.contains("Uncaught") || $0.contains("Error")) }
        #expect(consoleErrors.isEmpty, "script errors: \(consoleErrors)")
    }

    @Test func selfContained() throws {
        let (_, html) = try Self.html()
        for forbidden in ["http:", "https:", "//cdn", "src=", "href=", "url(", "@import", "<link", "<iframe", "<img"] {
            #expect(!html.contains(forbidden), "external reference: \(forbidden)")
        }
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("thead { display: table-header-group; }"))
        #expect(html.contains("@page { size: A4"))
        #expect(html.contains("Noto Sans CJK SC"))
        #expect(html.components(separatedBy: "<svg").count - 1 == 3)
    }

    @Test func chartsAgreeWithTheModel() throws {
        let (report, html) = try Self.html()
        let overdue = Self.chartValues(html, figure: "chart-overdue")
        let expected = report.units.filter { $0.led.overdue > 0 }.map { ($0.name, String($0.led.overdue)) }
        #expect(overdue.map(\.0) == expected.map(\.0) && overdue.map(\.1) == expected.map(\.1))
        let status = Dictionary(uniqueKeysWithValues: Self.chartValues(html, figure: "chart-status"))
        let t = report.totals
        #expect(status == ["done-on-time": "\(t.doneOnTime)", "done-late": "\(t.doneLate)", "in-progress": "\(t.inProgress)",
                           "not-started": "\(t.notStarted)", "overdue": "\(t.overdue)", "done-date-unknown": "\(t.doneDateUnknown)"])
        #expect(t.doneDateUnknown == 1)   // T10: shown because a task is in it
        let attainment = Self.chartValues(html, figure: "chart-indicators")
        #expect(attainment.map(\.0) == report.indicators.filter { $0.attainment != nil }.map(\.id))
        #expect(attainment.map(\.1) == report.indicators.compactMap(\.attainment).map(AuditFormat.number))
    }

    @Test func tablesAgreeWithTheModel() throws {
        let (report, html) = try Self.html()
        let rows = Self.tableRows(html, table: "units")
        #expect(rows.map(\.key) == report.units.map(\.name))
        let statuses = AuditTables.statusColumns(report)
        #expect(statuses == [.doneOnTime, .doneLate, .doneDateUnknown, .inProgress, .notStarted, .overdue])
        for (row, unit) in zip(rows, report.units) {
            // rank, unit, led, the status columns, days overdue, rate
            #expect(row.cells[0] == String(unit.rank) && row.cells[1] == unit.name && row.cells[2] == String(unit.led.tasks))
            for (i, status) in statuses.enumerated() { #expect(row.cells[3 + i] == String(unit.led.count(status))) }
            let after = 3 + statuses.count
            #expect(row.cells[after] == String(unit.led.daysOverdue) && row.cells[after + 1] == AuditFormat.percent(unit.onTimeRate))
        }
        let overdue = Self.tableRows(html, table: "overdue")
        #expect(Set(overdue.map(\.key)) == Set(report.tasks.filter { $0.status == .overdue }.map(\.id)))
        let kpi = html.components(separatedBy: "data-key=\"overdue\"><span class=\"v\">")[1].prefix { $0 != "<" }
        #expect(String(kpi) == String(report.totals.overdue))
    }

    @Test func escapesDatasetText() {
        var report = AuditReport(schemaVersion: 1, title: "<script>alert(1)</script> & \"x\"", asOf: "2021-01-01", language: "en",
                                 datasets: [], headline: "a < b", totals: StatusCounts(), units: [], groups: [], tasks: [],
                                 indicators: [], ratios: [], dataQuality: DataQuality(), findings: FindingCounts(), comparison: nil)
        report.headline = "<b>"
        let html = AuditRenderer.render(report, format: .html)
        #expect(!html.contains("<script>alert"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;"))
    }

    // MARK: reading the page back

    /// `(data-label, data-value)` of the bars or segments inside `<figure id=figure>`.
    static func chartValues(_ html: String, figure: String) -> [(String, String)] {
        guard let start = html.range(of: "<figure id=\"\(figure)\">"),
              let end = html[start.upperBound...].range(of: "</figure>") else { return [] }
        let section = html[start.upperBound..<end.lowerBound]
        return section.components(separatedBy: "data-label=\"").dropFirst().map { part in
            let label = String(part.prefix { $0 != "\"" })
            let value = part.components(separatedBy: "data-value=\"")[1].prefix { $0 != "\"" }
            return (unescape(label), String(value))
        }
    }

    /// Rows of `<table id=table>`: the `data-key` and the text of each cell.
    static func tableRows(_ html: String, table: String) -> [(key: String, cells: [String])] {
        guard let start = html.range(of: "<table id=\"\(table)\""),
              let end = html[start.upperBound...].range(of: "</table>") else { return [] }
        let body = html[start.upperBound..<end.lowerBound].components(separatedBy: "<tbody>")[1]
        return body.components(separatedBy: "<tr data-key=\"").dropFirst().map { row in
            let key = unescape(String(row.prefix { $0 != "\"" }))
            let cells = row.components(separatedBy: "<td").dropFirst().map { cell in
                unescape(String(cell.drop { $0 != ">" }.dropFirst().prefix { $0 != "<" }))
            }
            return (key, cells)
        }
    }

    static func unescape(_ text: String) -> String {
        text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
