/// SARIF 2.1.0 (OASIS), the format GitHub code scanning and most security dashboards read.
///
/// Paths are repository-relative URIs with `uriBaseId: %SRCROOT%`, so code scanning can place
/// them; columns are counted in Unicode code points (`columnKind`), as PlanCheck counts them.
/// Each result carries `partialFingerprints` from `Finding.stableFingerprint`, which code
/// scanning uses to track an alert across commits even when the record moves.
///
/// `region` stays numeric (the worksheet cell, the CSV line and field number, the Word
/// paragraph and column). A finding in a table or a Word document also carries the place a user
/// looks for: the location's `message` (`tasks.csv!D4 (牵头单位)`, `表2!C5 (牵头单位)`, `¶112`),
/// a second logical location naming the cell, and result `properties` `place`, `cell`,
/// `columnHeader`, `sheet`, `table`, `paragraph`.
public struct SARIFReport: ReportFormat {
    public static let identifier = "sarif"
    public static let summary = "SARIF 2.1.0 for GitHub code scanning and other SARIF viewers."
    public static let schemaURI = "https://json.schemastore.org/sarif-2.1.0.json"
    /// The key of PlanCheck's fingerprint in `partialFingerprints`; bump the version if the
    /// fingerprint's definition changes.
    public static let fingerprintKey = "planCheckFingerprint/v1"

    let repositoryRoot: String?
    let registry: CheckerRegistry

    public init() { self.init(repositoryRoot: RepositoryPaths.root()) }

    /// - Parameter repositoryRoot: the folder URIs are relative to (nil: paths as given).
    public init(repositoryRoot: String?, registry: CheckerRegistry = .builtIn) {
        self.repositoryRoot = repositoryRoot
        self.registry = registry
    }

