/// A loaded rule file: a named set of rules with their checkers instantiated.
public struct RuleSet: Sendable {
    public var name: String
    public var description: String
    public var file: String
    public var rules: [CompiledRule]
}

/// One rule ready to run.
public struct CompiledRule: Sendable {
    public var id: String { header.id }
    public var checker: String { header.checker }
    public var severity: Severity { header.severity }
    public let description: String
    public let target: JSONPath
    public let keyField: String
    public let location: SourceLocation
    /// The rule's own map in the rule file (options, for `rules explain`).
    public let node: Node
    var header: RuleHeader
    let runner: any RuleRunner
    /// `when:` — the rule applies only to records for which it holds.
    public let when: CompiledExpression?

    /// Why the rule cannot run at all (an external plugin nobody allowed); reported once.
    public var setupError: LoadError? { runner.setupError }

    /// Runs the rule on the records `target` selects in `root`.
    func run(root: Node, context: CheckContext) -> RuleOutput {
        var records = target.select(root)
        var failures: [Finding] = []
        if let when {
            let expressionContext = context.expressionContext
            records = records.filter { record in
                do throws(ExpressionError) {
                    return try when.evaluateCondition(record: record, context: expressionContext)
                } catch {
                    // Never silently true or false: the record gets a finding of this rule.
                    var reporter = FindingReporter(header: header, context: context)
                    reporter.report(Record(node: record, keyField: keyField), message:
                        "\(Record(node: record, keyField: keyField).key): `when: \(when.source)` could not be evaluated: \(error.message)",
                        code: "when-error", isEvaluationError: true)
                    failures.append(contentsOf: reporter.findings)
                    return false
                }
            }
        }
        var output = runner.run(records: records, header: header, keyField: keyField, context: context)
        output.findings = failures + output.findings
        return output
    }
}

extension CheckContext {
    /// The expression language's view of the run.
    public var expressionContext: ExpressionContext {
        ExpressionContext(asOf: asOf, root: root, collections: collections)
    }
}

/// What one rule gives on one document: findings, and input errors when the checker itself
/// failed (an external plugin that crashed); the engine reports those and exits with code 2.
struct RuleOutput: Sendable {
    var findings: [Finding]
    var errors: [LoadError] = []
    var assessments: [Assessment] = []
}

/// Type-erases a checker so rules of different checkers sit in one list.
protocol RuleRunner: Sendable {
    func run(records: [Node], header: RuleHeader, keyField: String, context: CheckContext) -> RuleOutput
    /// A problem known when the rule file loads that keeps the rule from running.
    var setupError: LoadError? { get }
}

extension RuleRunner {
    var setupError: LoadError? { nil }
}

struct TypedRuleRunner<C: Checker>: RuleRunner {
    let checker: C

    func run(records: [Node], header: RuleHeader, keyField: String, context: CheckContext) -> RuleOutput {
        var state = checker.makeState(context: context)
        var reporter = FindingReporter(header: header, context: context)
        for node in records {
            checker.check(Record(node: node, keyField: keyField), state: &state, report: &reporter)
        }
        checker.finish(state: &state, report: &reporter)
        return RuleOutput(findings: reporter.findings, assessments: reporter.assessments)
    }
}

func makeRunner<C: Checker>(_ type: C.Type, options: RuleOptions) throws(LoadError) -> any RuleRunner {
    TypedRuleRunner(checker: try C(options: options))
}

/// Reads rule files: a closed set of keys at every level, option types checked against each
/// checker's schema, every error located in the rule file.
public struct RuleFileLoader: Sendable {
    public static let fileKeys = ["ruleset", "description", "key", "rules"]
    public static let commonRuleKeys = ["id", "checker", "target", "severity", "message", "description", "key", "when"]

    public let registry: CheckerRegistry
    /// External checkers (`checker: plugin:NAME`) and the permission to run them.
    public let plugins: PluginCatalog

    public init(registry: CheckerRegistry = .builtIn, plugins: PluginCatalog = .none) {
        self.registry = registry
        self.plugins = plugins
    }

    public func load(path: String) throws(LoadError) -> RuleSet {
        try load(bytes: FileReader.read(path), file: path)
    }

