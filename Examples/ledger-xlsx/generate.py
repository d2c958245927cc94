#!/usr/bin/env python3
"""Builds the ledger example and the tabular test fixtures from one list of rows.

Run once; the outputs are committed (CI needs no LibreOffice):
    python3 Examples/ledger-xlsx/generate.py
writes
    Examples/ledger-xlsx/ledger.fods                 the sheet as LibreOffice flat XML (source)
    Examples/ledger-xlsx/ledger.xlsx                 converted by `soffice --headless` (a real
                                                     spreadsheet program writes the XLSX)
    Tests/PlanCheckTests/Fixtures/tabular/ledger.yaml          the same records as a YAML dataset
    Tests/PlanCheckTests/Fixtures/tabular/ledger-gb18030.csv   GBK/GB18030, as Chinese Excel saves CSV
    Tests/PlanCheckTests/Fixtures/tabular/ledger-utf16.txt     UTF-16 LE + BOM, tab-separated ("Unicode text")

The rows are measures M01–M12 and the dated tasks G1, G2 of Examples/shenzhen-2011/plan.yaml
(seed: 深圳市推进国际化城市建设行动纲要, 2011). As in the document, no measure names an owner
(责任人) or a deadline; G1 and G2 have the deadlines the document gives ("2011年6月30日以前",
"2011年年底前"), written here as the date cells a ledger would use, and the status the
Shenzhen example gives them.
"""
import os, subprocess, shutil, sys, tempfile
from xml.sax.saxutils import escape

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
FIXTURES = os.path.join(ROOT, "Tests/PlanCheckTests/Fixtures/tabular")

TITLE = "深圳市推进国际化城市建设行动纲要 重点任务分解表（节选）"
HEADER = ["序号", "任务", "牵头单位", "参加单位", "责任人", "完成时限", "状态"]
A01_P = "市科工贸信委、文体旅游局、金融办"
A02_P = "市委组织部、市发展改革委、人力资源保障局、文体旅游局、外办、金融办"
A04_P = "市科工贸信委、规划国土委、交通运输委、人居环境委、人力资源保障局、文体旅游局、金融办、口岸办、前海管理局、科协"
# (id, title, lead, participants, owner, due (ISO date or ""), status as written)
ROWS = [
    ("M01", "建设世界知名品牌之城", "市发展改革委", A01_P, "", "", ""),
    ("M02", "优先发展现代服务业", "市发展改革委", A01_P, "", "", ""),
    ("M03", "打造世界高科技制造业基地", "市发展改革委", A01_P, "", "", ""),
    ("M04", "大力促进战略性新兴产业的发展", "市发展改革委", A01_P, "", "", ""),
    ("M05", "构建开放型区域创新体系", "市发展改革委", A01_P, "", "", ""),
    ("M06", "全面打造具有国际影响力的总部基地", "市科工贸信委", A02_P, "", "", ""),
    ("M07", "支持本土企业实现国际化发展", "市科工贸信委", A02_P, "", "", ""),
    ("M08", "拓展海外机构的功能", "市科工贸信委", A02_P, "", "", ""),
    ("M09", "积极提升旅游产业发展水平", "市文体旅游局、规划国土委", "市科工贸信委、港澳办", "", "", ""),
    ("M10", "加快前海深港现代服务业合作区建设", "市发展改革委、港澳办", A04_P, "", "", ""),
    ("M11", "进一步加强深港金融合作", "市发展改革委、港澳办", A04_P, "", "", ""),
    ("M12", "加快推进“深港创新圈”建设", "市发展改革委、港澳办", A04_P, "", "", ""),
    ("G1", "制定具体的宣传方案,报推进委员会审议后实施", "推进委员会办公室", "市委宣传部、报业集团、广电集团", "", "2011-06-30", "未开始"),
    ("G2", "制定科学可行的指标体系和考核办法,报推进委员会审议", "推进委员会办公室", "相关科研单位", "", "2011-12-31", "未开始"),
]
FIRST_DATA_ROW = 3  # row 1: title, row 2: header
# Columns whose equal neighbours are merged into one cell spanning the rows (as ledgers do).
MERGED = {2, 3}

def spans(column):
    """Row index → number of rows the cell spans (0: covered by the cell above)."""
    result, i = {}, 0
    while i < len(ROWS):
        j = i
        while column in MERGED and j + 1 < len(ROWS) and ROWS[j + 1][column] == ROWS[i][column]:
            j += 1
        result[i] = j - i + 1
        for k in range(i + 1, j + 1):
            result[k] = 0
        i = j + 1
    return result

