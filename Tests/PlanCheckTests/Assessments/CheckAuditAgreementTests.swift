import Foundation
import Testing
@testable import PlanCheck

/// `check` and `audit` can never disagree: on every example, the audit's figures (overdue and
/// late tasks, tasks done without a date, deadlines outside the period, missed and behind
/// indicators, rates and shortfalls) are exactly what the findings of a plain `check` say.
@Suite struct CheckAuditAgreementTests {
    static let examples = ExampleGoldenTests.examples

    struct Run {
        var findings: [Finding]
        var report: AuditReport
    }

    static func run(_ name: String, jobs: Int = 1) throws -> Run {
        let folder = repositoryRoot + "/Examples/" + name
        let project = try Project(configuration: Configuration.load(path: folder + "/.plancheck.yml"), jobs: jobs)
        let files = project.datasetFiles(paths: [])
        // A plain check, as `plancheck check` runs it (no assessments collected).
        let findings = project.engine.check(files: files).findings
        return Run(findings: findings, report: AuditBuilder.audit(project: project, files: files))
    }

    /// `file|record` of the findings whose id ends in `.code` from a checker.
    static func records(_ findings: [Finding], checker: String, codes: Set<String>) -> Set<String> {
        Set(findings.filter { f in
            f.checker == checker && codes.contains(String(f.rule.split(separator: ".").last ?? ""))
        }.map { $0.file + "|" + $0.record })
    }

    /// The plan with one of each defect (`PackOverlapTests.defects`), with every built-in pack:
    /// unreadable values, a deadline outside the period, duplicate ids.
    static func runDefects() throws -> Run {
        let directory = try TemporaryDirectory()
        let file = directory.write("plan.yaml", PackOverlapTests.defects)
        let project = try AuditBuilder.defaultProject(asOf: PlanDate(year: 2021, month: 6, day: 30), jobs: 1)
        return Run(findings: project.engine.check(files: [file]).findings, report: AuditBuilder.audit(project: project, files: [file]))
    }

    @Test func everyDefectAgrees() throws {
        let run = try Self.runDefects()
        try Self.taskFigures(run)
        try Self.indicatorFigures(run)
        #expect(run.report.tasks.contains { $0.outsidePeriod == true })
        #expect(run.report.indicators.contains { $0.status == .missed })
        #expect(run.report.notAssessed == nil)
    }

    @Test(arguments: examples)
    func taskFiguresMatchDeadlineFindings(_ name: String) throws {
        try Self.taskFigures(try Self.run(name))
    }

    static func taskFigures(_ run: Run) throws {
        func tasks(_ status: AuditStatus) -> Set<String> {
            Set(run.report.tasks.filter { $0.status == status }.map { $0.file + "|" + $0.id })
        }
        #expect(tasks(.overdue) == Self.records(run.findings, checker: "deadline", codes: ["overdue"]))
        #expect(tasks(.doneLate) == Self.records(run.findings, checker: "deadline", codes: ["done-late"]))
        // Done without a readable completion date: `done-without-date`, or `completed-unreadable` on a done task.
        let done = tasks(.doneOnTime).union(tasks(.doneLate)).union(tasks(.doneDateUnknown))
        #expect(tasks(.doneDateUnknown) == Self.records(run.findings, checker: "deadline", codes: ["done-without-date"])
            .union(Self.records(run.findings, checker: "deadline", codes: ["completed-unreadable"]).intersection(done)))
        #expect(run.report.totals.overdue == Self.records(run.findings, checker: "deadline", codes: ["overdue"]).count)
        let outside = Set(run.report.tasks.filter { $0.outsidePeriod == true }.map { $0.file + "|" + $0.id })
        #expect(outside == Self.records(run.findings, checker: "deadline", codes: ["outside-period"]))
    }

    @Test(arguments: examples)
    func indicatorFiguresMatchIndicatorFindings(_ name: String) throws {
        try Self.indicatorFigures(try Self.run(name))
    }

    static func indicatorFigures(_ run: Run) throws {
        func ids(_ status: IndicatorAudit.Status) -> Set<String> {
            Set(run.report.indicators.filter { $0.status == status }.map(\.id))
        }
        func found(_ codes: Set<String>) -> Set<String> {
            Set(Self.records(run.findings, checker: "indicator", codes: codes).map { String($0.split(separator: "|").last!) })
        }
        #expect(ids(.missed) == found(["missed", "growth-missed"]))
        #expect(ids(.behind) == found(["behind-trajectory"]))
        #expect(ids(.unreadable) == found(["target-non-numeric", "actual-non-numeric", "unit-mismatch"]))
    }

    @Test(arguments: examples)
    func ratesMatchRatioFindings(_ name: String) throws {
        let run = try Self.run(name)
        for ratio in run.report.ratios {
            let rateFindings = run.findings.filter { $0.rule == ratio.id + ".rate" }
            if ratio.meetsDeclared == false {
                #expect(rateFindings.count == 1)
                #expect(rateFindings.first?.message.contains("（\(ratio.satisfied)/\(ratio.total)）") == true)
            } else {
                #expect(rateFindings.isEmpty)
            }
            let short = Set(run.findings.filter { $0.rule == ratio.id + ".short" }.map(\.record))
            #expect(Set(ratio.shortfalls.map(\.id)) == short)
        }
    }

    /// The audit of the permit example reports the rate `check` does (not only its absence).
    @Test func permitRateIsReportedWhereCheckReportsIt() throws {
        let run = try Self.run("city-construction")
        let ratio = try #require(run.report.ratios.first)
        let finding = try #require(run.findings.first { $0.rule.hasSuffix(".rate") })
        #expect(finding.message.contains("（\(ratio.satisfied)/\(ratio.total)）"))
        #expect(ratio.meetsDeclared == false)
    }

    @Test func auditDoesNotDependOnThreadCount() throws {
        for name in ["audit-demo", "shenzhen-2011", "urumqi-2013"] {
            let one = try Self.run(name, jobs: 1).report
            let four = try Self.run(name, jobs: 4).report
            #expect(AuditRenderer.json(one) == AuditRenderer.json(four), "\(name)")
        }
    }
}
