import PlanCheck

/// The answers that need no upload: health, the rule-set list, the OpenAPI document, the assets.
public struct StaticAnswers: Sendable {
    public let catalog: RuleSetCatalog

    public init(catalog: RuleSetCatalog) { self.catalog = catalog }

    /// `GET /healthz`: the server is up and has its rule sets.
    public var health: APIAnswer {
        .json(JSONValue.object([("status", .string("ok")), ("ruleSets", .int(catalog.entries.count))]).text(pretty: false) + "\n")
    }

    /// `GET /api/v1/rulesets`: what a client may pass as `ruleset`, with labels and default dates.
    public var ruleSets: APIAnswer {
        let items = catalog.entries.map { entry in
            JSONValue.object([
                ("name", .string(entry.name)),
                ("label", .object([("zh", .string(entry.label.zh)), ("en", .string(entry.label.en))])),
                ("default", .bool(entry.name == catalog.defaultName)),
                ("asOf", entry.asOf.map { .string($0.description) } ?? .null),
                ("rules", .int(entry.project.engine.rules.count)),
            ])
        }
        return .json(JSONValue.object([("ruleSets", .array(items))]).text(pretty: false) + "\n")
    }

    public static var openAPI: APIAnswer { .json(EmbeddedAssets.openAPI + "\n") }
    public static var pageCSS: APIAnswer { APIAnswer(contentType: "text/css; charset=utf-8", body: Array(EmbeddedAssets.pageCSS.utf8)) }
    public static var pageScript: APIAnswer { APIAnswer(contentType: "text/javascript; charset=utf-8", body: Array(EmbeddedAssets.pageScript.utf8)) }
}
