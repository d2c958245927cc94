import PlanCheck

/// The seam to the plan-document features that live on other branches: reading .docx/.md plans
/// (`plancheck import`) and the review copy (a .docx with Word comments). This build has neither,
/// so `UnavailableDocumentFeatures` answers 501; a build that has them passes its own conformance
/// to `PlanCheckService` (see docs/server.md, "Plan documents").
public protocol DocumentFeatures: Sendable {
    /// Plan-document extensions (`docx`, `md`, …) that `check` and `audit` can read through the
    /// library's `DatasetLoader`. Empty when the readers are not in this build.
    var checkableDocumentExtensions: Set<String> { get }

    /// The JSON `plancheck import --format json` prints for `files` (staged paths; the service
    /// turns the staging folder back into the uploaded names).
    func importJSON(files: [String], options: RequestOptions, project: Project) throws(APIError) -> String

    /// The reviewed copy of one .docx plan: the findings as Word comments.
    func reviewedDocument(file: String, findings: CheckResult, options: RequestOptions, project: Project) throws(APIError) -> [UInt8]
}

/// This build: no document readers, no review copy. Every call is an honest 501.
public struct UnavailableDocumentFeatures: DocumentFeatures {
    public init() {}

    public var checkableDocumentExtensions: Set<String> { [] }

    public func importJSON(files: [String], options: RequestOptions, project: Project) throws(APIError) -> String {
        throw Self.unavailable("importing plan documents")
    }

    public func reviewedDocument(file: String, findings: CheckResult, options: RequestOptions, project: Project) throws(APIError) -> [UInt8] {
        throw Self.unavailable("the reviewed .docx")
    }

    static func unavailable(_ what: String) -> APIError {
        APIError(501, "\(what) is not available in this build")
    }
}

/// Extensions that only plan-document readers understand: refused with 501 when the build has none.
enum PlanDocumentExtensions {
    static let all: Set<String> = ["docx", "md"]
}
