/// GitHub Actions workflow commands: `::error file=…,line=…,col=…,title=…::message`, which the
/// runner turns into annotations on the pull request's changed lines.
///
/// Escaping follows the runner's rules: in the message `%`, `\r` and `\n` are percent-encoded;
/// in properties also `:` and `,`, which would otherwise end the property. Info findings become
/// `::notice`. Paths are repository-relative, as annotations require.
public struct GitHubReport: ReportFormat {
    public static let identifier = "github"
    public static let summary = "GitHub Actions annotations (::error/::warning/::notice workflow commands)."

    let repositoryRoot: String?

    public init() { self.init(repositoryRoot: RepositoryPaths.root()) }

    public init(repositoryRoot: String?) { self.repositoryRoot = repositoryRoot }

    public func render(_ input: ReportInput) -> String {
        var out = ""
        for error in input.result.errors {
            out += command("error", file: error.file, line: error.line, column: error.column,
                           title: "PlanCheck input error", message: error.message)
        }
        for finding in input.result.findings {
            out += command(Self.command(finding.severity), file: finding.file, line: finding.line,
                           column: finding.column, title: "\(finding.rule) (\(finding.record))", message: finding.message)
        }
        return out
    }

    static func command(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .info: "notice"
        }
    }

    func command(_ name: String, file: String, line: Int, column: Int, title: String, message: String) -> String {
        var properties = ["file=" + Self.escapeProperty(RepositoryPaths.relative(file, to: repositoryRoot))]
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
