import Foundation
import Testing
@testable import PlanCheck

@Suite struct XMLTokenizerTests {
    final class Recorder: XMLHandler {
        var events: [String] = []
        func start(_ name: Substring, _ attributes: [String: String]) {
            events.append("<" + name + attributes.sorted { $0.key < $1.key }.map { " \($0.key)=\($0.value)" }.joined() + ">")
        }
        func end(_ name: Substring) { events.append("</" + name + ">") }
        func characters(_ text: String) { events.append(text) }
    }

    func events(_ xml: [UInt8]) throws(LoadError) -> [String] {
        let recorder = Recorder()
        try XMLEvents.parse(Data(xml), part: "p.xml", file: "f.xlsx", into: recorder)
        return recorder.events
    }

    func failure(_ xml: [UInt8]) -> String? {
        do { _ = try events(xml); return nil } catch { return error.message }
    }

    @Test func elementsAttributesTextAndPrefixes() throws {
        let xml = "<?xml version=\"1.0\"?>\n<!-- c --><x:a xmlns:x=\"u\" r:id='r1' v=\"a&amp;b &lt;&gt;&quot;&apos; &#65;&#x4e2d;\"><x:b/>t&amp;u<![CDATA[<raw>]]><?pi data?></x:a>"
        #expect(try events(Array(xml.utf8)) == ["<a r:id=r1 v=a&b <>\"' A中 xmlns:x=u>", "<b>", "</b>", "t&u", "<raw>", "</a>"])
    }

    @Test func lineEndsAndAttributeWhitespaceAreNormalised() throws {
        #expect(try events(Array("<a v=\"x\ty\nz\">1\r\n2\r3</a>".utf8)) == ["<a v=x y z>", "1\n2\n3", "</a>"])
    }

    @Test func utf16PartsAreRead() throws {
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in "<a>中</a>".utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        #expect(try events(bytes) == ["<a>", "中", "</a>"])
    }

    /// The inputs that crashed Foundation's XMLParser (issue 16) and other malformed parts.
    @Test(arguments: [
        ([0x3C, 0xF9, 0xF9, 0x50, 0x3F], "not valid UTF-8"),
        (Array("<?e?>".utf8), "no root element"),
        (Array("<?e".utf8), "processing instruction that is never closed"),
        (Array("<a><b></a>".utf8), "does not match the start tag"),
        (Array("<a><b>".utf8), "2 element(s) left open"),
        (Array("".utf8), "no root element"),
        (Array("<a></a><b/>".utf8), "a second root element"),
        (Array("<a x=1/>".utf8), "is not quoted"),
        (Array("<a x=\"1\" x=\"2\"/>".utf8), "given twice"),
        (Array("<a>&bogus;</a>".utf8), "unknown or invalid entity reference `&bogus;`"),
        (Array("<a>&#0;</a>".utf8), "invalid entity reference"),
        (Array("<a>&#x110000;</a>".utf8), "invalid entity reference"),
        (Array("<a>&#99999999999999999999;</a>".utf8), "starts no entity reference"),
        (Array("<a>AT&T</a>".utf8), "starts no entity reference"),
        (Array("<!DOCTYPE a [<!ENTITY x \"y\">]><a>&x;</a>".utf8), "DOCTYPE"),
        (Array("<a>\u{01}</a>".utf8), "control character 0x1"),
        ([0x3C, 0x61, 0x3E, 0x00, 0x3C, 0x2F, 0x61, 0x3E], "control character 0x0"),
        (Array("<a v=\"<\"/>".utf8), "unescaped `<`"),
        (Array("text<a/>".utf8), "text before the root element"),
        (Array("<a/>text".utf8), "text after the root element"),
        (Array("</a>".utf8), "an end tag with no element open"),
        (Array("<1a/>".utf8), "a name was expected"),
        (Array("<a".utf8), "start tag that is never closed"),
        (Array("<a><!-- x</a>".utf8), "comment that is never closed"),
        (Array("<a><![CDATA[x</a>".utf8), "CDATA section that is never closed"),
        (Array("<a b=\"1\"c=\"2\"/>".utf8), "not separated"),
    ] as [([UInt8], String)])
    func malformedPartsAreLocatedErrors(_ xml: [UInt8], _ expected: String) throws {
        let message = try #require(failure(xml), "accepted: \(xml)")
        #expect(message.hasPrefix("p.xml is not well-formed XML (line ") || message.hasPrefix("p.xml ends before its XML is complete"), "\(message)")
        #expect(message.contains(expected), "\(message)")
    }

    @Test func errorsGiveTheLineAndColumnInsideThePart() throws {
        let message = try #require(failure(Array("<a>\n  <b></c>\n</a>".utf8)))
        #expect(message.contains("(line 2, column 6: end tag `c` does not match the start tag `b`)"), "\(message)")
    }

    @Test func depthLimitAtAndPastTheLimit() throws {
        var limits = XLSXLimits()
        limits.maxXMLDepth = 10
        let deep = { (n: Int) in Data((String(repeating: "<a>", count: n) + String(repeating: "</a>", count: n)).utf8) }
        try XMLEvents.parse(deep(10), part: "p.xml", file: "f", limits: limits, into: Recorder())
        #expect(throws: LoadError.self) { try XMLEvents.parse(deep(11), part: "p.xml", file: "f", limits: limits, into: Recorder()) }
        // The default limit stops a deep part from a hostile file.
        #expect(throws: LoadError.self) { try XMLEvents.parse(deep(100_000), part: "p.xml", file: "f", into: Recorder()) }
    }

    /// A deterministic mutation sweep over a sheet part: every byte replaced by each of the
    /// bytes that matter to XML (and an invalid UTF-8 lead). Each variant is parsed alone and
    /// read as a whole workbook: an error or a document, never a trap.
    @Test func everySingleByteMutationOfASheetIsAnswered() {
        let sheet = Array("<?xml version=\"1.0\"?><x:worksheet xmlns:x=\"u\"><x:sheetData><x:row r=\"1\"><x:c r=\"A1\" t=\"inlineStr\"><x:is><x:t>a&amp;b</x:t></x:is></x:c></x:row><x:row r=\"2\"><x:c r=\"A2\" s=\"0\"><x:v>1</x:v></x:c></x:row></x:sheetData><!-- c --><x:mergeCells><x:mergeCell ref=\"A1:A2\"/></x:mergeCells></x:worksheet>".utf8)
        let replacements: [UInt8] = [0x00, 0x3C, 0x3E, 0x26, 0x22, 0x2F, 0x3F, 0x21, 0x3A, 0x39, 0xF9, 0x20]
        var answered = 0
        for i in sheet.indices {
            for b in replacements where b != sheet[i] {
                var mutated = sheet
                mutated[i] = b
                _ = try? XMLEvents.parse(Data(mutated), part: "p.xml", file: "f.xlsx", into: Recorder())
                _ = try? TestWorkbook.load(TestWorkbook.with(sheetXML: mutated))
                answered += 1
            }
        }
        #expect(answered > sheet.count * 10)
    }
}