    /// - Parameter overrides: rule id → settings replacing the rule's own (a pack used `with:`
    ///   parameters from the configuration).
    public func load(bytes: [UInt8], file: String, overrides: [String: Node] = [:]) throws(LoadError) -> RuleSet {
        let (set, errors) = loadReportingAll(bytes: bytes, file: file, overrides: overrides)
        guard let set, errors.isEmpty else { throw errors[0] }
        return set
    }

    /// Reads a rule file and collects the problems of every rule (each located), so a file
    /// with several mistakes is fixed in one round; nil when there was any.
    public func loadReportingAll(path: String) -> (RuleSet?, [LoadError]) {
        do { return loadReportingAll(bytes: try FileReader.read(path), file: path) } catch { return (nil, [error]) }
    }

    public func loadReportingAll(bytes: [UInt8], file: String, overrides: [String: Node] = [:]) -> (RuleSet?, [LoadError]) {
        var problems: [LoadError] = []
        do throws(LoadError) {
            let set = try loadRules(bytes: bytes, file: file, overrides: overrides, problems: &problems)
            return problems.isEmpty ? (set, []) : (nil, problems)
        } catch {
            return (nil, problems + [error])
        }
    }

    /// The file's structure errors are thrown; each rule's own errors go to `problems`.
    func loadRules(bytes: [UInt8], file: String, overrides: [String: Node], problems: inout [LoadError]) throws(LoadError) -> RuleSet {
        let document = try YAMLLoader.load(bytes: bytes, file: file, recordingQuotes: true)
        guard let root = document.root, root.kind == .map else {
            let node = document.root
            throw LoadError(file: file, line: node?.line ?? 1, column: node?.column ?? 1,
                            message: "a rule file is a map with `ruleset`, `description` and `rules`")
        }
        try Self.checkKeys(root, allowed: Self.fileKeys, what: "rule file")
        guard let name = root["ruleset"]?.string, !name.isEmpty else {
            throw LoadError(at: root["ruleset"] ?? root, "`ruleset` must name the rule set (a non-empty string)")
        }
        let defaultKey = try Self.optionalString(root, "key") ?? "id"
        guard let rules = root["rules"], rules.kind == .list else {
            throw LoadError(at: root["rules"] ?? root, "`rules` must be a list of rules")
        }
        var compiled: [CompiledRule] = []
        var seen: [String: Node] = [:]
        for ruleNode in rules.items {
            let rule: CompiledRule
            do {
                rule = try compileRule(ruleNode, defaultKey: defaultKey,
                                       override: ruleNode["id"]?.string.flatMap { overrides[$0] })
            } catch {
                problems.append(error)
                continue
            }
            if let first = seen[rule.id] {
                problems.append(LoadError(at: ruleNode["id"] ?? ruleNode, "duplicate rule id `\(rule.id)` (first defined at line \(first.line))"))
                continue
            }
            seen[rule.id] = ruleNode
            compiled.append(rule)
        }
        return RuleSet(name: name, description: Self.trimmed(root["description"]?.string), file: file, rules: compiled)
    }

