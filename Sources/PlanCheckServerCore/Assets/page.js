// plancheck-server's page script: sends the form to the API and draws the answer. No libraries.
"use strict";
(function () {
  const strings = JSON.parse(document.getElementById("strings").textContent);
  const form = document.getElementById("check-form");
  const results = document.getElementById("results");
  const status = document.getElementById("status");
  const submit = document.getElementById("submit");
  const textKinds = ["yaml", "yml", "json", "jsonl", "csv", "tsv", "md", "txt"];
  const t = (key) => strings[key] || key;

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k === "class") node.className = v; else node.setAttribute(k, v);
    }
    for (const child of children) node.append(child instanceof Node ? child : String(child));
    return node;
  }

  function formData(format) {
    const data = new FormData(form);
    if (format) data.set("format", format);
    data.set("lang", document.documentElement.lang === "en" ? "en" : "zh");
    return data;
  }

  async function post(path, format) {
    const files = document.getElementById("files").files;
    if (!files.length) throw { message: t("chooseFiles"), inputErrors: [] };
    const response = await fetch(path, { method: "POST", body: formData(format) });
    if (!response.ok) {
      let body = null;
      try { body = await response.json(); } catch (_) { /* not JSON: a proxy's page */ }
      throw body && body.error ? Object.assign(body.error, { report: body.report }) : { message: response.status + " " + response.statusText, inputErrors: [] };
    }
    return response;
  }

  // The uploaded text files' lines, for showing each record's source next to its findings.
  async function sourceLines() {
    const lines = {};
    for (const file of document.getElementById("files").files) {
      const ext = file.name.split(".").pop().toLowerCase();
      if (textKinds.includes(ext) && file.size < 4 << 20) lines[file.name] = (await file.text()).split(/\r?\n/);
    }
    return lines;
  }

  function worst(findings) {
    return findings.some((f) => f.severity === "error") ? "error" : findings.some((f) => f.severity === "warning") ? "warning" : "info";
  }

  const indent = (line) => line.length - line.trimStart().length;

  // The record's own lines: from its first finding down through the lines indented deeper than
  // it (a YAML list item's fields), at most 8, and at least down to its last finding.
  function recordExtent(lines, first, lastHit) {
    const base = indent(lines[first - 1] || "");
    let last = first;
    while (last < lines.length && last - first < 7) {
      const next = lines[last];
      if (last >= lastHit && (next.trim() === "" || indent(next) <= base)) break;
      last++;
    }
    return last;
  }

  function sourceBlock(lines, findings) {
    if (!lines) return null;
    const hits = new Set(findings.map((f) => f.line).filter((n) => n > 0));
    if (!hits.size) return null;
    const first = Math.min(...hits), last = recordExtent(lines, first, Math.min(Math.max(...hits), first + 7));
    const pre = el("pre", { class: "source", "aria-label": t("line") + " " + first + "–" + last });
    for (let n = first; n <= last && n <= lines.length; n++) {
      const row = el("span", hits.has(n) ? { class: "hit" } : {}, el("span", { class: "no" }, String(n).padStart(4) + "  "), lines[n - 1]);
      pre.append(row);
      if (!hits.has(n)) pre.append("\n");
    }
    return pre;
  }

  // Where a finding is, as the CLI's text report names it (its `place`) without the file the
  // card already shows: `¶12` in a Word plan, `表2!C5` in its table, `Sheet!D4` or `D4` in a
  // ledger, `line 3:5` elsewhere; with the column's header as the file writes it.
  function where(f) {
    const place = f.place || (f.line + ":" + f.column);
    let rest = place.startsWith(f.file) ? place.slice(f.file.length).replace(/^[:!]/, "") : place;
    if (/^\d+:\d+$/.test(rest)) rest = t("line") + " " + rest;
    return rest + (f.columnHeader ? " (" + f.columnHeader + ")" : "");
  }

  function drawReport(report, lines) {
    const s = report.summary;
    const summary = el("section", { class: "card", "aria-labelledby": "summary-title" },
      el("h2", { id: "summary-title" }, t("summary") + " · " + report.asOf),
      el("div", { class: "summary" },
        el("span", { class: "count error" }, el("strong", {}, s.errors), t("errors")),
        el("span", { class: "count warning" }, el("strong", {}, s.warnings), t("warnings")),
        el("span", { class: "count info" }, el("strong", {}, s.info), t("info")),
        el("span", { class: "count" }, el("strong", {}, s.files), t("files_checked"))));
    results.append(summary);
    if (report.inputErrors.length) results.append(problem({ message: t("inputErrors"), inputErrors: report.inputErrors }));
    const list = el("section", { class: "card", "aria-label": t("summary") });
    if (!report.findings.length) list.append(el("p", {}, t("noFindings")));
    const byFile = new Map();
    for (const f of report.findings) {
      if (!byFile.has(f.file)) byFile.set(f.file, new Map());
      const records = byFile.get(f.file);
      const key = f.record || f.path || "";
      if (!records.has(key)) records.set(key, []);
      records.get(key).push(f);
    }
    const rank = { error: 0, warning: 1, info: 2 };
    for (const [file, records] of byFile) {
      const section = el("div", { class: "file" }, el("h3", {}, file));
      // Records with errors first, then warnings, then info; in file order within each.
      const ordered = [...records].sort((a, b) => rank[worst(a[1])] - rank[worst(b[1])]);
      for (const [record, findings] of ordered) {
        const level = worst(findings);
        const items = findings.map((f) => el("li", {},
          el("span", { class: "badge " + f.severity }, t("severity." + f.severity)), f.message, " ",
          el("span", { class: "where" }, where(f)), " ",
          el("span", { class: "rule" }, "[" + f.rule + "]")));
        const card = el("article", { class: "record " + level, "aria-label": t("record") + " " + record },
          el("h3", {}, t("record") + " " + record), el("ul", {}, ...items));
        const block = sourceBlock(lines[file], findings);
        if (block) card.append(block);
        section.append(card);
      }
      list.append(section);
    }
    results.append(list);
    results.append(downloads());
  }

  function problem(error) {
    const box = el("div", { class: "problem", role: "alert" }, el("strong", {}, t("failed") + "："), " ", error.message || "");
    if (error.inputErrors && error.inputErrors.length) {
      box.append(el("ul", {}, ...error.inputErrors.map((e) => el("li", {}, e.file + ":" + e.line + ":" + e.column + " " + e.message))));
    }
    return box;
  }

  function downloads() {
    const box = el("section", { class: "card", "aria-labelledby": "downloads-title" }, el("h2", { id: "downloads-title" }, t("downloads")));
    const items = [["dlReview", "/api/v1/review", "docx"], ["dlAuditHTML", "/api/v1/audit", "html"], ["dlAuditCSV", "/api/v1/audit", "csv"],
                   ["dlJSON", "/api/v1/check", "json"], ["dlCSV", "/api/v1/check", "csv"], ["dlSARIF", "/api/v1/check", "sarif"]];
    for (const [label, path, format] of items) {
      const button = el("button", { type: "button", class: "secondary" }, t(label));
      button.addEventListener("click", () => download(path, format, button));
      box.append(button);
    }
    box.append(el("p", { id: "download-status", role: "status" }));
    return box;
  }

  async function download(path, format, button) {
    const note = document.getElementById("download-status");
    button.disabled = true;
    note.textContent = "";
    try {
      const response = await post(path, format);
      const blob = await response.blob();
      const match = /filename\*=UTF-8''([^;]+)/.exec(response.headers.get("Content-Disposition") || "");
      const link = el("a", { href: URL.createObjectURL(blob), download: match ? decodeURIComponent(match[1]) : "plancheck." + format });
      document.body.append(link);
      link.click();
      link.remove();
    } catch (error) {
      note.textContent = t("failed") + "：" + (error.message || error);
    } finally {
      button.disabled = false;
    }
  }

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    results.replaceChildren();
    submit.disabled = true;
    status.textContent = t("checking");
    try {
      const [response, lines] = await Promise.all([post("/api/v1/check", "json"), sourceLines()]);
      drawReport(await response.json(), lines);
      status.textContent = "";
    } catch (error) {
      status.textContent = "";
      // 422: some files could not be read; the others were checked and are shown with the errors.
      if (error.report && error.report.findings) drawReport(error.report, await sourceLines());
      else results.append(problem(error));
    } finally {
      submit.disabled = false;
      results.dataset.state = "done";
    }
  });
})();
