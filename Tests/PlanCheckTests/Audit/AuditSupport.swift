import Foundation
import Testing
@testable import PlanCheck

/// The illustrative audit example (Examples/audit-demo), audited as its config says (2021-06-30).
enum AuditDemo {
    static let folder = repositoryRoot + "/Examples/audit-demo"

    static func report(language: AuditLanguage? = nil, asOf: PlanDate? = nil) throws -> AuditReport {
        let project = try Project(configuration: Configuration.load(path: folder + "/.plancheck.yml"), asOf: asOf, jobs: 1)
        var report = AuditBuilder.audit(project: project, files: project.datasetFiles(paths: []), language: language)
        // Paths in goldens are relative to the repository.
        report.datasets = report.datasets.map { $0.replacingOccurrences(of: repositoryRoot + "/", with: "") }
        for i in report.tasks.indices {
            report.tasks[i].file = report.tasks[i].file.replacingOccurrences(of: repositoryRoot + "/", with: "")
        }
        return report
    }
}

