import Foundation
import PlanCheck

/// The form fields of a check, audit or import request, checked: the rule set, the as-of date,
/// the output format and the audit's language and CSV table.
public struct RequestOptions: Sendable {
    public var ruleSet: RuleSetCatalog.Entry
    /// The request's `asOf`, else the rule set's configured date, else today (like `--as-of`).
    public var asOf: PlanDate
    public var format: String
    public var language: AuditLanguage?
    public var table: AuditCSVTable

    public static func resolve(_ form: UploadForm, catalog: RuleSetCatalog, formats: [String],
                               defaultFormat: String = "json", today: PlanDate = .today()) throws(APIError) -> RequestOptions {
        // An empty `ruleset` (a client sending the field without a choice) means the default.
        let requested = form.fields["ruleset"].flatMap { $0.isEmpty ? nil : $0 }
        guard let ruleSet = catalog.entry(named: requested) else {
            throw APIError(400, "unknown rule set `\(form.fields["ruleset"] ?? "")`; this server has: \(catalog.entries.map(\.name).joined(separator: ", "))")
        }
        var asOf = ruleSet.asOf ?? today
        if let text = form.fields["asOf"] {
            guard let date = PlanDate(iso: text) else { throw APIError(400, "`asOf` is a date written YYYY-MM-DD, got `\(text.prefix(40))`") }
            asOf = date
        }
        let format = form.fields["format"] ?? defaultFormat
        guard formats.contains(format) else {
            throw APIError(400, "unknown format `\(format.prefix(40))`; available: \(formats.joined(separator: ", "))")
        }
        var language: AuditLanguage?
        if let lang = form.fields["lang"] {
            guard let value = AuditLanguage(rawValue: lang) else { throw APIError(400, "`lang` is zh or en, got `\(lang.prefix(40))`") }
            language = value
        }
        var table = AuditCSVTable.units
        if let name = form.fields["table"] {
            guard let value = AuditCSVTable(rawValue: name) else {
                throw APIError(400, "`table` is one of \(AuditCSVTable.allCases.map(\.rawValue).joined(separator: ", ")), got `\(name.prefix(40))`")
            }
            table = value
        }
        if form.files.isEmpty { throw APIError(400, "no file: send one or more `file` parts") }
        return RequestOptions(ruleSet: ruleSet, asOf: asOf, format: format, language: language, table: table)
    }

    /// The rule set's project with this request's as-of date and its `tables:` entries pointed
    /// at the staged uploads of the same name (the operator maps `ledger.xlsx`; a user's upload
    /// called `ledger.xlsx` is read with that mapping).
    public func project(staged paths: [String]) -> Project {
        var project = ruleSet.project
        let base = project.engine
        var engine = Engine(rules: base.rules, asOf: asOf, collections: base.collections,
                            severityOverrides: base.severityOverrides, jobs: base.jobs)
        var tables: [TableSource] = []
        for source in base.tables {
            let name = FileSystem.normalize(source.file).split(separator: "/").last.map(String.init) ?? source.file
            for path in paths where path.hasSuffix("/" + name) {
                var mapped = source
                mapped.file = path
                tables.append(mapped)
            }
        }
        engine.tables = tables
        project.engine = engine
        project.configuration.tables = tables
        return project
    }
}