def fods():
    cols = len(HEADER)
    span = {c: spans(c) for c in range(cols)}
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
           'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
           'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
           'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
           'xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" '
           'office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">',
           '<office:automatic-styles>',
           '<number:date-style style:name="N1"><number:year number:style="long"/><number:text>-</number:text>'
           '<number:month number:style="long"/><number:text>-</number:text><number:day number:style="long"/></number:date-style>',
           '<style:style style:name="ce1" style:family="table-cell" style:data-style-name="N1"/>',
           '</office:automatic-styles>',
           '<office:body><office:spreadsheet><table:table table:name="任务台账">',
           f'<table:table-column table:number-columns-repeated="{cols}"/>',
           '<table:table-row>',
           f'<table:table-cell table:number-columns-spanned="{cols}" table:number-rows-spanned="1" office:value-type="string"><text:p>{escape(TITLE)}</text:p></table:table-cell>',
           f'<table:covered-table-cell table:number-columns-repeated="{cols - 1}"/>',
           '</table:table-row>',
           '<table:table-row>' + "".join(f'<table:table-cell office:value-type="string"><text:p>{escape(h)}</text:p></table:table-cell>' for h in HEADER) + '</table:table-row>']
    for r, row in enumerate(ROWS):
        cells = []
        for c, value in enumerate(row):
            n = span[c][r]
            if n == 0:
                cells.append('<table:covered-table-cell/>')
                continue
            attrs = f' table:number-rows-spanned="{n}" table:number-columns-spanned="1"' if n > 1 else ''
            if value == "":
                cells.append(f'<table:table-cell{attrs}/>')
            elif c == 5:
                cells.append(f'<table:table-cell{attrs} table:style-name="ce1" office:value-type="date" office:date-value="{value}"><text:p>{value}</text:p></table:table-cell>')
            else:
                cells.append(f'<table:table-cell{attrs} office:value-type="string"><text:p>{escape(value)}</text:p></table:table-cell>')
        out.append('<table:table-row>' + "".join(cells) + '</table:table-row>')
    out.append('</table:table></office:spreadsheet></office:body></office:document>')
    return "\n".join(out) + "\n"

def yaml_text():
    lines = ["# The records Examples/ledger-xlsx/ledger.xlsx loads to (built by its generate.py from the same rows).", "tasks:"]
    for (id_, title, lead, parts, owner, due, status) in ROWS:
        lines.append(f"  - id: {id_}")
        lines.append(f"    title: \"{title}\"")
        lines.append(f"    lead: [{', '.join(lead.split('、'))}]")
        lines.append(f"    participants: [{', '.join(parts.split('、'))}]")
        if owner: lines.append(f"    owner: {owner}")
        if due: lines.append(f"    due: {due}")
        if status: lines.append(f"    status: {'not-started' if status == '未开始' else status}")
    return "\n".join(lines) + "\n"

def delimited(sep):
    def field(v):
        return '"' + v.replace('"', '""') + '"' if any(ch in v for ch in (sep, '"', "\n")) else v
    rows = [[TITLE] + [""] * (len(HEADER) - 1), HEADER] + [list(r) for r in ROWS]
    return "\r\n".join(sep.join(field(v) for v in row) for row in rows) + "\r\n"

def main():
    with open(os.path.join(HERE, "ledger.fods"), "w", encoding="utf-8") as f:
        f.write(fods())
    os.makedirs(FIXTURES, exist_ok=True)
    with open(os.path.join(FIXTURES, "ledger.yaml"), "w", encoding="utf-8") as f:
        f.write(yaml_text())
    with open(os.path.join(FIXTURES, "ledger-gb18030.csv"), "wb") as f:
        f.write(delimited(",").encode("gb18030"))
    with open(os.path.join(FIXTURES, "ledger-utf16.txt"), "wb") as f:
        f.write(b"\xff\xfe" + delimited("\t").encode("utf-16-le"))
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        sys.exit("soffice not found: apt-get install libreoffice-calc-nogui (only needed to regenerate ledger.xlsx)")
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([soffice, f"-env:UserInstallation=file://{tmp}/profile", "--headless", "--convert-to",
                        "xlsx:Calc MS Excel 2007 XML", "--outdir", tmp, os.path.join(HERE, "ledger.fods")], check=True)
        shutil.copy(os.path.join(tmp, "ledger.xlsx"), os.path.join(HERE, "ledger.xlsx"))

if __name__ == "__main__":
    main()