    public func render(_ input: ReportInput) -> String {
        let descriptors = ruleDescriptors(input)
        let index = Dictionary(descriptors.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        let results = input.result.findings.map { finding -> JSONValue in
            var pairs: [(String, JSONValue)] = [
                ("ruleId", .string(finding.rule)),
            ]
            if let i = index[finding.rule] { pairs.append(("ruleIndex", .int(i))) }
            pairs += [
                ("level", .string(Self.level(finding.severity))),
                ("message", .object([("text", .string(finding.message))])),
                ("locations", .array([location(finding)])),
                ("partialFingerprints", .object([(Self.fingerprintKey, .string(finding.stableFingerprint))])),
                ("properties", .object(properties(finding))),
            ]
            return .object(pairs)
        }
        let notifications = input.result.errors.map { error -> JSONValue in
            .object([
                ("level", .string("error")),
                ("message", .object([("text", .string(error.message))])),
                ("locations", .array([.object([("physicalLocation", physicalLocation(file: error.file, line: error.line, column: error.column))])])),
            ])
        }
        let run: JSONValue = .object([
            ("tool", .object([("driver", .object([
                ("name", .string("PlanCheck")),
                ("rules", .array(descriptors.map(\.json))),
            ]))])),
            ("invocations", .array([.object([
                ("executionSuccessful", .bool(input.result.errors.isEmpty)),
                ("toolExecutionNotifications", .array(notifications)),
            ])])),
            ("columnKind", .string("unicodeCodePoints")),
            ("results", .array(results)),
        ])
        let log: JSONValue = .object([
            ("$schema", .string(Self.schemaURI)),
            ("version", .string("2.1.0")),
            ("runs", .array([run])),
        ])
        return log.text() + "\n"
    }

    /// The dataset position, plus the record and node path as a logical location (PlanCheck's
    /// own bookkeeping findings have no node path) and, for a table cell, the cell as a second
    /// one; the readable place as the location's message.
    func location(_ finding: Finding) -> JSONValue {
        var pairs: [(String, JSONValue)] = [
            ("physicalLocation", physicalLocation(file: finding.file, line: finding.line, column: finding.column)),
        ]
        var logical: [JSONValue] = []
        if !finding.path.isEmpty {
            logical.append(.object([
                ("name", .string(finding.record)),
                ("fullyQualifiedName", .string(finding.path)),
            ]))
        }
        if let cell = finding.cell, let reference = FindingPlace.cell(finding) {
            var entry: [(String, JSONValue)] = [("name", .string(cell.address)), ("fullyQualifiedName", .string(reference))]
            if let header = cell.header { entry.append(("properties", .object([("columnHeader", .string(header))]))) }
            logical.append(.object(entry))
        }
        if !logical.isEmpty { pairs.append(("logicalLocations", .array(logical))) }
        if let note = FindingPlace.note(finding) { pairs.append(("message", .object([("text", .string(note))]))) }
        return .object(pairs)
    }

    /// PlanCheck's own result properties: the checker and record, and where the region's
    /// numbers name a paragraph or a cell, that place as a user names it.
    func properties(_ finding: Finding) -> [(String, JSONValue)] {
        var pairs: [(String, JSONValue)] = [("checker", .string(finding.checker)), ("record", .string(finding.record))]
        // A Word finding's region line is its paragraph; say so for readers of the log.
        if let paragraph = FindingPlace.paragraph(finding) { pairs.append(("paragraph", .int(paragraph))) }
        guard FindingPlace.local(finding) != nil else { return pairs }
        pairs.append(("place", .string(FindingPlace.text(finding, file: RepositoryPaths.relative(finding.file, to: repositoryRoot)))))
        if let sheet = finding.sheet { pairs.append(("sheet", .string(sheet))) }
        if let cell = finding.cell {
            if let table = cell.table { pairs.append(("table", .int(table))) }
            pairs.append(("cell", .string(cell.address)))
            if let header = cell.header { pairs.append(("columnHeader", .string(header))) }
        }
        return pairs
    }

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .info: "note"
        }
    }

    func physicalLocation(file: String, line: Int, column: Int) -> JSONValue {
        let relative = RepositoryPaths.relative(file, to: repositoryRoot)
        // A path outside the repository (an output folder elsewhere) is an absolute file URI.
        let artifact: JSONValue = relative.hasPrefix("/")
            ? .object([("uri", .string("file://" + RepositoryPaths.uriReference(relative)))])
            : .object([("uri", .string(RepositoryPaths.uriReference(relative))), ("uriBaseId", .string("%SRCROOT%"))])
        var pairs: [(String, JSONValue)] = [("artifactLocation", artifact)]
        // SARIF regions are 1-based; a file that could not be opened has no position.
        if line >= 1 {
            pairs.append(("region", .object([("startLine", .int(line)), ("startColumn", .int(max(1, column)))])))
        }
        return .object(pairs)
    }

    struct RuleDescriptor {
        var id: String
        var short: String
        var full: String
        var helpMarkdown: String
        var level: String

        var json: JSONValue {
            .object([
                ("id", .string(id)),
                ("shortDescription", .object([("text", .string(short))])),
                ("fullDescription", .object([("text", .string(full))])),
                ("help", .object([("text", .string(full)), ("markdown", .string(helpMarkdown))])),
                ("defaultConfiguration", .object([("level", .string(level))])),
            ])
        }
    }

    /// Every rule that ran, then the ids findings use that no rule declares itself: checker
    /// sub-kinds (`rule.code`) and PlanCheck's own bookkeeping rules.
    func ruleDescriptors(_ input: ReportInput) -> [RuleDescriptor] {
        var result: [RuleDescriptor] = []
        var byID: [String: CompiledRule] = [:]
        for rule in input.rules {
            byID[rule.id] = rule
            result.append(describe(rule, id: rule.id, code: nil))
        }
        var seen = Set(result.map(\.id))
        for finding in input.result.findings where !seen.contains(finding.rule) {
            seen.insert(finding.rule)
            let parts = finding.rule.split(separator: ".", maxSplits: 1).map(String.init)
            if let description = ToolRules.descriptions[finding.rule] ?? ImportRules.description(of: finding.rule) {
                result.append(RuleDescriptor(id: finding.rule, short: description, full: description,
                                             helpMarkdown: description, level: Self.level(finding.severity)))
            } else if let base = byID[parts[0]] {
                result.append(describe(base, id: finding.rule, code: parts.count > 1 ? parts[1] : nil))
            } else {
                let text = "Findings of checker `\(finding.checker)`."
                result.append(RuleDescriptor(id: finding.rule, short: text, full: text, helpMarkdown: text, level: Self.level(finding.severity)))
            }
        }
        return result
    }

    func describe(_ rule: CompiledRule, id: String, code: String?) -> RuleDescriptor {
        let summary = registry[rule.checker]?.descriptor.summary ?? ""
        var short = rule.description.isEmpty ? summary : rule.description
        if short.isEmpty { short = "Rule \(rule.id) (checker \(rule.checker))." }
        if let code { short += " (\(code))" }
        let full = rule.description.isEmpty ? short : "\(rule.description) Checker `\(rule.checker)`: \(summary)"
        var markdown = "**\(rule.id)**"
        if !rule.description.isEmpty { markdown += ": \(rule.description)" }
        markdown += "\n\nChecker `\(rule.checker)`: \(summary)\n\nRun `plancheck rules explain \(rule.id)` for the checker's options and examples."
        return RuleDescriptor(id: id, short: short, full: full, helpMarkdown: markdown, level: Self.level(rule.severity))
    }
}
