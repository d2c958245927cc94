import Foundation
import PlanCheck

/// Everything a request does once its body is parsed, without HTTP: stage the uploads, run the
/// same library calls as `plancheck check|audit`, render with the same renderers, and turn the
/// staging folder back into the uploaded names. Synchronous: the server calls it on a worker
/// thread (`WorkerPool`), tests call it directly.
public struct PlanCheckService: Sendable {
    public let catalog: RuleSetCatalog
    public let limits: ServerLimits
    public let documents: any DocumentFeatures
    /// Where each request's private folder is made.
    public let stagingParent: String

    public init(catalog: RuleSetCatalog, limits: ServerLimits, documents: any DocumentFeatures = PlanDocumentFeatures(),
                stagingParent: String = StagingDirectory.systemParent) {
        self.catalog = catalog
        self.limits = limits
        self.documents = documents
        self.stagingParent = stagingParent
    }

    public static let checkFormats = ReportFormats.identifiers
    public static let auditFormats = AuditOutputFormat.allCases.map(\.rawValue)

    /// `POST /api/v1/check`: `plancheck check FILES --format F` run in a folder holding the uploads.
    public func check(_ form: UploadForm) throws(APIError) -> APIAnswer {
        let options = try RequestOptions.resolve(form, catalog: catalog, formats: Self.checkFormats)
        try refuseUnreadableDocuments(form)
        return try StagingDirectory.withStaged(form.files, in: stagingParent) { (folder, paths) throws(APIError) -> APIAnswer in
            let project = options.project(staged: paths)
            let result = Self.checkResult(project: project, paths: paths)
            let input = ReportInput(result: result, rules: project.engine.rules, asOf: project.engine.asOf)
            let rename = StagedNames(folder: folder)
            // SARIF URIs are relative to the uploads, as the CLI's are to the folder it runs in
            // (outside a repository); the server's own working folder has nothing to do with them.
            let report: any ReportFormat = options.format == SARIFReport.identifier
                ? SARIFReport(repositoryRoot: folder) : ReportFormats.named(options.format)!.init()
            let text = rename(report.render(input))
            if result.hasInputErrors {
                let json = options.format == JSONReport.identifier ? text : rename(JSONReport().render(input))
                throw APIError(422, Self.unreadable(result.errors.count), inputErrors: result.errors.map(rename.callAsFunction), reportJSON: json)
            }
            return APIAnswer(contentType: Self.contentType(checkFormat: options.format), body: Array(text.utf8),
                             downloadName: "plancheck-findings.\(Self.fileExtension(checkFormat: options.format))")
        }
    }

    /// `POST /api/v1/audit`: `plancheck audit FILES --format F [--lang L] [--table T]`.
    public func audit(_ form: UploadForm) throws(APIError) -> APIAnswer {
        let options = try RequestOptions.resolve(form, catalog: catalog, formats: Self.auditFormats)
        try refuseUnreadableDocuments(form)
        return try StagingDirectory.withStaged(form.files, in: stagingParent) { (folder, paths) throws(APIError) -> APIAnswer in
            let project = options.project(staged: paths)
            let files = project.datasetFiles(paths: paths)
            let (report, result) = AuditBuilder.auditedRun(project: project, files: files, language: options.language)
            let format = AuditOutputFormat(rawValue: options.format)!
            let rename = StagedNames(folder: folder)
            let text = rename(AuditRenderer.render(report, format: format, table: options.table))
            if report.findings.inputErrors > 0 {
                // The audit counts unreadable files; the located errors come from the run it was built from.
                let errors = result.errors.map(rename.callAsFunction)
                let json = format == .json ? text : rename(AuditRenderer.render(report, format: .json))
                throw APIError(422, Self.unreadable(report.findings.inputErrors), inputErrors: errors, reportJSON: json)
            }
            return APIAnswer(contentType: Self.contentType(auditFormat: format), body: Array(text.utf8),
                             downloadName: "plancheck-audit.\(Self.fileExtension(auditFormat: format))")
        }
    }

    /// `POST /api/v1/import`: `plancheck import FILES --format json`, through the document seam.
    public func importPlan(_ form: UploadForm) throws(APIError) -> APIAnswer {
        let options = try RequestOptions.resolve(form, catalog: catalog, formats: ["json"])
        // The CLI would read a .yaml or .csv as plain text and recognise nothing; say so instead.
        for file in form.files where !PlanDocumentReader.extensions.contains(file.fileExtension) {
            throw APIError(400, "`\(file.name)`: import reads plan documents (.docx, .txt, .md), not .\(file.fileExtension) files")
        }
        return try StagingDirectory.withStaged(form.files, in: stagingParent) { (folder, paths) throws(APIError) -> APIAnswer in
            let project = options.project(staged: paths)
            let rename = StagedNames(folder: folder)
            do throws(APIError) {
                return .json(rename(try documents.importJSON(files: paths, options: options, project: project)))
            } catch {
                throw rename(error)
            }
        }
    }

