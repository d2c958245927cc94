import Foundation
import Testing
@testable import PlanCheck

@Suite struct TextEncodingTests {
    let sample = "序号,任务\nM01,加快发展总部经济𠀀\n"

    func decode(_ bytes: [UInt8], _ encoding: TextEncoding = .auto) throws(LoadError) -> (String, TextEncoding) {
        let (utf8, used) = try TextDecoder.decode(bytes, as: encoding, file: "t.csv")
        return (String(decoding: utf8, as: UTF8.self), used)
    }

    @Test func utf8WithAndWithoutBOM() throws {
        #expect(try decode(Array(sample.utf8)) == (sample, .utf8))
        #expect(try decode([0xEF, 0xBB, 0xBF] + Array(sample.utf8)) == (sample, .utf8))
    }

    @Test func utf16BothOrdersWithBOM() throws {
        let le: [UInt8] = [0xFF, 0xFE] + sample.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let be: [UInt8] = [0xFE, 0xFF] + sample.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        #expect(try decode(le) == (sample, .utf16le))
        #expect(try decode(be) == (sample, .utf16be))
        #expect(try decode(Array(le.dropFirst(2)), .utf16le).0 == sample)
    }

    @Test func utf16WithoutBOMIsRecognised() throws {
        let le: [UInt8] = sample.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let be: [UInt8] = sample.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        #expect(try decode(le) == (sample, .utf16le))
        #expect(try decode(be) == (sample, .utf16be))
    }

    @Test func unpairedSurrogateIsAnErrorWithItsOffset() {
        let bytes: [UInt8] = [0xFF, 0xFE, 0x41, 0x00, 0x0A, 0x00, 0x00, 0xD8, 0x41, 0x00]
        #expect(throws: LoadError.self) { try decode(bytes) }
        do { _ = try decode(bytes) } catch {
            #expect(error.message.contains("offset 6"))
            #expect(error.line == 2)
        }
    }

    @Test func gb18030IsDetectedAndDecoded() throws {
        // 你好 (2-byte GBK), U+0080 and U+20000 (4-byte GB18030 ranges), ASCII.
        let bytes: [UInt8] = [0xC4, 0xE3, 0xBA, 0xC3, 0x81, 0x30, 0x81, 0x30, 0x95, 0x32, 0x82, 0x36, 0x41]
        #expect(try decode(bytes) == ("你好\u{80}\u{20000}A", .gb18030))
        #expect(try decode(bytes, .gb18030).0 == "你好\u{80}\u{20000}A")
    }

    @Test func utf8TextIsNotReadAsGB18030() throws {
        // Valid UTF-8 Chinese is also structurally valid GB18030; UTF-8 must win.
        #expect(try decode(Array("市发展改革委".utf8)) == ("市发展改革委", .utf8))
    }

    @Test func neitherEncodingNamesTheOffendingBytes() {
        // Valid up to offset 5, then 0xFF, which no encoding accepts.
        let bytes: [UInt8] = Array("a,b\nc".utf8) + [0xFF, 0x41]
        do {
            _ = try decode(bytes)
            Issue.record("expected an error")
        } catch {
            #expect(error.message.contains("offset 5"), "\(error.message)")
            #expect(error.message.contains("0xFF"))
            #expect(error.line == 2)
        }
    }

    @Test func forcedUTF8RefusesGBKBytes() {
        let gbk: [UInt8] = [0xC4, 0xE3, 0xBA, 0xC3]
        do {
            _ = try decode(gbk, .utf8)
            Issue.record("expected an error")
        } catch {
            #expect(error.message == "not valid UTF-8: byte 0xC4 at offset 0")
        }
    }

    @Test func unassignedFourByteGB18030IsRefused() {
        // 0x84 0x31 0xA5 0x30 is past the last BMP code; 0xE4… four-byte codes are unassigned.
        #expect(GB18030.firstInvalidOffset([0x41, 0x84, 0x31, 0xA5, 0x30]) == 1)
        #expect(GB18030.firstInvalidOffset([0x84, 0x31, 0xA4, 0x39]) == nil) // U+FFFF
        #expect(GB18030.firstInvalidOffset([0xE4, 0x30, 0x81, 0x30]) == 0)
    }

    @Test func encodingNames() {
        #expect(TextEncoding(name: "GBK") == .gb18030)
        #expect(TextEncoding(name: "gb2312") == .gb18030)
        #expect(TextEncoding(name: "UTF8") == .utf8)
        #expect(TextEncoding(name: "UTF-16LE") == .utf16le)
        #expect(TextEncoding(name: "latin1") == nil)
    }
}
