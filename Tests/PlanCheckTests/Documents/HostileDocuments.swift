import Foundation
@testable import PlanCheck

/// Hostile plan documents built in the test: zip bombs (a real deflate stream of zeros), entity
/// attacks, crafted numbering, binary garbage named `.txt`.
enum HostileDocuments {
    /// A raw deflate stream (one fixed-Huffman block) that inflates to `1 + 258 × matches` zero
    /// bytes: a literal zero, then matches of length 258 at distance 1, 13 bits each (≈ 160:1).
    static func zeros(matches: Int) -> [UInt8] {
        var out: [UInt8] = []
        var bits: UInt32 = 0, count = 0
        func put(_ value: UInt32, _ n: Int) { // LSB first, as deflate packs header bits
            bits |= value << count
            count += n
            while count >= 8 { out.append(UInt8(bits & 0xFF)); bits >>= 8; count -= 8 }
        }
        func code(_ value: UInt32, _ n: Int) { // Huffman codes go most significant bit first
            var reversed: UInt32 = 0
            for k in 0..<n where value & (1 << k) != 0 { reversed |= 1 << (n - 1 - k) }
            put(reversed, n)
        }
        put(1, 1)            // BFINAL
        put(1, 2)            // BTYPE 01: fixed Huffman codes
        code(0b0011_0000, 8) // literal 0
        for _ in 0..<matches {
            code(0b1100_0101, 8) // length symbol 285: 258 bytes
            code(0, 5)           // distance symbol 0: distance 1
        }
        code(0, 7)           // end of block
        if count > 0 { out.append(UInt8(bits & 0xFF)) }
        return out
    }

    /// A `.docx` whose `word/document.xml` is `deflated`, claiming `declared` bytes uncompressed.
    static func docx(deflated: [UInt8], declared: UInt32, crc: UInt32 = 0) -> [UInt8] {
        let name = Array("word/document.xml".utf8)
        let le16 = TestZIP.le16, le32 = TestZIP.le32
        var out = le32(0x0403_4B50) + le16(20) + le16(0) + le16(8) + le16(0) + le16(0)
        out += le32(crc) + le32(UInt32(deflated.count)) + le32(declared) + le16(UInt16(name.count)) + le16(0) + name + deflated
        let directory = out.count
        var central = le32(0x0201_4B50) + le16(20) + le16(20) + le16(0) + le16(8) + le16(0) + le16(0)
        central += le32(crc) + le32(UInt32(deflated.count)) + le32(declared)
        central += le16(UInt16(name.count)) + le16(0) + le16(0) + le16(0) + le16(0) + le32(0) + le32(0) + name
        out += central
        out += le32(0x0605_4B50) + le16(0) + le16(0) + le16(1) + le16(1) + le32(UInt32(central.count)) + le32(UInt32(directory)) + le16(0)
        return out
    }

    /// 200 000 matches: 325 KB that inflate to 51.6 MB.
    static let bombStream = zeros(matches: 200_000)

    /// A billion-laughs entity expansion in `word/document.xml`.
    static let laughs = """
    <?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "哈哈哈哈哈哈哈哈"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">\
    <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>\
    <w:document \(DocxFixture.w)><w:body><w:p><w:r><w:t>&d;</w:t></w:r></w:p></w:body></w:document>
    """
    /// An external entity (XXE) reading a local file.
    static let xxe = """
    <?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>\
    <w:document \(DocxFixture.w)><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>
    """
    /// Each hostile document: its file name, bytes, and a phrase its error must hold.
    static func all() throws -> [(name: String, bytes: [UInt8], says: String)] {
        let numbering = (0..<10_000).map { "<w:lvl w:ilvl=\"\($0)\"><w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"%\($0 + 1).\"/></w:lvl>" }.joined()
        let deepNumbering = try DocxFixture.package(body: DocxFixture.paragraph("一、任务", numId: 1),
                                                    numbering: "<w:abstractNum w:abstractNumId=\"0\">\(numbering)</w:abstractNum><w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>")
        var garbage = Array("一、总体要求\n".utf8)
        var state: UInt32 = 12_345
        for _ in 0..<4096 { state = state &* 1_103_515_245 &+ 12_345; garbage.append(UInt8(truncatingIfNeeded: state >> 16)) }
        return [
            ("not-a-zip.docx", Array("一、总体要求（牵头单位：市政府办公室）".utf8), "not a .docx file"),
            ("lying-bomb.docx", docx(deflated: bombStream, declared: 100_000), "inflates past its declared size"),
            ("huge-bomb.docx", docx(deflated: bombStream, declared: 4_000_000_000), "zip bomb"),
            ("billion-laughs.docx", try DocxFixture.zip(["word/document.xml": laughs]), "DOCTYPE"),
            ("xxe.docx", try DocxFixture.zip(["word/document.xml": xxe]), "DOCTYPE"),
            ("deep-numbering.docx", deepNumbering, "list level"),
            ("garbage.txt", garbage, "binary data?"),
        ]
    }
}