    /// `POST /api/v1/review`: the reviewed .docx of one plan document, through the document seam.
    public func review(_ form: UploadForm) throws(APIError) -> APIAnswer {
        let options = try RequestOptions.resolve(form, catalog: catalog, formats: ["docx"], defaultFormat: "docx")
        guard form.files.count == 1, form.files[0].fileExtension == "docx" else {
            throw APIError(400, "the review copy is made from exactly one .docx file")
        }
        try refuseUnreadableDocuments(form)
        return try StagingDirectory.withStaged(form.files, in: stagingParent) { (folder, paths) throws(APIError) -> APIAnswer in
            let project = options.project(staged: paths)
            let result = Self.checkResult(project: project, paths: paths)
            let rename = StagedNames(folder: folder)
            // Like `plancheck review`: a plan that cannot be read gets its located errors, no copy.
            if result.hasInputErrors {
                throw APIError(422, Self.unreadable(result.errors.count), inputErrors: result.errors.map(rename.callAsFunction))
            }
            let bytes: [UInt8]
            do throws(APIError) {
                bytes = try documents.reviewedDocument(file: paths[0], findings: result, options: options, project: project)
            } catch {
                throw rename(error)
            }
            let name = String(form.files[0].name.dropLast(5)) + "-reviewed.docx"
            return APIAnswer(contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", body: bytes, downloadName: name)
        }
    }

    /// The steps of `plancheck check` without a baseline: check, then the configuration's
    /// `ignore:` entries and inline `# plancheck: disable=` comments.
    static func checkResult(project: Project, paths: [String]) -> CheckResult {
        let files = project.datasetFiles(paths: paths)
        let result = project.engine.check(files: files)
        return FindingFilter(ignores: project.configuration.ignores).apply(result).result
    }

    /// A .docx or .md plan given to features that cannot read it would be read as YAML and
    /// produce nonsense; say plainly that this server does not read it.
    func refuseUnreadableDocuments(_ form: UploadForm) throws(APIError) {
        for file in form.files where PlanDocumentExtensions.all.contains(file.fileExtension)
            && !documents.checkableDocumentExtensions.contains(file.fileExtension) {
            throw APIError(501, "`\(file.name)`: this server does not read .\(file.fileExtension) plan documents")
        }
    }

    static func unreadable(_ count: Int) -> String {
        count == 1 ? "1 problem in the uploaded files: see inputErrors" : "\(count) problems in the uploaded files: see inputErrors"
    }

    static func contentType(checkFormat format: String) -> String {
        switch format {
        case "json", "codeclimate": return "application/json; charset=utf-8"
        case "sarif": return "application/sarif+json; charset=utf-8"
        case "csv": return "text/csv; charset=utf-8"
        case "junit": return "application/xml; charset=utf-8"
        case "markdown": return "text/markdown; charset=utf-8"
        default: return "text/plain; charset=utf-8"
        }
    }

    static func fileExtension(checkFormat format: String) -> String {
        switch format {
        case "json", "sarif", "csv": return format
        case "codeclimate": return "json"
        case "junit": return "xml"
        case "markdown": return "md"
        default: return "txt"
        }
    }

    static func contentType(auditFormat format: AuditOutputFormat) -> String {
        switch format {
        case .html: return "text/html; charset=utf-8"
        case .json: return "application/json; charset=utf-8"
        case .csv: return "text/csv; charset=utf-8"
        case .markdown: return "text/markdown; charset=utf-8"
        case .text: return "text/plain; charset=utf-8"
        }
    }

    static func fileExtension(auditFormat format: AuditOutputFormat) -> String {
        switch format {
        case .html: return "html"
        case .json: return "json"
        case .csv: return "csv"
        case .markdown: return "md"
        case .text: return "txt"
        }
    }
}

/// Turns staged paths back into the uploaded names: the CLI run in the uploads' folder prints
/// `plan.yaml`, so the server does too. The folder's random name occurs nowhere else.
struct StagedNames {
    let prefix: String
    /// Some reports shorten paths to their last folders (the audit's "Datasets: folder/plan.yaml").
    let shortPrefix: String

    init(folder: String) {
        prefix = folder + "/"
        shortPrefix = (folder.split(separator: "/").last.map(String.init) ?? folder) + "/"
    }

    func callAsFunction(_ text: String) -> String {
        text.replacingOccurrences(of: prefix, with: "").replacingOccurrences(of: shortPrefix, with: "")
    }

    func callAsFunction(_ error: LoadError) -> LoadError {
        LoadError(file: self(error.file), line: error.line, column: error.column, message: self(error.message))
    }

    func callAsFunction(_ error: APIError) -> APIError {
        var renamed = error
        renamed.message = self(error.message)
        renamed.inputErrors = error.inputErrors.map(callAsFunction)
        renamed.reportJSON = error.reportJSON.map(callAsFunction)
        return renamed
    }
}
