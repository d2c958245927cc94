/// Compiler-style diagnostics, `file:line:col: error|warning|note: message [rule-id]`, one per
/// line with no summary: the lines Xcode and SwiftPM turn into build issues. The build-tool
/// plugin uses it; info becomes `note`, the compilers' word for it. Paths are printed as given
/// (the plugin passes absolute ones, which Xcode needs to open the file). A finding in a table or
/// a Word document keeps the numbers Xcode parses and starts its message with the place a user
/// looks for (`tasks.csv!D4 (牵头单位): …`, `表1!C3 (牵头单位): …`, `¶112: …`).
public struct XcodeReport: ReportFormat {
    public static let identifier = "xcode"
    public static let summary = "Compiler-style file:line:col: error: lines for Xcode and SwiftPM build logs."

    public init() {}

    public func render(_ input: ReportInput) -> String {
        var out = ""
        for error in input.result.errors {
            out += "\(error.file):\(max(1, error.line)):\(max(1, error.column)): error: \(Self.oneLine(error.message))\n"
        }
        for finding in input.result.findings {
            let word = switch finding.severity {
            case .error: "error"
            case .warning: "warning"
            case .info: "note"
            }
            let place = FindingPlace.note(finding).map { $0 + ": " } ?? ""
            out += "\(finding.file):\(finding.line):\(finding.column): \(word): \(place)\(Self.oneLine(finding.message)) [\(finding.rule)]\n"
        }
        return out
    }

    /// A diagnostic is one line; a line break would start an unparseable one.
    static func oneLine(_ text: String) -> String {
        String(text.map { $0 == "\n" || $0 == "\r\n" || $0 == "\r" ? " " : $0 })
    }
}
