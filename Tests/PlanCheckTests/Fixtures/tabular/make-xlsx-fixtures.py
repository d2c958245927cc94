#!/usr/bin/env python3
"""Writes the small hand-built XLSX fixtures (run once; the outputs are committed).

features.xlsx         inline strings, booleans, formula strings, errors, numbers, the 1904 date
                      system, built-in (14, 22, 20, 31) and custom (yyyy"年"m"月"d"日) date
                      formats, phonetic runs in shared strings, cells without `r`, a
                      namespace prefix on the sheet's elements, and a second sheet.
declared-huge.xlsx    a sheet whose ZIP headers declare 3 GiB uncompressed (a zip bomb's shape).
understated.xlsx      a sheet that inflates to far more than its declared 1 000 bytes.
malformed-xml.xlsx    a workbook.xml that is not well-formed.
not-a-workbook.xlsx   a ZIP file with no workbook in it.
bad-shared-string.xlsx a cell pointing past the shared strings.
"""
import os, struct, zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
CT = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
      '<Default Extension="xml" ContentType="application/xml"/></Types>')
ROOT_RELS = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
             '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')

def workbook(sheets, date1904=False):
    pr = '<workbookPr date1904="1"/>' if date1904 else ''
    items = "".join(f'<sheet name="{n}" sheetId="{i+1}" r:id="rId{i+1}"/>' for i, n in enumerate(sheets))
    return f'<?xml version="1.0" encoding="UTF-8"?><workbook {NS}>{pr}<sheets>{items}</sheets></workbook>'

def workbook_rels(count, shared=True, styles=True):
    rels = "".join(f'<Relationship Id="rId{i+1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{i+1}.xml"/>' for i in range(count))
    if shared:
        rels += '<Relationship Id="rS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
    if styles:
        rels += '<Relationship Id="rT" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="/xl/styles.xml"/>'
    return f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{rels}</Relationships>'

STYLES = (f'<?xml version="1.0" encoding="UTF-8"?><styleSheet {NS}>'
          '<numFmts count="1"><numFmt numFmtId="170" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts>'
          '<cellStyleXfs count="1"><xf numFmtId="0"/></cellStyleXfs>'
          '<cellXfs count="6"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="22"/><xf numFmtId="20"/><xf numFmtId="31"/><xf numFmtId="170"/></cellXfs>'
          '</styleSheet>')

SHARED = (f'<?xml version="1.0" encoding="UTF-8"?><sst {NS} count="5" uniqueCount="5">'
          '<si><t>编号</t></si><si><t>名称</t></si><si><t>日期</t></si>'
          '<si><r><t>市发展</t></r><r><rPr><b/></rPr><t>改革委</t></r><rPh sb="0" eb="1"><t>shi</t></rPh></si>'
          '<si><t xml:space="preserve"> 备注 </t></si></sst>')

