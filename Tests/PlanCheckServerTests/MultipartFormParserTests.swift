import NIOCore
import Testing
@testable import PlanCheckServerCore

@Suite struct MultipartFormParserTests {
    let parser = MultipartFormParser(limits: ServerLimits())

    func parse(_ body: MultipartBody, contentType: String? = MultipartBody.contentType) -> Result<UploadForm, APIError> {
        do throws(APIError) {
            return .success(try parser.parse(body: body.buffer, contentType: contentType))
        } catch {
            return .failure(error)
        }
    }

    func status(_ body: MultipartBody, contentType: String? = MultipartBody.contentType) -> Int? {
        if case .failure(let error) = parse(body, contentType: contentType) { return error.status }
        return nil
    }

    @Test func filesAndFieldsInOrder() throws {
        var body = MultipartBody()
        body.file("深圳方案.yaml", "tasks: []\n")
        body.field("asOf", "2011-12-31")
        body.file("ledger.csv", "id,title\nT1,x\n")
        body.field("ruleset", "shenzhen-2011")
        let form = try parse(body).get()
        #expect(form.files.map(\.name) == ["深圳方案.yaml", "ledger.csv"])
        #expect(form.files[1].bytes == Array("id,title\nT1,x\n".utf8))
        #expect(form.fields == ["asOf": "2011-12-31", "ruleset": "shenzhen-2011"])
    }

    /// Bytes that look like a boundary's start, CRLFs and NULs inside a file survive unchanged.
    @Test func binaryContentIsKept() throws {
        var bytes: [UInt8] = Array(0...255)
        bytes += Array("\r\n--\(MultipartBody.boundary.dropLast())x\r\n\r\n".utf8)
        var body = MultipartBody()
        body.file("data.xlsx", bytes)
        #expect(try parse(body).get().files.first?.bytes == bytes)
    }

    @Test func extendedFileNameWins() throws {
        var body = MultipartBody()
        body.parts.append(("Content-Disposition: form-data; name=\"file\"; filename=\"fallback.yaml\"; filename*=UTF-8''%E8%A7%84%E5%88%92.yaml", Array("a: 1\n".utf8)))
        #expect(try parse(body).get().files.first?.name == "规划.yaml")
    }

    @Test func emptyFileInputIsSkipped() throws {
        var body = MultipartBody()
        body.file("", [])
        body.field("asOf", "2020-01-01")
        let form = try parse(body).get()
        #expect(form.files.isEmpty)
        #expect(form.fields["asOf"] == "2020-01-01")
    }

    @Test(arguments: ["../plan.yaml", "../../etc/passwd.yaml", "C:\\Users\\plan.yaml", ".plancheck.yml", "a/b.yaml", "bad\u{1}.yaml"])
    func pathLikeFileNamesAreRefused(name: String) {
        var body = MultipartBody()
        body.file(name, "tasks: []\n")
        #expect(status(body) == 400)
    }

    @Test func unknownFileTypeIs415() {
        var body = MultipartBody()
        body.file("plan.exe", "MZ")
        #expect(status(body) == 415)
    }

    @Test func notMultipartIs415() {
        var body = MultipartBody()
        body.file("plan.yaml", "a: 1\n")
        #expect(status(body, contentType: "application/json") == 415)
        #expect(status(body, contentType: nil) == 415)
    }

    @Test func missingBoundaryIs400() {
        var body = MultipartBody()
        body.file("plan.yaml", "a: 1\n")
        #expect(status(body, contentType: "multipart/form-data") == 400)
    }

    @Test func truncatedBodyIs400() throws {
        var body = MultipartBody()
        body.file("plan.yaml", "a: 1\n")
        let cut = Array(body.bytes.dropLast(30))
        #expect(throws: APIError.self) { try parser.parse(body: ByteBuffer(bytes: cut), contentType: MultipartBody.contentType) }
        do {
            _ = try parser.parse(body: ByteBuffer(bytes: cut), contentType: MultipartBody.contentType)
        } catch {
            #expect(error.status == 400)
            #expect(error.message.contains("closing boundary"))
        }
    }

    @Test func garbageIs400() throws {
        for garbage in ["", "hello", "--\(MultipartBody.boundary)\r\nno-colon-header\r\n\r\nx\r\n--\(MultipartBody.boundary)--\r\n"] {
            do {
                _ = try parser.parse(body: ByteBuffer(string: garbage), contentType: MultipartBody.contentType)
                Issue.record("accepted \(garbage)")
            } catch {
                #expect(error.status == 400)
            }
        }
    }

    @Test func unknownFieldIs400() {
        var body = MultipartBody()
        body.file("plan.yaml", "a: 1\n")
        body.field("asof", "2020-01-01")
        if case .failure(let error) = parse(body) {
            #expect(error.status == 400)
            #expect(error.message.contains("asof"))
        } else {
            Issue.record("accepted an unknown field")
        }
    }

    @Test func duplicateNamesAndFieldsAre400() {
        var files = MultipartBody()
        files.file("plan.yaml", "a: 1\n")
        files.file("plan.yaml", "b: 1\n")
        #expect(status(files) == 400)
        var fields = MultipartBody()
        fields.file("plan.yaml", "a: 1\n")
        fields.field("asOf", "2020-01-01")
        fields.field("asOf", "2020-01-02")
        #expect(status(fields) == 400)
    }

    @Test func tooManyOrTooLargeFilesAre413() {
        var limits = ServerLimits()
        limits.maxFiles = 2
        limits.maxFileBytes = 100
        let small = MultipartFormParser(limits: limits)
        var many = MultipartBody()
        for i in 0..<3 { many.file("p\(i).yaml", "a: 1\n") }
        var large = MultipartBody()
        large.file("big.yaml", String(repeating: "a", count: 101))
        for body in [many, large] {
            do {
                _ = try small.parse(body: body.buffer, contentType: MultipartBody.contentType)
                Issue.record("accepted a body over the limits")
            } catch {
                #expect(error.status == 413)
            }
        }
    }

    @Test func contentTypeParameters() throws {
        #expect(try MultipartFormParser.boundary(contentType: "multipart/form-data; boundary=\"a b\"") == "a b")
        #expect(try MultipartFormParser.boundary(contentType: "Multipart/Form-Data;boundary=xyz;charset=utf-8") == "xyz")
        #expect(throws: APIError.self) { try MultipartFormParser.boundary(contentType: "multipart/form-data; boundary=" + String(repeating: "x", count: 71)) }
    }
}
