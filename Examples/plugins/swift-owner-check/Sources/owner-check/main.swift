// PlanCheck external checker: every record names a real owner (落实到人头), not a placeholder.
//
// Rule options (optional):
//   field         the owner field (default "owner")
//   placeholders  values that do not name anyone (default ["待定", "TBD", "-", "无"])
//
// One JSON request on standard input, one JSON reply on standard output (docs/plugins.md).
// A request it cannot read ends with a message on standard error and exit status 1, which
// PlanCheck reports as an input error naming this plugin and the rule.
import Foundation

let protocolVersion = "plancheck-plugin/1"

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("owner-check: \(message)\n".utf8))
    exit(1)
}

/// The normalized path (RFC 9535) of member `key` under `path`.
func member(_ path: String, _ key: String) -> String {
    path + "['" + key.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'") + "']"
}

let input = FileHandle.standardInput.readDataToEndOfFile()
guard let request = (try? JSONSerialization.jsonObject(with: input)) as? [String: Any] else { fail("the request is not a JSON object") }
guard request["protocol"] as? String == protocolVersion else { fail("unsupported protocol \(request["protocol"] ?? "none"), expected \(protocolVersion)") }
let rule = request["rule"] as? [String: Any] ?? [:]
let options = rule["options"] as? [String: Any] ?? [:]
let field = options["field"] as? String ?? "owner"
let placeholders = Set(options["placeholders"] as? [String] ?? ["待定", "TBD", "-", "无"])

var findings: [[String: String]] = []
for case let record as [String: Any] in request["records"] as? [Any] ?? [] {
    guard let key = record["key"] as? String, let path = record["path"] as? String,
          let value = record["value"] as? [String: Any] else { continue }
    let owner = (value[field] as? String)?.trimmingCharacters(in: .whitespaces) ?? ""
    if owner.isEmpty {
        findings.append(["record": key, "message": "\(key): no owner named in `\(field)`", "code": "missing"])
    } else if placeholders.contains(owner) {
        findings.append(["record": key, "path": member(path, field),
                         "message": "\(key): owner \"\(owner)\" is a placeholder, not a person", "code": "placeholder"])
    }
}
let reply: [String: Any] = ["protocol": protocolVersion, "findings": findings]
let data = (try? JSONSerialization.data(withJSONObject: reply, options: [.sortedKeys])) ?? Data()
FileHandle.standardOutput.write(data)
FileHandle.standardOutput.write(Data("\n".utf8))
