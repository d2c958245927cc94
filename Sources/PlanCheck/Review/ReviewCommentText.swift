import Foundation

/// What one finding says in the margin: the severity and the message, the rule id, and the
/// suggestion on a line of its own when the message carries one — the line a drafter acts on.
struct ReviewCommentText: Equatable {
    var lines: [String]

    init(_ finding: Finding, language: AuditLanguage) {
        let strings = ReviewStrings(language)
        lines = [strings.severity(finding.severity) + strings["colon"] + finding.message,
                 strings["rule"] + strings["colon"] + finding.rule]
        if let suggestion = Self.suggestion(in: finding.message) {
            lines.append(strings["suggestion"] + strings["colon"] + suggestion)
        }
    }

    /// The names after "did you mean" (the checkers' wording: "(did you mean 市科工贸信委?)",
    /// "; did you mean A or B?"), without quotes or backticks; nil when there is none.
    static func suggestion(in message: String) -> String? {
        guard let start = message.range(of: "did you mean ", options: .backwards) else { return nil }
        let rest = message[start.upperBound...]
        guard let end = rest.firstIndex(of: "?") else { return nil }
        let names = rest[..<end].trimmingCharacters(in: .whitespaces)
            .trimmingCharacters(in: CharacterSet(charactersIn: "`'\"“”‘’"))
        return names.isEmpty ? nil : names
    }
}
