import PlanCheck

/// A request the server refuses or cannot complete. Always answered as JSON:
/// `{"error": {"status": 400, "message": "…", "inputErrors": [{file, line, column, message}]}}`,
/// with `"report"` beside `"error"` when the datasets that could be read were still checked
/// (the CLI prints its report and exits 2 in that case; the server answers 422 with both).
public struct APIError: Error, Sendable, Equatable {
    public var status: Int
    public var message: String
    /// Located problems in the uploaded files, exactly as `plancheck check --format json` lists them.
    public var inputErrors: [LoadError] = []
    /// The command's JSON report when one was made despite the input errors.
    public var reportJSON: String?
    /// Extra response headers (`Allow` on 405, `Retry-After` on 503).
    public var headers: [(String, String)] = []

    public init(_ status: Int, _ message: String, inputErrors: [LoadError] = [], reportJSON: String? = nil) {
        self.status = status
        self.message = message
        self.inputErrors = inputErrors
        self.reportJSON = reportJSON
    }

    public static func == (a: APIError, b: APIError) -> Bool {
        a.status == b.status && a.message == b.message && a.inputErrors == b.inputErrors && a.reportJSON == b.reportJSON
    }

    public var json: String {
        let errors = JSONValue.array(inputErrors.map { e in
            .object([("file", .string(e.file)), ("line", .int(e.line)), ("column", .int(e.column)), ("message", .string(e.message))])
        })
        let error = JSONValue.object([("status", .int(status)), ("message", .string(message)), ("inputErrors", errors)])
        // The report is already JSON text, written by the library's renderer: spliced in as is.
        let report = reportJSON.map { ",\"report\":" + ($0.hasSuffix("\n") ? String($0.dropLast()) : $0) } ?? ""
        return "{\"error\":" + error.text(pretty: false) + report + "}\n"
    }

    public var answer: APIAnswer {
        var answer = APIAnswer(status: status, contentType: "application/json; charset=utf-8", body: Array(json.utf8))
        answer.headers = headers
        return answer
    }

    /// The response to anything that went wrong inside the server: no detail leaks out.
    public static let internalError = APIError(500, "the server could not complete the request")
}

/// What a handler answers: the route turns it into an HTTP response.
public struct APIAnswer: Sendable {
    public var status: Int
    public var contentType: String
    public var body: [UInt8]
    /// Set for downloads: `Content-Disposition: attachment; filename=…`.
    public var downloadName: String?
    public var headers: [(String, String)] = []

    public init(status: Int = 200, contentType: String, body: [UInt8], downloadName: String? = nil) {
        self.status = status
        self.contentType = contentType
        self.body = body
        self.downloadName = downloadName
    }

    public static func json(_ text: String, status: Int = 200) -> APIAnswer {
        APIAnswer(status: status, contentType: "application/json; charset=utf-8", body: Array(text.utf8))
    }
}
