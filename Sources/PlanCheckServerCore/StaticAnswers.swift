import PlanCheck

/// The answers that need no upload: health, the rule-set list, the OpenAPI document, the assets.
public struct StaticAnswers: Sendable {
    public let catalog: RuleSetCatalog

    public init(catalog: RuleSetCatalog) { self.catalog = catalog }

    /// `GET /healthz`: the server is up and has its rule sets.
    public var health: APIAnswer {
        .json(JSONText.object([("status", JSONText.string("ok")), ("ruleSets", String(catalog.entries.count))]) + "\n")
    }

    /// `GET /api/v1/rulesets`: what a client may pass as `ruleset`, with labels and default dates.
    public var ruleSets: APIAnswer {
        let items = catalog.entries.map { entry in
            JSONText.object([
                ("name", JSONText.string(entry.name)),
                ("label", JSONText.object([("zh", JSONText.string(entry.label.zh)), ("en", JSONText.string(entry.label.en))])),
                ("default", entry.name == catalog.defaultName ? "true" : "false"),
                ("asOf", entry.asOf.map { JSONText.string($0.description) } ?? "null"),
                ("rules", String(entry.project.engine.rules.count)),
            ])
        }
        return .json(JSONText.object([("ruleSets", JSONText.array(items))]) + "\n")
    }

    public static var openAPI: APIAnswer { .json(EmbeddedAssets.openAPI + "\n") }
    public static var pageCSS: APIAnswer { APIAnswer(contentType: "text/css; charset=utf-8", body: Array(EmbeddedAssets.pageCSS.utf8)) }
    public static var pageScript: APIAnswer { APIAnswer(contentType: "text/javascript; charset=utf-8", body: Array(EmbeddedAssets.pageScript.utf8)) }
}