    func compileRule(_ node: Node, defaultKey: String, override: Node? = nil) throws(LoadError) -> CompiledRule {
        guard node.kind == .map else { throw LoadError(at: node, "a rule is a map with `id`, `checker` and `target`") }
        guard let id = node["id"]?.string, !id.isEmpty else {
            throw LoadError(at: node["id"] ?? node, "every rule needs an `id` (a non-empty string)")
        }
        guard id.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) else {
            throw LoadError(at: node["id"]!, "rule id `\(id)` may contain only letters, digits, `-` and `_`")
        }
        let available = (registry.checkers.keys.sorted() + plugins.checkerNames).joined(separator: ", ")
        guard let checkerNode = node["checker"], let checkerName = checkerNode.string else {
            throw LoadError(at: node["checker"] ?? node, "rule `\(id)` needs a `checker`; available: \(available)")
        }
        // An external plugin's options are its own business: any keys, passed through as JSON.
        let pluginRunner = try PluginSpec.pluginName(inChecker: checkerName).map { (name) throws(LoadError) in
            try plugins.runner(plugin: name, rule: node, ruleID: id, checkerNode: checkerNode)
        }
        let type = registry[checkerName]
        if pluginRunner == nil {
            guard let type else {
                let hint = Suggestions.closest(to: checkerName, among: Array(registry.checkers.keys) + plugins.checkerNames + plugins.plugins.keys)
                    .first.map { " — did you mean `\(plugins.plugins[$0] != nil ? PluginSpec.checkerPrefix + $0 : $0)`?" } ?? ""
                throw LoadError(at: checkerNode, "unknown checker `\(checkerName)`\(hint); available: \(available)")
            }
            try Self.checkKeys(node, allowed: Self.commonRuleKeys + type.descriptor.options.map(\.name), what: "rule `\(id)` (checker `\(checkerName)`)")
            if let override {
                try Self.checkKeys(override, allowed: PackParameters.overridableRuleKeys + type.descriptor.options.map(\.name),
                                   what: "the settings of rule `\(id)` (checker `\(checkerName)`)")
            }
        }
        // A setting of the configuration's `with:` replaces the pack's (null removes it).
        func setting(_ key: String) -> Node? {
            if let value = override?[key] { return value.isNull ? nil : value }
            return node[key]
        }
        guard let targetNode = setting("target"), let targetText = targetNode.string else {
            throw LoadError(at: setting("target") ?? node, "rule `\(id)` needs a `target`: a JSONPath selecting its records, such as `$.tasks[*]`")
        }
        let target = try JSONPath.compile(targetText, at: targetNode)
        var severity = Severity.error
        if let severityNode = setting("severity") {
            guard let word = severityNode.string, let value = Severity(rawValue: word) else {
                throw LoadError(at: severityNode, "`severity` must be one of error, warning, info")
            }
            severity = value
        }
        var template: ExpressionTemplate?
        if let messageNode = setting("message") {
            guard let text = messageNode.string else { throw LoadError(at: messageNode, "`message` must be a string") }
            do { template = try ExpressionTemplate.compile(text) } catch {
                throw Self.expressionError(error, in: messageNode, what: "rule `\(id)`: `message` template")
            }
        }
        var when: CompiledExpression?
        if let whenNode = setting("when") {
            guard let text = whenNode.string ?? whenNode.scalarText, whenNode.kind != .list, whenNode.kind != .map else {
                throw LoadError(at: whenNode, "`when` must be an expression (a string)")
            }
            when = try Self.compileCondition(text, at: whenNode, what: "rule `\(id)`: `when`")
        }
        let runner: any RuleRunner
        if let pluginRunner {
            runner = pluginRunner
        } else {
            let type = type!
            for spec in type.descriptor.options {
                if let override, let value = override[spec.name] {
                    if spec.required && value.isNull { throw LoadError(at: value, "rule `\(id)`: option `\(spec.name)` is required and cannot be removed") }
                    try Self.validate(option: spec, in: override, rule: id)
                } else {
                    try Self.validate(option: spec, in: node, rule: id)
                }
            }
            runner = try makeRunner(type, options: RuleOptions(node: node, ruleID: id, overrides: override))
        }
        let header = RuleHeader(id: id, checker: checkerName, severity: severity,
                                severityIsExplicit: setting("severity") != nil, message: template)
        let settings = override ?? node
        return CompiledRule(description: Self.trimmed(try Self.optionalString(override?["description"] != nil ? settings : node, "description")),
                            target: target, keyField: try Self.optionalString(override?["key"] != nil ? settings : node, "key") ?? defaultKey,
                            location: node.location, node: node, header: header, runner: runner, when: when)
    }

    /// Compiles a condition, rejecting at load time one whose type is known not to be bool.
    public static func compileCondition(_ text: String, at node: Node, what: String) throws(LoadError) -> CompiledExpression {
        let expression: CompiledExpression
        do { expression = try CompiledExpression.compile(text) } catch {
            throw expressionError(error, in: node, what: what)
        }
        if let type = expression.staticType, type != .bool {
            throw LoadError(at: node, "\(what): the expression gives \(type), not a bool\n    \(text)")
        }
        return expression
    }

    /// A located expression error: the column inside the expression, and the expression with a
    /// caret under the problem.
    static func expressionError(_ error: ExpressionError, in node: Node, what: String) -> LoadError {
        let text = node.string ?? node.scalarText ?? ""
        let offset = max(0, error.offset)
        let prefix = String(text.prefix(offset))
        let caretPad = prefix.reduce(0) { $0 + ($1.isWideForCaret ? 2 : 1) }
        let lines = text.contains("\n") ? "" : "\n    \(text)\n    " + String(repeating: " ", count: caretPad) + "^"
        let line = node.line + prefix.filter { $0 == "\n" }.count
        // A quoted value's text starts after its opening quote.
        let start = node.column + (node.isQuotedScalar ? 1 : 0)
        return LoadError(file: node.document.file, line: line, column: text.contains("\n") ? node.column : start + offset,
                         message: "\(what): \(error.message) (at character \(offset + 1))\(lines)")
    }

    /// Rejects keys outside `allowed`, naming the allowed ones and the likely intended key.
    static func checkKeys(_ map: Node, allowed: [String], what: String) throws(LoadError) {
        for key in map.keys {
            let name = key.string ?? ""
            if allowed.contains(name) { continue }
            let hint = Suggestions.closest(to: name, among: allowed, limit: 1).first.map { " — did you mean `\($0)`?" } ?? ""
            throw LoadError(at: key, "unknown key `\(name)` in \(what)\(hint); allowed keys: \(allowed.joined(separator: ", "))")
        }
    }

    /// A description without the line break a folded or literal YAML block (`description: >`)
    /// ends with, so one-line listings (`rules list`, SARIF rule text) stay one line.
    static func trimmed(_ text: String?) -> String {
        let text = text ?? ""
        guard let first = text.firstIndex(where: { !$0.isWhitespace }),
              let last = text.lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return String(text[first...last])
    }

    static func optionalString(_ map: Node, _ key: String) throws(LoadError) -> String? {
        guard let value = map[key] else { return nil }
        guard let text = value.string else { throw LoadError(at: value, "`\(key)` must be a string") }
        return text
    }

    /// Checks one option value against its declared type (the checker can then read it freely).
    static func validate(option spec: OptionSpec, in rule: Node, rule id: String) throws(LoadError) {
        guard let value = rule[spec.name], value.kind != .null else {
            if spec.required {
                throw LoadError(at: rule, "rule `\(id)`: missing option `\(spec.name)` (\(spec.type)): \(spec.summary)")
            }
            return
        }
        func fail() -> LoadError {
            let found = value.kind == .string ? "string \"\(value.string!)\"" : value.kind.name
            return LoadError(at: value, "rule `\(id)`: option `\(spec.name)` expects \(spec.type), found \(found)")
        }
        switch spec.type {
        case .string, .jsonPath:
            guard value.kind == .string else { throw fail() }
            if spec.type == .jsonPath { _ = try JSONPath.compile(value.string!, at: value) }
        case .strings:
            if value.kind == .list {
                for item in value.items where item.kind != .string {
                    throw LoadError(at: item, "rule `\(id)`: option `\(spec.name)` must list strings, found \(item.kind.name)")
                }
            } else if value.kind != .string { throw fail() }
        case .integer: guard value.kind == .integer else { throw fail() }
        case .number: guard value.kind == .integer || value.kind == .double else { throw fail() }
        case .boolean: guard value.kind == .bool else { throw fail() }
        case .date: guard let text = value.string, PlanDate(iso: text) != nil else { throw fail() }
        case .oneOf(let words): guard let text = value.scalarText, words.contains(text) else { throw fail() }
        case .stringMap:
            guard value.kind == .map else { throw fail() }
            for item in value.values where item.kind == .list || item.kind == .map {
                throw LoadError(at: item, "rule `\(id)`: option `\(spec.name)` maps keys to single values")
            }
        case .any: break
        }
    }
}

extension Character {
    /// East Asian wide characters take two columns under a caret line.
    var isWideForCaret: Bool {
        guard let v = unicodeScalars.first?.value else { return false }
        return (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
            || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
    }
}
