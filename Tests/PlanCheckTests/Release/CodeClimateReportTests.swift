import Foundation
import Testing
@testable import PlanCheck

/// The Code Climate report GitLab reads as its code-quality report: the fields GitLab requires,
/// its severity scale, fingerprints that are unique within a report and stable across moves.
@Suite struct CodeClimateReportTests {
    static func issues(_ input: ReportInput, root: String? = nil) throws -> [[String: Any]] {
        let text = CodeClimateReport(repositoryRoot: root).render(input)
        return try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
    }

    @Test func everyFindingAndInputErrorIsAnIssueWithGitLabsFields() throws {
        let issues = try Self.issues(try ReportFormatTests.input())
        #expect(issues.count == 4)   // one unreadable file, three findings
        for issue in issues {
            #expect(Set(issue.keys) == ["type", "description", "check_name", "fingerprint", "severity", "location"])
            let location = try #require(issue["location"] as? [String: Any])
            let lines = try #require(location["lines"] as? [String: Any])
            #expect((lines["begin"] as? Int ?? 0) >= 1)
        }
        #expect(issues.map { $0["severity"] as? String } == ["critical", "major", "minor", "info"])
        #expect(issues.map { $0["check_name"] as? String } == ["plancheck/input-error", "task-owner-required", "task-id-unique", "task-owner-required.code"])
        #expect(issues[1]["description"] as? String == "T1: no owner (T1)")
        let paths = issues.compactMap { ($0["location"] as? [String: Any])?["path"] as? String }
        #expect(paths == ["plans/broken.yaml", "plans/a.yaml", "plans/a.yaml", "plans/b, c.yaml"])
    }

    @Test func fingerprintsAreUniqueAndIndependentOfTheLine() throws {
        var input = try ReportFormatTests.input()
        let first = try Self.issues(input)[1]["fingerprint"] as? String
        // The same finding on another line keeps its fingerprint (GitLab then sees no change) …
        input.result.findings[0].line = 40
        #expect(try Self.issues(input)[1]["fingerprint"] as? String == first)
        // … and two identical findings get distinct ones, as GitLab collapses duplicates.
        input.result.findings.append(input.result.findings[0])
        let fingerprints = try Self.issues(input).compactMap { $0["fingerprint"] as? String }
        #expect(Set(fingerprints).count == fingerprints.count)
        #expect(fingerprints.last == (first ?? "") + "-2")
    }

    @Test func pathsAreRelativeToTheRepository() throws {
        var input = try ReportFormatTests.input()
        input.result.findings[0].file = "/repo/plans/a.yaml"
        let issue = try Self.issues(input, root: "/repo")[1]
        #expect((issue["location"] as? [String: Any])?["path"] as? String == "plans/a.yaml")
    }

    @Test func theFormatIsRegisteredForCheck() {
        #expect(ReportFormats.named("codeclimate").map(ObjectIdentifier.init) == ObjectIdentifier(CodeClimateReport.self))
    }
}
