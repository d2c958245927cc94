/// The annotated view of a plan document (.docx, .txt, .md): one self-contained HTML page with
/// the plan's paragraphs in order — headings as headings, tables as tables — and each finding
/// beside the paragraph or cell it concerns, a summary and a list of every finding that jumps to
/// its paragraph. Inline CSS, system fonts, no external URL; it reads and prints without
/// JavaScript (a few inline lines only add the severity and rule filter). Two columns on a wide
/// screen, one on a phone.
public enum AnnotatedView {
    public static func html(document: PlanDocument, findings: [Finding], lang language: AuditLanguage = .zh) -> String {
        let s = ReviewStrings(language)
        let sorted = findings.sorted(by: Finding.reportOrder)
        // A finding about an empty table cell sits on that cell's (blank, unkept) paragraph.
        let lines = Set(document.paragraphs.map(\.line) + document.blankCells.map(\.line))
        var byLine: [Int: [Finding]] = [:]
        var wholeDocument: [Finding] = []
        for finding in sorted {
            if lines.contains(finding.line) { byLine[finding.line, default: []].append(finding) } else { wholeDocument.append(finding) }
        }
        let isWord = document.file.lowercased().hasSuffix(".docx")
        let name = FileSystemPath.lastComponent(document.file)
        let title = s["title"] + (language == .zh ? "：" : ": ") + name

        var out = "<!DOCTYPE html>\n<html lang=\"\(language == .zh ? "zh-CN" : "en")\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        out += "<title>\(HTML.escape(title))</title>\n<style>\n\(AnnotatedViewStyle.css)</style>\n</head>\n<body>\n"
        out += "<a class=\"skip\" href=\"#findings\">\(HTML.escape(s["skip"]))</a>\n"
        out += "<header>\n<h1>\(HTML.escape(title))</h1>\n<p class=\"meta\">\(HTML.escape(document.file))</p>\n</header>\n<main>\n"
        out += summary(sorted, s)
        out += findingList(sorted, byLine: byLine, isWord: isWord, s)
        if !wholeDocument.isEmpty {
            out += "<section id=\"whole\" aria-labelledby=\"whole-h\">\n<h2 id=\"whole-h\">\(HTML.escape(s["wholeDocument"]))</h2>\n"
            out += notes(wholeDocument, s) + "</section>\n"
        }
        out += "<section id=\"document\" aria-labelledby=\"document-h\">\n<h2 id=\"document-h\">\(HTML.escape(s["document"]))</h2>\n"
        var index = 0
        let paragraphs = document.paragraphs
        while index < paragraphs.count {
            if let cell = paragraphs[index].cell {
                var end = index
                while end < paragraphs.count, paragraphs[end].cell?.table == cell.table { end += 1 }
                out += table(paragraphs[index..<end], number: cell.table, blankCells: document.blankCells, byLine: byLine, s)
                index = end
                continue
            }
            out += block(paragraphs[index], findings: byLine[paragraphs[index].line] ?? [], s)
            index += 1
        }
        out += "</section>\n</main>\n<footer>\(HTML.escape(s["generated"]))</footer>\n"
        out += "<script>\n\(AnnotatedViewStyle.filterScript)</script>\n</body>\n</html>\n"
        return out
    }

    static func summary(_ findings: [Finding], _ s: ReviewStrings) -> String {
        var out = "<section id=\"summary\" aria-labelledby=\"summary-h\">\n<h2 id=\"summary-h\">\(HTML.escape(s["summary"]))</h2>\n"
        if findings.isEmpty { return out + "<p>\(HTML.escape(s["noFindings"]))</p>\n</section>\n" }
        out += "<ul class=\"counts\">\n"
        for severity in Severity.allCases.reversed() {
            let count = findings.filter { $0.severity == severity }.count
            out += "<li class=\"sev-\(severity.rawValue)\"><span class=\"n\">\(count)</span> \(HTML.escape(s[severity.rawValue + "s"]))</li>\n"
        }
        out += "</ul>\n"
        var rules: [String: Int] = [:]
        for finding in findings { rules[finding.rule, default: 0] += 1 }
        out += "<h3>\(HTML.escape(s["byRule"]))</h3>\n<ul class=\"rules\">\n"
        for (rule, count) in rules.sorted(by: { ($1.value, $0.key) < ($0.value, $1.key) }) {
            out += "<li><code>\(HTML.escape(rule))</code> \(count)</li>\n"
        }
        out += "</ul>\n"
        // Filled in by the script; hidden where scripts do not run, so nothing dead is shown.
        out += "<form id=\"filter\" hidden aria-label=\"\(HTML.escape(s["filter"]))\">\n"
        for severity in Severity.allCases.reversed() {
            out += "<label><input type=\"checkbox\" name=\"severity\" value=\"\(severity.rawValue)\" checked> \(HTML.escape(s[severity.rawValue]))</label>\n"
        }
        out += "<label>\(HTML.escape(s["rule"])) <select name=\"rule\"><option value=\"\">\(HTML.escape(s["all"]))</option>"
        for rule in rules.keys.sorted() { out += "<option>\(HTML.escape(rule))</option>" }
        return out + "</select></label>\n</form>\n</section>\n"
    }

