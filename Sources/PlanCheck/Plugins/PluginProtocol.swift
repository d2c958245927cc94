/// The wire format between PlanCheck and an external checker (`docs/plugins.md`): one JSON
/// object on the program's standard input, one on its standard output.
enum PluginProtocol {
    static let version = "plancheck-plugin/1"

    /// One record sent to the plugin: its key, its normalized path and its value.
    struct OutgoingRecord {
        var key: String
        var path: String
        var node: Node
    }

    /// The request for one rule on one document.
    /// - Parameter options: the rule's options, already a JSON object text.
    static func request(ruleID: String, options: String, asOf: PlanDate, file: String, records: [OutgoingRecord]) -> [UInt8] {
        var out = "{\"protocol\":"
        StringEscaping.appendQuoted(version, quote: "\"", to: &out)
        out += ",\"rule\":{\"id\":"
        StringEscaping.appendQuoted(ruleID, quote: "\"", to: &out)
        out += ",\"options\":" + options + "},\"asOf\":"
        StringEscaping.appendQuoted(asOf.description, quote: "\"", to: &out)
        out += ",\"file\":"
        StringEscaping.appendQuoted(file, quote: "\"", to: &out)
        out += ",\"records\":["
        for (index, record) in records.enumerated() {
            if index > 0 { out += "," }
            out += "{\"key\":"
            StringEscaping.appendQuoted(record.key, quote: "\"", to: &out)
            out += ",\"path\":"
            StringEscaping.appendQuoted(record.path, quote: "\"", to: &out)
            out += ",\"value\":" + record.node.jsonText + "}"
        }
        out += "]}\n"
        return Array(out.utf8)
    }

    /// The rule's options: every key of the rule map except the common ones, as a JSON object.
    static func options(of rule: Node) -> String {
        var out = "{"
        var first = true
        for (key, value) in rule.entries where !RuleFileLoader.commonRuleKeys.contains(key) {
            if !first { out += "," }
            first = false
            StringEscaping.appendQuoted(key, quote: "\"", to: &out)
            out += ":" + value.jsonText
        }
        return out + "}"
    }

    /// One finding the plugin reported, before it is located.
    struct ReplyFinding {
        var record: String?
        var path: String?
        var message: String
        var code: String?
        var severity: Severity?
    }

    /// Parses the reply; the error text says precisely what is wrong with it.
    static func parseReply(_ bytes: [UInt8]) -> Result<[ReplyFinding], PluginFailure> {
        let document: Document
        do throws(LoadError) {
            document = try JSONLoader.load(bytes: bytes, file: "<output>")
        } catch {
            let shown = bytes.isEmpty ? "nothing" : "\"\(PluginFailure.excerpt(bytes))\""
            return .failure(.init("printed \(shown), which is not a JSON reply (line \(error.line), column \(error.column): \(error.message))"))
        }
        guard let root = document.root, root.kind == .map else {
            return .failure(.init("replied with JSON that is not an object; expected {\"protocol\": \"\(version)\", \"findings\": [...]}"))
        }
        guard let spoken = root["protocol"]?.string else {
            return .failure(.init("replied without a \"protocol\" field; expected \"\(version)\""))
        }
        guard spoken == version else {
            return .failure(.init("speaks protocol \"\(spoken)\", but PlanCheck speaks \"\(version)\""))
        }
        guard let list = root["findings"], list.kind == .list else {
            return .failure(.init("replied without a \"findings\" list"))
        }
        var findings: [ReplyFinding] = []
        for (index, item) in list.items.enumerated() {
            let what = "finding \(index + 1)"
            guard item.kind == .map else { return .failure(.init("\(what) is not an object")) }
            guard let message = item["message"]?.string, !message.isEmpty else {
                return .failure(.init("\(what) has no \"message\" (a non-empty string)"))
            }
            var finding = ReplyFinding(message: message)
            for field in ["record", "path", "code", "severity"] {
                guard let value = item[field], !value.isNull else { continue }
                guard let text = value.string else { return .failure(.init("\(what): \"\(field)\" must be a string")) }
                switch field {
                case "record": finding.record = text
                case "path": finding.path = text
                case "code":
                    guard !text.isEmpty, text.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) else {
                        return .failure(.init("\(what): \"code\" may contain only letters, digits, - and _"))
                    }
                    finding.code = text
                default:
                    guard let level = Severity(rawValue: text) else {
                        return .failure(.init("\(what): \"severity\" must be error, warning or info"))
                    }
                    finding.severity = level
                }
            }
            guard finding.record != nil || finding.path != nil else {
                return .failure(.init("\(what) names neither a \"record\" nor a \"path\""))
            }
            findings.append(finding)
        }
        return .success(findings)
    }
}

/// What went wrong with a plugin run, as the end of a sentence starting with the plugin's name.
struct PluginFailure: Error, Sendable {
    var message: String
    init(_ message: String) { self.message = message }

    /// The first bytes of a program's output, on one line, for an error message.
    static func excerpt(_ bytes: [UInt8], limit: Int = 200) -> String {
        // Control characters (escape sequences from garbage) would garble a terminal.
        var text = ""
        for scalar in String(decoding: bytes.prefix(limit), as: UTF8.self).unicodeScalars {
            text.unicodeScalars.append(scalar.value < 0x20 || scalar.value == 0x7F ? " " : scalar)
        }
        while text.last == " " { text.removeLast() }
        return bytes.count > limit ? text + "…" : text
    }
}
