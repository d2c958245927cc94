/// The annotated view's inline style and optional filter script.
enum AnnotatedViewStyle {
    /// System fonts only (no web font to download), the same CJK faces as the audit report.
    /// Severity is never told by colour alone: every note carries its severity as a word.
    /// Colours keep a contrast of at least 4.5:1 on their backgrounds.
    static let css = """
    :root { --ink: #1a1a1a; --muted: #595f66; --rule: #d0d4d9;
      --error: #a4161a; --error-bg: #fdecea; --warning: #7a4a00; --warning-bg: #fff3dc; --info: #174ea6; --info-bg: #e8f0fe; }
    * { box-sizing: border-box; }
    body { font-family: "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", system-ui, -apple-system, "Segoe UI", sans-serif;
      color: var(--ink); margin: 1.5rem auto; max-width: 1200px; padding: 0 1rem; line-height: 1.7; font-size: 15px; }
    h1 { font-size: 1.5rem; margin: 0 0 .25rem; } h2 { font-size: 1.2rem; margin: 1.6rem 0 .6rem; border-bottom: 2px solid var(--ink); padding-bottom: .2rem; }
    h3 { font-size: 1rem; margin: 1rem 0 .4rem; }
    .meta, footer { color: var(--muted); font-size: .9em; word-break: break-all; } footer { margin-top: 2rem; border-top: 1px solid var(--rule); padding-top: .5rem; }
    .skip { position: absolute; left: -999px; } .skip:focus { left: 1rem; top: .5rem; background: #fff; padding: .3rem .6rem; border: 2px solid var(--ink); }
    a { color: #0b57d0; } a:focus, input:focus, select:focus { outline: 3px solid #0b57d0; outline-offset: 2px; }
    code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: .85em; background: #f1f3f4; padding: 0 .25em; border-radius: 3px; word-break: break-all; }
    .counts { display: flex; flex-wrap: wrap; gap: .6rem; list-style: none; padding: 0; margin: 0; }
    .counts li { border: 1px solid var(--rule); border-left-width: 6px; padding: .3rem .8rem; min-width: 6.5rem; }
    .counts .n { font-size: 1.5rem; font-weight: 600; margin-right: .2rem; }
    .rules { columns: 2 16rem; padding-left: 1.2rem; margin: 0; }
    #filter { display: flex; flex-wrap: wrap; gap: .4rem 1rem; margin-top: .8rem; align-items: center; }
    #filter[hidden] { display: none; }
    .jump { padding-left: 1.6rem; } .jump li { margin: .2rem 0; }
    .badge { display: inline-block; font-size: .8em; font-weight: 600; padding: 0 .45em; border-radius: 3px; color: #fff; white-space: nowrap; }
    .sev-error .badge { background: var(--error); } .sev-warning .badge { background: var(--warning); } .sev-info .badge { background: var(--info); }
    .counts .sev-error { border-left-color: var(--error); } .counts .sev-warning { border-left-color: var(--warning); } .counts .sev-info { border-left-color: var(--info); }
    .para { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 1rem; border-top: 1px solid transparent; }
    .para .text { grid-column: 1; } .para aside { grid-column: 2; }
    .para .text p { margin: .35rem 0; } .para .text h3, .para .text h4, .para .text h5, .para .text h6 { margin: .9rem 0 .3rem; }
    .para .text h3 { font-size: 1.1rem; } .para .text h4 { font-size: 1.02rem; } .para .text h5, .para .text h6 { font-size: .98rem; }
    .para.flagged .text { background: #fffbea; box-shadow: -4px 0 0 #e0b000; padding-left: .4rem; }
    .num { font-weight: 600; margin-right: .15em; }
    .notes { list-style: none; margin: .35rem 0; padding: 0; }
    .note { margin: 0 0 .4rem; padding: .35rem .55rem; border-left: 4px solid; font-size: .92em; line-height: 1.55; }
    .note.sev-error { border-color: var(--error); background: var(--error-bg); } .note.sev-warning { border-color: var(--warning); background: var(--warning-bg); }
    .note.sev-info { border-color: var(--info); background: var(--info-bg); }
    .note .sugg { display: block; font-weight: 600; } .note .back { margin-left: .4rem; text-decoration: none; }
    .table-wrap { overflow-x: auto; margin: .6rem 0; } table { border-collapse: collapse; min-width: 100%; font-size: .92em; }
    caption { text-align: left; font-weight: 600; color: var(--muted); }
    th, td { border: 1px solid var(--rule); padding: .3rem .45rem; text-align: left; vertical-align: top; } th { background: #eef0f2; }
    td.flagged, th.flagged { background: #fffbea; } td .notes, th .notes { font-weight: normal; }
    .hide-error .sev-error, .hide-warning .sev-warning, .hide-info .sev-info, .hide-rule { display: none; }
    @media (max-width: 760px) {
      body { font-size: 16px; margin-top: 1rem; } .para { grid-template-columns: 1fr; gap: 0; } .para aside { grid-column: 1; }
      .rules { columns: 1; }
    }
    @page { size: A4; margin: 15mm 12mm; }
    @media print {
      body { margin: 0; max-width: none; font-size: 10.5pt; } #filter, .skip, .back, script { display: none !important; }
      .para { break-inside: avoid; page-break-inside: avoid; } h2 { break-after: avoid; page-break-after: avoid; }
      .badge { color: #000; border: 1px solid #000; background: none !important; }
    }

    """

    /// Optional: show or hide findings by severity and by rule. The page is complete without it.
    static let filterScript = """
    (function () {
      var form = document.getElementById("filter");
      if (!form) { return; }
      form.hidden = false;
      function apply() {
        ["error", "warning", "info"].forEach(function (level) {
          var box = form.querySelector("input[value='" + level + "']");
          document.body.classList.toggle("hide-" + level, !box.checked);
        });
        var rule = form.querySelector("select").value;
        document.querySelectorAll("[data-rule]").forEach(function (item) {
          item.classList.toggle("hide-rule", rule !== "" && item.getAttribute("data-rule") !== rule);
        });
      }
      form.addEventListener("change", apply);
    })();

    """
}
