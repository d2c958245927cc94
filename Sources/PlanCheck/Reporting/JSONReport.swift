/// One JSON document: findings, input errors and a summary. Field names are stable.
public struct JSONReport: ReportFormat {
    public static let identifier = "json"
    public static let summary = "One JSON document with findings, input errors and a summary."

    public init() {}

    public func render(_ input: ReportInput) -> String {
        let result = input.result
        let findings = result.findings.map { f -> JSONValue in
            var pairs: [(String, JSONValue)] = [
                ("rule", .string(f.rule)),
                ("checker", .string(f.checker)),
                ("severity", .string(f.severity.rawValue)),
                ("message", .string(f.message)),
                ("file", .string(f.file)),
                ("line", .int(f.line)),
                ("column", .int(f.column)),
                ("path", .string(f.path)),
                ("record", .string(f.record)),
            ]
            if let sheet = f.sheet { pairs.append(("sheet", .string(sheet))) }
            return .object(pairs)
        }
        let errors = result.errors.map { e -> JSONValue in
            .object([("file", .string(e.file)), ("line", .int(e.line)), ("column", .int(e.column)), ("message", .string(e.message))])
        }
        let summary: JSONValue = .object([
            ("files", .int(result.files.count)),
            ("errors", .int(result.count(.error))),
            ("warnings", .int(result.count(.warning))),
            ("info", .int(result.count(.info))),
            ("inputErrors", .int(result.errors.count)),
        ])
        let document: JSONValue = .object([
            ("version", .int(1)),
            ("asOf", .string(input.asOf.description)),
            ("findings", .array(findings)),
            ("inputErrors", .array(errors)),
            ("summary", summary),
        ])
        return document.text() + "\n"
    }
}
