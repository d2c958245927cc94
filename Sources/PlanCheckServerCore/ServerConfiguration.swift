import Foundation
import PlanCheck

/// The operator's configuration, `plancheck-server --config server.yml`:
///
/// ```yaml
/// ruleSets:                                # what users may choose from; at least one
///   - name: shenzhen-2011                  # the `ruleset` form field; letters, digits, - and _
///     label: {zh: 深圳市行动计划（2011）, en: Shenzhen action programme 2011}   # or one string
///     config: shenzhen-2011/.plancheck.yml # a .plancheck.yml: packs, rules, collections, asOf, …
/// defaultRuleSet: shenzhen-2011            # used when a request names none (default: the first)
/// limits: {maxRequestBytes: 32MiB, maxFileBytes: 16MiB, maxFiles: 20, timeoutSeconds: 60, maxConcurrentChecks: 4}
/// ```
///
/// Paths are relative to this file. Every key is checked; a mistake is a located error and the
/// server does not start.
public struct ServerConfiguration: Sendable {
    public struct RuleSetEntry: Sendable, Equatable {
        public var name: String
        public var label: Label
        /// The rule set's `.plancheck.yml`, resolved against the server configuration's folder.
        public var config: String
        public var location: SourceLocation
    }

    /// A label in the page's two languages.
    public struct Label: Sendable, Equatable {
        public var zh: String
        public var en: String

        public func text(_ language: PageLanguage) -> String { language == .en ? en : zh }
    }

    public static let keys = ["ruleSets", "defaultRuleSet", "limits"]
    static let ruleSetKeys = ["name", "label", "config"]

    public var file: String
    public var ruleSets: [RuleSetEntry] = []
    public var defaultRuleSet: String
    public var limits = ServerLimits()

    public static func load(path: String) throws(LoadError) -> ServerConfiguration {
        let bytes: [UInt8]
        do {
            bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            throw LoadError(file: path, line: 0, column: 0, message: "cannot read the server configuration: \(error.localizedDescription)")
        }
        return try parse(bytes: bytes, file: path)
    }

    public static func parse(bytes: [UInt8], file: String) throws(LoadError) -> ServerConfiguration {
        let document = try YAMLLoader.load(bytes: bytes, file: file)
        guard let root = document.root, root.kind == .map else {
            throw LoadError(file: file, line: 1, column: 1, message: "the server configuration is a map with keys \(keys.joined(separator: ", "))")
        }
        try checkKeys(root, allowed: keys, what: "server configuration")
        let base = FileSystem.directory(of: file)
        guard let list = root["ruleSets"], list.kind == .list, list.count > 0 else {
            throw LoadError(at: root["ruleSets"] ?? root, "`ruleSets` lists at least one {name, label, config}")
        }
        var entries: [RuleSetEntry] = []
        for item in list.items {
            let entry = try parseRuleSet(item, base: base)
            if entries.contains(where: { $0.name == entry.name }) {
                throw LoadError(at: item, "rule set `\(entry.name)` is listed twice")
            }
            entries.append(entry)
        }
        var defaultName = entries[0].name
        if let node = root["defaultRuleSet"] {
            guard let name = node.string, entries.contains(where: { $0.name == name }) else {
                throw LoadError(at: node, "`defaultRuleSet` names one of the rule sets: \(entries.map(\.name).joined(separator: ", "))")
            }
            defaultName = name
        }
        var configuration = ServerConfiguration(file: file, ruleSets: entries, defaultRuleSet: defaultName)
        if let limits = root["limits"] { configuration.limits = try parseLimits(limits) }
        return configuration
    }

    static func parseRuleSet(_ node: Node, base: String) throws(LoadError) -> RuleSetEntry {
        guard node.kind == .map else { throw LoadError(at: node, "a rule set is a map with `name`, `label` and `config`") }
        try checkKeys(node, allowed: ruleSetKeys, what: "rule set")
        guard let name = node["name"]?.string, RuleSetName.isValid(name) else {
            throw LoadError(at: node["name"] ?? node, "a rule set needs a `name` of letters, digits, - and _ (at most 64)")
        }
        guard let config = node["config"]?.string, !config.isEmpty else {
            throw LoadError(at: node, "rule set `\(name)` needs `config`: the path of its .plancheck.yml")
        }
        let label = try parseLabel(node["label"], fallback: name)
        return RuleSetEntry(name: name, label: label, config: FileSystem.join(base, config),
                            location: SourceLocation(file: node.document.file, line: node.line, column: node.column))
    }

    static func parseLabel(_ node: Node?, fallback: String) throws(LoadError) -> Label {
        guard let node else { return Label(zh: fallback, en: fallback) }
        if let text = node.string { return Label(zh: text, en: text) }
        guard node.kind == .map else { throw LoadError(at: node, "`label` is a string or {zh: …, en: …}") }
        try checkKeys(node, allowed: ["zh", "en"], what: "label")
        let zh = node["zh"]?.string ?? node["en"]?.string ?? fallback
        return Label(zh: zh, en: node["en"]?.string ?? zh)
    }

    static func parseLimits(_ node: Node) throws(LoadError) -> ServerLimits {
        guard node.kind == .map else { throw LoadError(at: node, "`limits` is a map with keys \(ServerLimits.keys.joined(separator: ", "))") }
        try checkKeys(node, allowed: ServerLimits.keys, what: "limits")
        var limits = ServerLimits()
        func size(_ key: String) throws(LoadError) -> Int? {
            guard let value = node[key] else { return nil }
            guard let text = value.scalarText, let bytes = ByteSize.parse(text), bytes > 0 else {
                throw LoadError(at: value, "`limits.\(key)` is a size in bytes, e.g. 16777216 or 16MiB")
            }
            return bytes
        }
        func count(_ key: String) throws(LoadError) -> Int? {
            guard let value = node[key] else { return nil }
            guard let n = value.integer, n >= 1, n <= 10_000 else { throw LoadError(at: value, "`limits.\(key)` is a whole number from 1 to 10000") }
            return Int(n)
        }
        if let v = try size("maxRequestBytes") { limits.maxRequestBytes = v }
        if let v = try size("maxFileBytes") { limits.maxFileBytes = v }
        if let v = try count("maxFiles") { limits.maxFiles = v }
        if let v = try count("maxConcurrentChecks") { limits.maxConcurrentChecks = v }
        if let value = node["timeoutSeconds"] {
            guard let seconds = value.number, seconds > 0, seconds <= 86_400 else {
                throw LoadError(at: value, "`limits.timeoutSeconds` is a number of seconds, more than 0")
            }
            limits.timeoutSeconds = seconds
        }
        return limits
    }

    /// Unknown keys are errors that name the allowed ones: a typo must not silently do nothing.
    static func checkKeys(_ map: Node, allowed: [String], what: String) throws(LoadError) {
        for key in map.keys {
            let name = key.scalarText ?? ""
            if !allowed.contains(name) {
                throw LoadError(at: key, "unknown key `\(name)` in the \(what); allowed: \(allowed.joined(separator: ", "))")
            }
        }
    }
}

/// Rule-set names travel in form fields and URLs: a small alphabet keeps them plain.
enum RuleSetName {
    static func isValid(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.count <= 64 && name.utf8.allSatisfy { byte in
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x2D || byte == 0x5F
        }
    }
}
