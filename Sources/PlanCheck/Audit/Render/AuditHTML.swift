/// One self-contained HTML5 page: inline CSS, inline SVG charts, no external URL. It reads
/// without JavaScript; a few inline lines only make table headers sortable. It prints on A4 with
/// table headers repeated on every page.
enum AuditHTML {
    static func render(_ r: AuditReport, _ s: AuditStrings) -> String {
        let title = s["report"] + (r.title.isEmpty ? "" : (s.language == .zh ? "：" : ": ") + r.title)
        var out = "<!DOCTYPE html>\n<html lang=\"\(s.language == .zh ? "zh-CN" : "en")\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        out += "<title>\(HTML.escape(title))</title>\n<style>\n\(css)</style>\n</head>\n<body>\n"
        out += "<header>\n<h1>\(HTML.escape(title))</h1>\n"
        out += "<p class=\"meta\">\(HTML.escape(s["asOf"])) <strong>\(r.asOf)</strong> · \(HTML.escape(s["datasets"])): "
        out += r.datasets.map { HTML.escape(FileSystemPath.lastComponent($0)) }.joined(separator: ", ") + "</p>\n</header>\n"

        out += "<section id=\"summary\">\n<h2>\(HTML.escape(s["summary"]))</h2>\n"
        out += "<p class=\"headline\">\(HTML.escape(r.headline))</p>\n<div class=\"kpis\">\n"
        let t = r.totals
        let kpis: [(String, String, String)] = [
            ("tasks", s["tasks"], String(t.tasks)), ("overdue", s["overdue"], String(t.overdue)),
            ("done-on-time", s["done-on-time"], String(t.doneOnTime)), ("done-late", s["done-late"], String(t.doneLate)),
            ("on-time-rate", s["onTimeRate"], AuditFormat.percent(t.onTimeRate)),
            ("findings", s["findings"], String(r.findings.error + r.findings.warning + r.findings.info)),
        ]
        for (key, label, value) in kpis {
            out += "<div class=\"kpi\" data-key=\"\(key)\"><span class=\"v\">\(HTML.escape(value))</span><span class=\"l\">\(HTML.escape(label))</span></div>\n"
        }
        out += "</div>\n</section>\n"

        let charts: [(String, String, String?)] = [
            ("chart-status", s["chartStatus"], AuditCharts.statusDistribution(r, s)),
            ("chart-overdue", s["chartOverdue"] + (r.units.filter { $0.led.overdue > 0 }.count > AuditCharts.unitLimit
                ? " (" + s["chartTop"].replacing("%d", with: String(AuditCharts.unitLimit)) + ")" : ""),
             AuditCharts.overdueByUnit(r, s)),
            ("chart-indicators", s["chartIndicators"], AuditCharts.indicatorAttainment(r, s)),
        ]
        if charts.contains(where: { $0.2 != nil }) {
            out += "<section id=\"charts\">\n<h2>\(HTML.escape(s["charts"]))</h2>\n"
            for (id, caption, svg) in charts {
                guard let svg else { continue }
                out += "<figure id=\"\(id)\">\n<figcaption>\(HTML.escape(caption))</figcaption>\n\(svg)\n</figure>\n"
            }
            out += "</section>\n"
        }

        for table in AuditTables.all(r, s) { out += render(table) }

        if let c = r.comparison {
            out += "<section id=\"changes\">\n<h2>\(HTML.escape(s["changes"])) (\(HTML.escape(s["previous"])) \(HTML.escape(c.previousAsOf)))</h2>\n"
            let lines = ComparisonLines.make(c, s)
            if lines.isEmpty {
                out += "<p>\(HTML.escape(s["noChanges"]))</p>\n"
            } else {
                out += "<dl>\n" + lines.map { "<dt>\(HTML.escape($0.label))</dt><dd>\(HTML.escape($0.items.joined(separator: ", ")))</dd>\n" }.joined() + "</dl>\n"
            }
            out += "</section>\n"
        }
        out += "<footer>\(HTML.escape(s["generated"])) · \(HTML.escape(s["findings"])): "
        out += "\(HTML.escape(s.findingCounts(error: r.findings.error, warning: r.findings.warning, info: r.findings.info)))</footer>\n"
        out += "<script>\n\(sortScript)</script>\n</body>\n</html>\n"
        return out
    }