def features_sheet():
    rows = [
        '<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" t="s"><x:v>1</x:v></x:c><x:c r="C1" t="s"><x:v>2</x:v></x:c><x:c r="D1" t="inlineStr"><x:is><x:t>值</x:t></x:is></x:c></x:row>',
        # serial 0 in the 1904 system is 1904-01-01; 37000 → 2005-04-19 (1904) ; built-in format 14
        '<x:row r="2"><x:c r="A2"><x:v>1</x:v></x:c><x:c r="B2" t="s"><x:v>3</x:v></x:c><x:c r="C2" s="1"><x:v>0</x:v></x:c><x:c r="D2" t="b"><x:v>1</x:v></x:c></x:row>',
        # no `r` on the cells: columns follow on from A
        '<x:row r="3"><x:c><x:v>2.5</x:v></x:c><x:c t="inlineStr"><x:is><x:r><x:t>内联</x:t></x:r><x:r><x:t>文本</x:t></x:r></x:is></x:c><x:c s="2"><x:v>37000.5</x:v></x:c><x:c t="str"><x:f>A1</x:f><x:v>公式</x:v></x:c></x:row>',
        '<x:row r="5"><x:c r="A5"><x:v>4</x:v></x:c><x:c r="B5" t="e"><x:v>#N/A</x:v></x:c><x:c r="C5" s="3"><x:v>0.75</x:v></x:c><x:c r="D5" t="s"><x:v>4</x:v></x:c></x:row>',
        '<x:row r="6"><x:c r="A6"><x:v>5</x:v></x:c><x:c r="B6" t="b"><x:v>0</x:v></x:c><x:c r="C6" s="4"><x:v>37000</x:v></x:c><x:c r="D6"><x:v>-12</x:v></x:c></x:row>',
        '<x:row r="7"><x:c r="A7"><x:v>6</x:v></x:c><x:c r="C7" s="5"><x:v>37001</x:v></x:c></x:row>',
    ]
    return ('<?xml version="1.0" encoding="UTF-8"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            '<x:sheetData>' + "".join(rows) + '</x:sheetData></x:worksheet>')

SECOND = (f'<?xml version="1.0" encoding="UTF-8"?><worksheet {NS}><sheetData>'
          '<row r="1"><c r="A1" t="inlineStr"><is><t>name</t></is></c></row>'
          '<row r="2"><c r="A2" t="inlineStr"><is><t>第二页</t></is></c></row></sheetData></worksheet>')

def simple_sheet(extra=""):
    return (f'<?xml version="1.0" encoding="UTF-8"?><worksheet {NS}><sheetData>'
            '<row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is></c></row>'
            f'<row r="2"><c r="A2" t="s"><v>7</v></c></row></sheetData>{extra}</worksheet>')

def write(name, parts):
    with zipfile.ZipFile(os.path.join(HERE, name), "w", zipfile.ZIP_DEFLATED) as z:
        for path, text in parts:
            z.writestr(path, text)

def base(sheet_xml, **kw):
    return [("[Content_Types].xml", CT), ("_rels/.rels", ROOT_RELS), ("xl/workbook.xml", workbook(["Sheet1"])),
            ("xl/_rels/workbook.xml.rels", workbook_rels(1, **kw)), ("xl/worksheets/sheet1.xml", sheet_xml)]

def patch_declared_size(name, part, size):
    """Sets the uncompressed size of `part` in its local header and central directory entry."""
    path = os.path.join(HERE, name)
    data = bytearray(open(path, "rb").read())
    encoded = part.encode()
    i = data.find(b"PK\x03\x04" + b"", 0)
    while i != -1:
        n = struct.unpack_from("<H", data, i + 26)[0]
        if data[i + 30:i + 30 + n] == encoded:
            struct.pack_into("<I", data, i + 22, size)
        i = data.find(b"PK\x03\x04", i + 4)
    i = data.find(b"PK\x01\x02")
    while i != -1:
        n = struct.unpack_from("<H", data, i + 28)[0]
        if data[i + 46:i + 46 + n] == encoded:
            struct.pack_into("<I", data, i + 24, size)
        i = data.find(b"PK\x01\x02", i + 4)
    open(path, "wb").write(bytes(data))

def main():
    write("features.xlsx", [("[Content_Types].xml", CT), ("_rels/.rels", ROOT_RELS),
                            ("xl/workbook.xml", workbook(["数据", "第二页"], date1904=True)),
                            ("xl/_rels/workbook.xml.rels", workbook_rels(2)),
                            ("xl/worksheets/sheet1.xml", features_sheet()), ("xl/worksheets/sheet2.xml", SECOND),
                            ("xl/sharedStrings.xml", SHARED), ("xl/styles.xml", STYLES)])
    write("declared-huge.xlsx", base(simple_sheet(), shared=False, styles=False))
    patch_declared_size("declared-huge.xlsx", "xl/worksheets/sheet1.xml", 3 << 30)
    padding = "<!--" + " " * 4_000_000 + "-->"
    write("understated.xlsx", base(simple_sheet(padding), shared=False, styles=False))
    patch_declared_size("understated.xlsx", "xl/worksheets/sheet1.xml", 1000)
    write("malformed-xml.xlsx", [("[Content_Types].xml", CT), ("_rels/.rels", ROOT_RELS),
                                 ("xl/workbook.xml", f'<workbook {NS}><sheets><sheet name="S" r:id="rId1"></sheets>')])
    write("not-a-workbook.xlsx", [("hello.txt", "not a spreadsheet")])
    write("bad-shared-string.xlsx", base(simple_sheet(), shared=False, styles=False))

if __name__ == "__main__":
    main()
