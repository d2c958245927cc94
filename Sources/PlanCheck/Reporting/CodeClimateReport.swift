/// The Code Climate issue format that GitLab reads as a code-quality report
/// (`artifacts: reports: codequality:`): a JSON array of issues, each with a description, a
/// check name, a fingerprint, a severity and a repository-relative path and line.
///
/// GitLab compares the fingerprints of a merge request's report with the target branch's to show
/// which issues are new or fixed, so each is `Finding.stableFingerprint` (independent of where the
/// record sits); two findings with the same fingerprint in one report get `-2`, `-3` … appended,
/// because GitLab collapses duplicates. Datasets that could not be read are issues too, at
/// severity `critical`, so a broken file is not silently missing from the widget. `lines.begin` is
/// the finding's line; a finding in a table or a Word document names its place in the
/// description (`(T3, tasks.csv!D4 (牵头单位))`), since GitLab shows no cell or paragraph.
public struct CodeClimateReport: ReportFormat {
    public static let identifier = "codeclimate"
    public static let summary = "Code Climate JSON issues for GitLab's code-quality report."

    let repositoryRoot: String?

    public init() { self.init(repositoryRoot: RepositoryPaths.root()) }

    /// - Parameter repositoryRoot: the folder paths are relative to (nil: paths as given).
    public init(repositoryRoot: String?) { self.repositoryRoot = repositoryRoot }

    public func render(_ input: ReportInput) -> String {
        var seen: [String: Int] = [:]
        func unique(_ fingerprint: String) -> String {
            let count = (seen[fingerprint] ?? 0) + 1
            seen[fingerprint] = count
            return count == 1 ? fingerprint : "\(fingerprint)-\(count)"
        }
        var issues: [JSONValue] = []
        for error in input.result.errors {
            var hash = FNV1a()
            hash.add("input-error")
            hash.add(RepositoryPaths.relative(error.file, to: repositoryRoot))
            hash.add(error.message)
            issues.append(issue(description: error.message, check: "plancheck/input-error", fingerprint: unique(hash.hex),
                                severity: "critical", file: error.file, line: error.line))
        }
        for finding in input.result.findings {
            let place = FindingPlace.note(finding).map { ", " + $0 } ?? ""
            issues.append(issue(description: "\(finding.message) (\(finding.record)\(place))", check: finding.rule,
                                fingerprint: unique(finding.stableFingerprint), severity: Self.severity(finding.severity),
                                file: finding.file, line: finding.line))
        }
        return JSONValue.array(issues).text() + "\n"
    }

    /// Code Climate's scale is info, minor, major, critical, blocker; GitLab shows each.
    static func severity(_ severity: Severity) -> String {
        switch severity {
        case .error: "major"
        case .warning: "minor"
        case .info: "info"
        }
    }

    func issue(description: String, check: String, fingerprint: String, severity: String, file: String, line: Int) -> JSONValue {
        .object([
            ("type", .string("issue")),
            ("description", .string(description)),
            ("check_name", .string(check)),
            ("fingerprint", .string(fingerprint)),
            ("severity", .string(severity)),
            ("location", .object([
                ("path", .string(RepositoryPaths.relative(file, to: repositoryRoot))),
                ("lines", .object([("begin", .int(max(1, line)))])),
            ])),
        ])
    }
}