    static func render(_ table: AuditTable) -> String {
        var out = "<section id=\"s-\(table.id)\">\n<h2>\(HTML.escape(table.title))</h2>\n"
        out += "<table id=\"\(table.id)\" class=\"sortable\">\n<thead><tr>"
        for (i, column) in table.columns.enumerated() {
            out += table.numeric.contains(i) ? "<th class=\"num\">" : "<th>"
            out += HTML.escape(column) + "</th>"
        }
        out += "</tr></thead>\n<tbody>\n"
        for (row, key) in zip(table.rows, table.keys) {
            out += "<tr data-key=\"\(HTML.escape(key))\">"
            for (i, cell) in row.enumerated() {
                out += (table.numeric.contains(i) ? "<td class=\"num\">" : "<td>") + HTML.escape(cell) + "</td>"
            }
            out += "</tr>\n"
        }
        return out + "</tbody>\n</table>\n</section>\n"
    }

    /// System fonts only (no web font to download): the common CJK faces of macOS, Windows and
    /// Linux, then the platform default.
    static let css = """
    :root { --ink: #1a1a1a; --muted: #5f6368; --rule: #d0d4d9; --bad: #c62828; }
    body { font-family: "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", system-ui, -apple-system, "Segoe UI", sans-serif;
      color: var(--ink); margin: 2rem auto; max-width: 1100px; padding: 0 1rem; line-height: 1.6; font-size: 14px; }
    h1 { font-size: 1.6rem; margin: 0 0 .25rem; } h2 { font-size: 1.2rem; margin: 1.6rem 0 .6rem; border-bottom: 2px solid var(--ink); padding-bottom: .2rem; }
    .meta, footer { color: var(--muted); font-size: .9em; } footer { margin-top: 2rem; border-top: 1px solid var(--rule); padding-top: .5rem; }
    .headline { font-size: 1.05rem; background: #f5f6f7; border-left: 4px solid var(--bad); padding: .6rem .9rem; }
    .kpis { display: flex; flex-wrap: wrap; gap: .6rem; } .kpi { border: 1px solid var(--rule); padding: .4rem .8rem; min-width: 7rem; }
    .kpi .v { display: block; font-size: 1.5rem; font-weight: 600; } .kpi .l { color: var(--muted); font-size: .85em; }
    .kpi[data-key="overdue"] .v { color: var(--bad); }
    figure { margin: 0 0 1rem; break-inside: avoid; } figcaption { font-weight: 600; margin-bottom: .3rem; }
    svg { max-width: 100%; height: auto; } svg text { fill: var(--ink); font-family: inherit; }
    table { border-collapse: collapse; width: 100%; font-size: .9em; }
    th, td { border: 1px solid var(--rule); padding: .25rem .45rem; text-align: left; vertical-align: top; }
    th { background: #eef0f2; cursor: pointer; } .num { text-align: right; font-variant-numeric: tabular-nums; }
    td.num { white-space: nowrap; }
    #units td:nth-child(2), #overdue td:nth-child(3), #late td:nth-child(3) { min-width: 6em; }
    #units td:last-child { min-width: 10em; } #overdue td:nth-child(2), #late td:nth-child(2) { min-width: 12em; }
    tbody tr:nth-child(even) { background: #fafbfc; }
    dt { font-weight: 600; } dd { margin: 0 0 .5rem 1rem; }
    @page { size: A4; margin: 15mm 12mm; }
    @media print {
      body { margin: 0; max-width: none; font-size: 10.5pt; } th { cursor: auto; }
      table { font-size: 8.5pt; } th, td { padding: .1rem .25rem; }
      thead { display: table-header-group; } tr, figure { break-inside: avoid; page-break-inside: avoid; }
      h2 { break-after: avoid; page-break-after: avoid; } script { display: none; }
    }

    """

    /// Optional: click a header to sort. The page is complete without it.
    static let sortScript = """
    document.querySelectorAll("table.sortable th").forEach(function (th) {
      th.addEventListener("click", function () {
        var table = th.closest("table"), body = table.tBodies[0], i = th.cellIndex;
        var numeric = th.classList.contains("num"), dir = th.dataset.dir === "asc" ? -1 : 1;
        th.dataset.dir = dir === 1 ? "asc" : "desc";
        Array.from(body.rows).sort(function (a, b) {
          var x = a.cells[i].textContent, y = b.cells[i].textContent;
          if (numeric) { return ((parseFloat(x) || 0) - (parseFloat(y) || 0)) * dir; }
          return x.localeCompare(y, "zh") * dir;
        }).forEach(function (row) { body.appendChild(row); });
      });
    });

    """
}

enum FileSystemPath {
    static func lastComponent(_ path: String) -> String {
        let parts = path.split(separator: "/")
        // The folder and the file: `shenzhen-2011/plan.yaml` says more than `plan.yaml`.
        return parts.suffix(2).joined(separator: "/")
    }
}
