import PlanCheck

/// The seam to the plan-document features: reading .docx/.txt/.md plans (`plancheck import`)
/// and the review copy (a .docx with Word comments). The server uses `PlanDocumentFeatures`,
/// the library's own readers; tests pass recording conformances to see what the service hands
/// over (staged paths) and what it does with the answer (uploaded names back).
public protocol DocumentFeatures: Sendable {
    /// Plan-document extensions (`docx`, `md`, …) that `check` and `audit` can read through the
    /// library's `DatasetLoader`. A .docx or .md upload outside this set is refused with 501.
    var checkableDocumentExtensions: Set<String> { get }

    /// The JSON `plancheck import --format json` prints for `files` (staged paths; the service
    /// turns the staging folder back into the uploaded names).
    func importJSON(files: [String], options: RequestOptions, project: Project) throws(APIError) -> String

    /// The reviewed copy of one .docx plan: the findings as Word comments.
    func reviewedDocument(file: String, findings: CheckResult, options: RequestOptions, project: Project) throws(APIError) -> [UInt8]
}

/// Extensions that only plan-document readers understand: refused with 501 by a service whose
/// features do not read them (a .docx read as YAML would produce nonsense). `.txt` is not here:
/// the library reads it as a ledger or as a plan by its content.
enum PlanDocumentExtensions {
    static let all: Set<String> = ["docx", "md", "markdown"]
}
