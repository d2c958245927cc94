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

/// Runs `python3` with a script; nil when Python is not installed.
enum Python {
    static let executable: String? = {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let path = String(dir) + "/python3"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }()

    static var available: Bool { executable != nil }

    /// Exit status and standard output + error.
    static func run(_ script: String, arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable!)
        process.arguments = ["-c", script] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
