/// Every route the server answers: the router is built from this list, and a test holds it
/// against the OpenAPI document (`Assets/openapi.json`) in both directions.
public enum ServerRoute: String, Sendable, CaseIterable {
    case page
    case pageCSS
    case pageScript
    case health
    case openAPI
    case ruleSets
    case check
    case audit
    case importPlan
    case review

    public var method: String {
        switch self {
        case .page, .pageCSS, .pageScript, .health, .openAPI, .ruleSets: return "GET"
        case .check, .audit, .importPlan, .review: return "POST"
        }
    }

    public var path: String {
        switch self {
        case .page: return "/"
        case .pageCSS: return "/assets/page.css"
        case .pageScript: return "/assets/page.js"
        case .health: return "/healthz"
        case .openAPI: return "/api/v1/openapi.json"
        case .ruleSets: return "/api/v1/rulesets"
        case .check: return "/api/v1/check"
        case .audit: return "/api/v1/audit"
        case .importPlan: return "/api/v1/import"
        case .review: return "/api/v1/review"
        }
    }

    /// True for the routes that take a multipart upload and run on a worker.
    public var takesUpload: Bool { method == "POST" }

    /// The methods a path answers, for `Allow` on a 405.
    public static func methods(for path: String) -> [String] {
        allCases.filter { $0.path == path }.map(\.method)
    }
}