    static func findingList(_ findings: [Finding], byLine: [Int: [Finding]], isWord: Bool, _ s: ReviewStrings) -> String {
        var out = "<nav id=\"findings\" aria-labelledby=\"findings-h\">\n<h2 id=\"findings-h\">\(HTML.escape(s["findingsList"]))</h2>\n"
        if findings.isEmpty { return out + "<p>\(HTML.escape(s["noFindings"]))</p>\n</nav>\n" }
        out += "<ol class=\"jump\">\n"
        for finding in findings {
            let onParagraph = byLine[finding.line] != nil
            let target = onParagraph ? "#p-\(finding.line)" : "#whole"
            // A table cell is named as every report names it (`表1!C3`).
            let paragraph = FindingPlace.cell(finding) ?? s[isWord ? "paragraph" : "line"].replacing("%d", with: String(finding.line))
            let place = onParagraph ? paragraph : s["wholeDocument"]
            out += "<li class=\"finding sev-\(finding.severity.rawValue)\" data-rule=\"\(HTML.escape(finding.rule))\">"
            out += "<a href=\"\(target)\">\(HTML.escape(place))</a> <span class=\"badge\">\(HTML.escape(s.severity(finding.severity)))</span> "
            out += "\(HTML.escape(finding.message)) <code>\(HTML.escape(finding.rule))</code></li>\n"
        }
        return out + "</ol>\n</nav>\n"
    }

    /// One paragraph, with its findings beside it.
    static func block(_ paragraph: PlanParagraph, findings: [Finding], _ s: ReviewStrings) -> String {
        var out = "<div class=\"para\(findings.isEmpty ? "" : " flagged")\" id=\"p-\(paragraph.line)\">\n"
        out += "<div class=\"text\">" + text(paragraph) + "</div>\n"
        if !findings.isEmpty {
            out += "<aside aria-label=\"\(HTML.escape(s["findingsOn"]))\">\n" + notes(findings, s) + "</aside>\n"
        }
        return out + "</div>\n"
    }

    /// The paragraph as a heading of its level (the page's own h1 and h2 come first) or as body
    /// text; the automatic numbering label set apart so it reads as numbering.
    static func text(_ paragraph: PlanParagraph) -> String {
        let scalars = paragraph.text.unicodeScalars
        let split = scalars.index(scalars.startIndex, offsetBy: min(max(paragraph.numberingLength, 0), scalars.count))
        let label = String(scalars[..<split])
        let body = String(scalars[split...])
        let inner = (label.isEmpty ? "" : "<span class=\"num\">\(HTML.escape(label))</span>") + HTML.escape(body)
        guard let level = paragraph.outlineLevel else { return "<p>\(inner)</p>" }
        let tag = "h\(min(level + 2, 6))"
        return "<\(tag)>\(inner)</\(tag)>"
    }

    static func notes(_ findings: [Finding], _ s: ReviewStrings) -> String {
        var out = "<ul class=\"notes\">\n"
        for finding in findings {
            out += "<li class=\"note sev-\(finding.severity.rawValue)\" data-rule=\"\(HTML.escape(finding.rule))\">"
            out += "<span class=\"badge\">\(HTML.escape(s.severity(finding.severity)))</span> \(HTML.escape(finding.message))"
            if let suggestion = ReviewCommentText.suggestion(in: finding.message) {
                out += "<span class=\"sugg\">\(HTML.escape(s["suggestion"] + s["colon"] + suggestion))</span>"
            }
            out += " <code>\(HTML.escape(finding.rule))</code>"
            out += "<a class=\"back\" href=\"#findings\" aria-label=\"\(HTML.escape(s["findingsList"]))\">↑</a></li>\n"
        }
        return out + "</ul>\n"
    }

    /// A table's paragraphs laid out by row and column; a cell's findings sit inside the cell.
    static func table(_ paragraphs: ArraySlice<PlanParagraph>, number: Int, blankCells: [PlanBlankCell] = [], byLine: [Int: [Finding]],
                      _ s: ReviewStrings) -> String {
        var cells: [PlanTableCell: [PlanParagraph]] = [:]
        var rows = 0, columns = 0
        var blank: [PlanTableCell: Int] = [:]
        for cell in blankCells where cell.table == number {
            blank[PlanTableCell(table: number, row: cell.row, column: cell.column)] = cell.line
            rows = max(rows, cell.row)
            columns = max(columns, cell.column)
        }
        for paragraph in paragraphs {
            guard let cell = paragraph.cell else { continue }
            cells[cell, default: []].append(paragraph)
            rows = max(rows, cell.row)
            columns = max(columns, cell.column)
        }
        var out = "<div class=\"table-wrap\"><table>\n<caption>\(HTML.escape(s["table"].replacing("%d", with: String(number))))</caption>\n"
        for row in 1...max(rows, 1) {
            out += "<tr>"
            for column in 1...max(columns, 1) {
                let key = PlanTableCell(table: number, row: row, column: column)
                let content = cells[key] ?? []
                let empty = content.isEmpty ? blank[key] : nil
                let found = content.flatMap { byLine[$0.line] ?? [] } + (empty.flatMap { byLine[$0] } ?? [])
                let tag = row == 1 ? "th" : "td"
                out += "<\(tag)\(found.isEmpty ? "" : " class=\"flagged\"")>"
                for paragraph in content {
                    out += "<div id=\"p-\(paragraph.line)\">\(HTML.escape(paragraph.text))</div>"
                }
                if let empty, !found.isEmpty { out += "<div id=\"p-\(empty)\"></div>" }
                if !found.isEmpty { out += notes(found, s) }
                out += "</\(tag)>"
            }
            out += "</tr>\n"
        }
        return out + "</table></div>\n"
    }
}
