/// GitHub Actions workflow commands: `::error file=…,line=…,col=…,title=…::message`, which the
/// runner turns into annotations on the pull request's changed lines.
///
/// Escaping follows the runner's rules: in the message `%`, `\r` and `\n` are percent-encoded;
/// in properties also `:` and `,`, which would otherwise end the property. Info findings become
/// `::notice`. Paths are repository-relative, as annotations require. `line`/`col` stay numbers
/// (the worksheet cell, the CSV line, the Word paragraph); a finding in a table or a Word
/// document starts its message with the place a user looks for (`表1!C3 (牵头单位): …`).
///
/// GitHub shows at most 10 error, 10 warning and 10 notice annotations per step (and 50 per
/// job) and drops the rest silently. So the first `perKindLimit` of each kind become
/// annotations (input errors first, then findings in report order), the rest are printed as
/// plain `file:line:col: severity: message [rule]` log lines, and a final notice says how many
/// were left out and where to see them all.
public struct GitHubReport: ReportFormat {
    public static let identifier = "github"
    public static let summary = "GitHub Actions annotations (::error/::warning/::notice workflow commands)."

    let repositoryRoot: String?
    /// Annotations GitHub shows per kind and step (one notice is kept for the summary).
    let perKindLimit: Int

    public init() { self.init(repositoryRoot: RepositoryPaths.root()) }

    public init(repositoryRoot: String?, perKindLimit: Int = 10) {
        self.repositoryRoot = repositoryRoot
        self.perKindLimit = perKindLimit
    }

    public func render(_ input: ReportInput) -> String {
        var out = ""
        var used: [String: Int] = [:]
        var leftOut: [String: Int] = [:]
        var plainLines = ""
        func emit(_ kind: String, file: String, line: Int, column: Int, title: String, message: String, plain: String) {
            // One notice stays free for the summary below.
            let limit = kind == "notice" ? perKindLimit - 1 : perKindLimit
            if used[kind, default: 0] < limit {
                used[kind, default: 0] += 1
                out += command(kind, file: file, line: line, column: column, title: title, message: message)
            } else {
                leftOut[kind, default: 0] += 1
                plainLines += plain + "\n"
            }
        }
        for error in input.result.errors {
            emit("error", file: error.file, line: error.line, column: error.column, title: "PlanCheck input error",
                 message: error.message, plain: "\(path(error.file))\(error.line >= 1 ? ":\(error.line):\(error.column)" : ""): input error: \(Self.oneLine(error.message))")
        }
        for finding in input.result.findings {
            let place = FindingPlace.note(finding).map { $0 + ": " } ?? ""
            emit(Self.command(finding.severity), file: finding.file, line: finding.line, column: finding.column,
                 title: "\(finding.rule) (\(finding.record))", message: place + finding.message,
                 plain: "\(FindingPlace.text(finding, file: path(finding.file))): \(finding.severity.rawValue): \(Self.oneLine(finding.message)) [\(finding.rule)]")
        }
        guard !leftOut.isEmpty else { return out }
        let counts = [("error", "error"), ("warning", "warning"), ("notice", "info finding")].compactMap { kind, word -> String? in
            guard let n = leftOut[kind] else { return nil }
            return "\(n) \(word)\(n == 1 ? "" : "s")"
        }
        let summary = "\(counts.joined(separator: ", ")) not annotated: GitHub shows at most \(perKindLimit) error, \(perKindLimit) warning "
            + "and \(perKindLimit) notice annotations per step (50 per job). They are listed in this step's log; "
            + "for all of them as annotations, upload --format sarif to code scanning."
        out += "PlanCheck: findings beyond GitHub's annotation limits:\n" + plainLines
        out += "::notice title=PlanCheck annotations truncated::\(Self.escapeData(summary))\n"
        return out
    }

    func path(_ file: String) -> String { RepositoryPaths.relative(file, to: repositoryRoot) }

    static func oneLine(_ text: String) -> String {
        text.replacing("\r\n", with: " ").replacing("\n", with: " ").replacing("\r", with: " ")
    }

    static func command(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .info: "notice"
        }
    }

    func command(_ name: String, file: String, line: Int, column: Int, title: String, message: String) -> String {
        var properties = ["file=" + Self.escapeProperty(path(file))]
        if line >= 1 {
            properties.append("line=\(line)")
            properties.append("col=\(max(1, column))")
        }
        properties.append("title=" + Self.escapeProperty(title))
        return "::\(name) \(properties.joined(separator: ","))::\(Self.escapeData(message))\n"
    }

    static func escapeData(_ text: String) -> String {
        var out = ""
        for character in text.unicodeScalars {
            switch character {
            case "%": out += "%25"
            case "\r": out += "%0D"
            case "\n": out += "%0A"
            default: out.unicodeScalars.append(character)
            }
        }
        return out
    }

    static func escapeProperty(_ text: String) -> String {
        var out = ""
        for character in escapeData(text).unicodeScalars {
            switch character {
            case ":": out += "%3A"
            case ",": out += "%2C"
            default: out.unicodeScalars.append(character)
            }
        }
        return out
    }
}
