/// What a report format receives.
public struct ReportInput: Sendable {
    public var result: CheckResult
    /// Every rule that ran (for formats that describe rules, such as SARIF).
    public var rules: [CompiledRule]
    public var asOf: PlanDate
    /// Colour escapes are wanted (text on a terminal without NO_COLOR).
    public var color: Bool
    /// `--fail-on`: the lowest severity that fails the run (nil: `never`). JUnit makes only
    /// these findings failed test cases.
    public var failOn: Severity? = .error
    /// Findings hidden by suppressions and the baseline (the Markdown comment says how many).
    public var hidden = HiddenCounts()
    /// Where a finding's file can be viewed (`--link-base`, or the CI's environment): the
    /// Markdown report links `linkBase + path + #Lline`.
    public var linkBase: String?

    public init(result: CheckResult, rules: [CompiledRule], asOf: PlanDate, color: Bool = false) {
        self.result = result
        self.rules = rules
        self.asOf = asOf
        self.color = color
    }
}

/// How many findings were hidden, and by what.
public struct HiddenCounts: Sendable, Equatable {
    public var suppressed = 0
    public var baselined = 0

    public init(suppressed: Int = 0, baselined: Int = 0) {
        self.suppressed = suppressed
        self.baselined = baselined
    }
}

/// One output format of `plancheck check --format`.
public protocol ReportFormat: Sendable {
    static var identifier: String { get }
    static var summary: String { get }
    init()
    func render(_ input: ReportInput) -> String
}

public enum ReportFormats {
    public static let all: [any ReportFormat.Type] = [
        TextReport.self, JSONReport.self, SARIFReport.self, JUnitReport.self, GitHubReport.self,
        MarkdownReport.self, CSVReport.self, XcodeReport.self, CodeClimateReport.self,
    ]

    public static func named(_ identifier: String) -> (any ReportFormat.Type)? {
        all.first { $0.identifier == identifier }
    }

    public static var identifiers: [String] { all.map { $0.identifier } }
}

extension CheckResult {
    /// "2 errors, 1 warning, 0 infos in 3 files" — shared by the human-readable formats.
    public var summaryLine: String {
        func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        var line = "\(plural(count(.error), "error")), \(plural(count(.warning), "warning")), \(count(.info)) info"
        line += " in \(plural(files.count, "file"))"
        if !errors.isEmpty { line += "; \(plural(errors.count, "input error"))" }
        return line
    }
}

extension LoadError {
    /// `file:line:column`, or only `file` for a problem with the file as a whole.
    public var place: String { line >= 1 ? "\(file):\(line):\(column)" : file }
}
