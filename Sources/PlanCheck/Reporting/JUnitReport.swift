/// JUnit XML for GitLab (`artifacts:reports:junit`), Jenkins and other test dashboards.
///
/// One `<testsuite>` per dataset file and one `<testcase>` per finding. A finding at or above
/// `--fail-on` carries a single `<failure>` (the common JUnit XSD allows one per test case);
/// one below it is a passing test case with the finding in `<system-out>` — an info note is
/// not a failed test. `classname` and `file` are the
/// dataset's repository-relative path, which GitLab and Jenkins show as the location; `line` is
/// the finding's line, and a finding in a table or a Word document is named by its place
/// (`tasks.csv!D4`, `表2!C5`, `¶112`) in the test name and the failure text. A file
/// without findings gets one passing test case, so a clean run is never an empty report. A file
/// that could not be read gets one test case with an `<error>`.
public struct JUnitReport: ReportFormat {
    public static let identifier = "junit"
    public static let summary = "JUnit XML: a test suite per dataset file, a failing test case per finding."

    let repositoryRoot: String?

    public init() { self.init(repositoryRoot: RepositoryPaths.root()) }

    public init(repositoryRoot: String?) { self.repositoryRoot = repositoryRoot }

    public func render(_ input: ReportInput) -> String {
        let result = input.result
        var byFile: [String: [Finding]] = [:]
        for finding in result.findings { byFile[finding.file, default: []].append(finding) }
        var errorsByFile: [String: [LoadError]] = [:]
        for error in result.errors { errorsByFile[error.file, default: []].append(error) }
        // Every checked file, plus files only findings name (a baseline file, say), in order.
        var files = result.files
        var known = Set(files)
        for file in byFile.keys.sorted() + errorsByFile.keys.sorted() where known.insert(file).inserted { files.append(file) }

        var suites = ""
        var totalTests = 0, totalFailures = 0, totalErrors = 0
        for file in files {
            let name = RepositoryPaths.relative(file, to: repositoryRoot)
            let findings = byFile[file] ?? []
            let errors = errorsByFile[file] ?? []
            var cases = ""
            var failures = 0
            for finding in findings {
                let title = "\(finding.rule) \(finding.record) (\(FindingPlace.local(finding) ?? "line \(finding.line)"))"
                cases += "    <testcase name=\"\(Self.escape(title))\" classname=\"\(Self.escape(name))\" file=\"\(Self.escape(name))\" line=\"\(finding.line)\">\n"
                let header = finding.cell?.header.map { " (\($0))" } ?? ""
                let detail = "\(FindingPlace.text(finding, file: name))\(header): \(finding.severity.rawValue): \(finding.message) [\(finding.rule)]"
                if let failOn = input.failOn, finding.severity >= failOn {
                    cases += "      <failure type=\"\(finding.severity.rawValue)\" message=\"\(Self.escape(finding.message))\">\(Self.escape(detail))</failure>\n"
                    failures += 1
                } else {
                    // Below --fail-on the finding does not fail the run, so it is not a failed
                    // test either: a passing test case whose output carries it.
                    cases += "      <system-out>\(Self.escape(detail))</system-out>\n"
                }
                cases += "    </testcase>\n"
            }
            for error in errors {
                let place = error.line >= 1 ? "\(name):\(error.line):\(error.column)" : name
                cases += "    <testcase name=\"read \(Self.escape(name))\" classname=\"\(Self.escape(name))\" file=\"\(Self.escape(name))\">\n"
                cases += "      <error type=\"input-error\" message=\"\(Self.escape(error.message))\">\(Self.escape("\(place): \(error.message)"))</error>\n"
                cases += "    </testcase>\n"
            }
            var tests = findings.count + errors.count
            if tests == 0 {
                cases += "    <testcase name=\"plancheck\" classname=\"\(Self.escape(name))\" file=\"\(Self.escape(name))\"/>\n"
                tests = 1
            }
            suites += "  <testsuite name=\"\(Self.escape(name))\" tests=\"\(tests)\" failures=\"\(failures)\" errors=\"\(errors.count)\" skipped=\"0\" file=\"\(Self.escape(name))\">\n"
            suites += cases
            suites += "  </testsuite>\n"
            totalTests += tests
            totalFailures += failures
            totalErrors += errors.count
        }
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<testsuites name=\"plancheck\" tests=\"\(totalTests)\" failures=\"\(totalFailures)\" errors=\"\(totalErrors)\">\n"
        out += suites
        out += "</testsuites>\n"
        return out
    }

    /// Escapes text for attributes and content. Characters XML 1.0 forbids (most C0 controls)
    /// are dropped; tab and newline in attributes are kept as character references so a parser
    /// does not normalise them to spaces.
    static func escape(_ text: String) -> String { StringEscaping.markup(text) }
}
