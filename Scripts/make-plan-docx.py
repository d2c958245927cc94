#!/usr/bin/env python3
"""Builds the Word renditions of the example plans (standard library only).

    python3 Scripts/make-plan-docx.py [plan-documents] [civilized-city-2020]   # default: both
    # plan-documents: Examples/plan-documents/plan.docx and tasks.docx
    # civilized-city-2020: Examples/civilized-city-2020/plan.docx

Examples/plan-documents holds the Shenzhen 2011 programme (Examples/shenzhen-2011/plan.txt):

plan.docx is the text as an office would have typed it in Word: hard-wrapped lines joined into
paragraphs, and the labels 一、 (一) 行动计划N. (N) turned into automatic numbering (numbering.xml:
chineseCounting and decimal levels; actions and measures count on across sections, lvlRestart 0),
so `plancheck` must render the numbers itself.
tasks.docx is the programme's 19 action plans as a 任务分解表: 序号 / 领域 (merged down the rows of
each area, vMerge) / 任务 / 牵头单位 / 参加单位, every cell copied from the text.
Examples/civilized-city-2020/plan.docx is that seed's text with its labels 一、 (一) 1. turned into
automatic numbering (chineseCounting and decimal levels, each restarting under a higher level).
The output is deterministic (fixed timestamps), so the committed files change only with the text.
"""
import re, sys, zipfile, os
from xml.sax.saxutils import escape

HERE = os.path.dirname(os.path.abspath(__file__))
FOLDER = os.path.join(HERE, "..", "Examples", "plan-documents")
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
TERMINAL = "。！？；：…）)”\"】]!?;:．.》>"

def paragraphs(lines):
    """Joins hard-wrapped lines (a long line that stops mid-sentence continues on the next)."""
    out = []
    for line in lines:
        line = line.rstrip("\r")
        if not line.strip():
            continue
        if out and len(out[-1]) >= 50 and out[-1][-1] not in TERMINAL:
            out[-1] += line
        else:
            out.append(line)
    return out

LEVELS = [  # (regex of the typed label, ilvl)
    (re.compile(r"^[一二三四五六七八九十]+、"), 0),
    (re.compile(r"^\([一二三四五六七八九十]+\)"), 1),
    (re.compile(r"^行动计划\d+\."), 2),
    (re.compile(r"^\(\d+\)"), 3),
]

# The civilized-city plan numbers 一、 then (一) or 1. (its 专项行动), each restarting under 一、.
SIMPLE_LEVELS = [
    (re.compile(r"^[一二三四五六七八九十]+、"), 0),
    (re.compile(r"^\([一二三四五六七八九十]+\)"), 1),
    (re.compile(r"^\d+\."), 2),
]

def run(text):
    return '<w:r><w:t xml:space="preserve">%s</w:t></w:r>' % escape(text)

def body_paragraph(text, levels=LEVELS):
    for pattern, level in levels:
        m = pattern.match(text)
        if m:
            return ('<w:p><w:pPr><w:numPr><w:ilvl w:val="%d"/><w:numId w:val="1"/></w:numPr></w:pPr>%s</w:p>'
                    % (level, run(text[m.end():])))
    return "<w:p>%s</w:p>" % run(text)

NUMBERING = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering %s>
<w:abstractNum w:abstractNumId="0">
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%%1、"/><w:suff w:val="nothing"/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="(%%2)"/><w:suff w:val="nothing"/></w:lvl>
<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="行动计划%%3."/><w:lvlRestart w:val="0"/><w:suff w:val="nothing"/></w:lvl>
<w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="(%%4)"/><w:lvlRestart w:val="0"/><w:suff w:val="nothing"/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
</w:numbering>""" % W

SIMPLE_NUMBERING = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering %s>
<w:abstractNum w:abstractNumId="0">
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%%1、"/><w:suff w:val="nothing"/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="(%%2)"/><w:suff w:val="nothing"/></w:lvl>
<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%%3."/><w:suff w:val="nothing"/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
</w:numbering>""" % W

def package(path, body, numbering=None):
    parts = {
        "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
            + ('<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>' if numbering else "")
            + "</Types>",
        "_rels/.rels": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
            "</Relationships>",
        "word/_rels/document.xml.rels": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            + ('<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>' if numbering else "")
            + "</Relationships>",
        "word/document.xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document %s><w:body>%s</w:body></w:document>' % (W, body),
    }
    if numbering:
        parts["word/numbering.xml"] = numbering
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in parts.items():
            info = zipfile.ZipInfo(name, date_time=(2011, 5, 12, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, text.encode("utf-8"))

def cell(text, merge=None):
    props = "" if merge is None else '<w:tcPr><w:vMerge%s/></w:tcPr>' % (' w:val="restart"' if merge == "restart" else "")
    return "<w:tc>%s<w:p>%s</w:p></w:tc>" % (props, run(text) if text else "")

def main():
    wanted = sys.argv[1:] or ["plan-documents", "civilized-city-2020"]
    unknown = [w for w in wanted if w not in ("plan-documents", "civilized-city-2020")]
    if unknown:
        sys.exit("unknown example %s; known: plan-documents, civilized-city-2020" % ", ".join(unknown))
    if "plan-documents" in wanted:
        shenzhen()
    if "civilized-city-2020" in wanted:
        civilized_city()

def shenzhen():
    lines = open(os.path.join(FOLDER, "plan.txt"), encoding="utf-8").read().split("\n")
    paras = paragraphs(lines)
    package(os.path.join(FOLDER, "plan.docx"), "".join(body_paragraph(p) for p in paras), NUMBERING)

    rows, area = [], None
    action = re.compile(r"^行动计划(\d+)\.(.*?)\(牵头单位:(.*?)(?:,参加单位:(.*))?\)$")
    for p in paras:
        if re.match(r"^\([一二三四五六七八九十]+\)", p) and "行动计划" not in p and len(p) < 30:
            area, first = p[p.index(")") + 1:].rstrip("。"), True
        m = action.match(p)
        if m:
            rows.append((m.group(1), area, m.group(2), m.group(3), m.group(4) or "", first))
            first = False
    table = "<w:tr>%s</w:tr>" % "".join(cell(h) for h in ["序号", "领域", "任务", "牵头单位", "参加单位"])
    for number, area, title, lead, participants, first in rows:
        table += "<w:tr>%s%s%s%s%s</w:tr>" % (cell(number), cell(area if first else "", "restart" if first else "continue"),
                                              cell(title), cell(lead), cell(participants))
    title = "<w:p>%s</w:p><w:p>%s</w:p>" % (run(paras[0]), run("深圳市推进国际化城市建设行动计划任务分解表"))
    package(os.path.join(FOLDER, "tasks.docx"), title + '<w:p>%s</w:p><w:tbl><w:tblPr/><w:tblGrid/>%s</w:tbl><w:p/>' % (run("一、行动计划分工"), table))
    print("wrote plan.docx (%d paragraphs) and tasks.docx (%d action plans)" % (len(paras), len(rows)))

def civilized_city():
    civilized = os.path.join(HERE, "..", "Examples", "civilized-city-2020")
    paras = paragraphs(open(os.path.join(civilized, "plan.txt"), encoding="utf-8").read().split("\n"))
    package(os.path.join(civilized, "plan.docx"), "".join(body_paragraph(p, SIMPLE_LEVELS) for p in paras), SIMPLE_NUMBERING)
    print("wrote civilized-city-2020/plan.docx (%d paragraphs)" % len(paras))

if __name__ == "__main__":
    sys.exit(main())
