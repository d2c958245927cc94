import MultipartKit
import NIOCore

/// Reads a `multipart/form-data` body (RFC 7578) into an `UploadForm`, with the server's limits.
/// The body is already bounded by `maxRequestBytes`; this bounds files, parts and fields, and
/// turns every malformation into a 400 (415 for a type that is not multipart/form-data or a
/// file of an unknown kind, 413 for too many or too large files).
public struct MultipartFormParser: Sendable {
    public var limits: ServerLimits
    /// Text fields longer than this are not dates, rule-set names or formats.
    static let maxFieldBytes = 1024
    /// Parts of any kind: a flood of empty parts is refused early.
    static let maxParts = 200
    static let maxHeaderBytes = 8192

    public init(limits: ServerLimits) { self.limits = limits }

    /// The boundary of a `multipart/form-data` content type, or the error to answer.
    public static func boundary(contentType: String?) throws(APIError) -> String {
        guard let contentType else { throw APIError(415, "the request has no Content-Type; send multipart/form-data") }
        let parameters = HeaderParameters(contentType)
        guard parameters.value.lowercased() == "multipart/form-data" else {
            throw APIError(415, "the request is `\(parameters.value.prefix(80))`; send multipart/form-data with `file` parts")
        }
        guard let boundary = parameters["boundary"], !boundary.isEmpty, boundary.utf8.count <= 70 else {
            throw APIError(400, "multipart/form-data needs a boundary parameter of 1 to 70 characters")
        }
        return boundary
    }

    public func parse(body: ByteBuffer, contentType: String?) throws(APIError) -> UploadForm {
        let boundary = try Self.boundary(contentType: contentType)
        let collector = PartCollector(limits: limits)
        let parser = MultipartParser(boundary: boundary)
        parser.onHeader = { name, value in collector.header(name: name, value: value) }
        parser.onBody = { buffer in collector.body(&buffer) }
        parser.onPartComplete = { collector.complete() }
        do {
            try parser.execute(body)
        } catch {
            throw APIError(400, "the multipart body is malformed (a part's headers could not be read)")
        }
        if let problem = collector.problem { throw problem }
        if collector.inPart {
            throw APIError(400, "the multipart body ends inside a part: the closing boundary `--\(boundary)--` is missing")
        }
        if collector.partCount == 0 {
            throw APIError(400, "the multipart body has no parts: expected at least one `file` part")
        }
        return collector.form
    }
}

/// Receives MultipartKit's callbacks; the first problem found is kept and the rest ignored.
private final class PartCollector {
    let limits: ServerLimits
    var form = UploadForm()
    var problem: APIError?
    var partCount = 0
    var inPart = false
    var headers: [(String, String)] = []
    var headerBytes = 0
    var bytes: [UInt8] = []

    init(limits: ServerLimits) { self.limits = limits }

    func fail(_ error: APIError) { if problem == nil { problem = error } }

    func header(name: String, value: String) {
        inPart = true
        headerBytes += name.utf8.count + value.utf8.count
        if headerBytes > MultipartFormParser.maxHeaderBytes { fail(APIError(400, "a part's headers are longer than \(MultipartFormParser.maxHeaderBytes) bytes")) }
        headers.append((name, value))
    }

    func body(_ buffer: inout ByteBuffer) {
        inPart = true
        guard problem == nil else { buffer.moveReaderIndex(forwardBy: buffer.readableBytes); return }
        if bytes.count + buffer.readableBytes > limits.maxFileBytes {
            fail(APIError(413, "an uploaded file is larger than the limit of \(limits.maxFileBytes) bytes"))
            buffer.moveReaderIndex(forwardBy: buffer.readableBytes)
            return
        }
        bytes += buffer.readableBytesView
        buffer.moveReaderIndex(forwardBy: buffer.readableBytes)
    }

    func complete() {
        defer { headers = []; headerBytes = 0; bytes = []; inPart = false }
        partCount += 1
        guard problem == nil else { return }
        if partCount > MultipartFormParser.maxParts { return fail(APIError(413, "the request has more than \(MultipartFormParser.maxParts) parts")) }
        guard let disposition = headers.first(where: { $0.0.lowercased() == "content-disposition" })?.1 else {
            return fail(APIError(400, "a part has no Content-Disposition header"))
        }
        let parameters = HeaderParameters(disposition)
        guard parameters.value.lowercased() == "form-data", let name = parameters["name"] else {
            return fail(APIError(400, "a part's Content-Disposition is not `form-data; name=…`"))
        }
        if name == "file" {
            let fileName = parameters["filename"] ?? ""
            // A form whose file input was left empty sends an unnamed, empty part.
            if fileName.isEmpty && bytes.isEmpty { return }
            if let reason = UploadFileName.problem(with: fileName) { return fail(APIError(400, reason)) }
            let ext = UploadFileName.fileExtension(of: fileName)
            guard UploadFileName.acceptedExtensions.contains(ext) else {
                return fail(APIError(415, "`\(fileName)`: unsupported file type; accepted: \(UploadFileName.acceptedExtensions.map { "." + $0 }.joined(separator: " "))"))
            }
            guard form.files.count < limits.maxFiles else {
                return fail(APIError(413, "more than \(limits.maxFiles) files in one request"))
            }
            if form.files.contains(where: { $0.name == fileName }) {
                return fail(APIError(400, "two files are named `\(fileName)`; file names must differ"))
            }
            form.files.append(UploadedFile(name: fileName, bytes: bytes))
            return
        }
        guard UploadForm.textFields.contains(name) else {
            return fail(APIError(400, "unknown form field `\(name.prefix(64))`; expected file, \(UploadForm.textFields.joined(separator: ", "))"))
        }
        guard bytes.count <= MultipartFormParser.maxFieldBytes, let text = String(validating: bytes, as: UTF8.self) else {
            return fail(APIError(400, "the field `\(name)` is not short UTF-8 text"))
        }
        guard form.fields[name] == nil else { return fail(APIError(400, "the field `\(name)` is given twice")) }
        form.fields[name] = text
    }
}
