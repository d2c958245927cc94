import Foundation
import Testing
@testable import PlanCheck

/// A project in a temporary folder: a `.plancheck.yml` and the files it names.
struct MappingProject {
    let dir: TemporaryDirectory
    let config: String
    /// The data files written (every file but `rules.yml`), sorted.
    let dataFiles: [String]

    init(config: String, files: [String: String]) throws {
        dir = try TemporaryDirectory()
        for (name, text) in files { dir.write(name, text) }
        dataFiles = files.keys.filter { $0 != "rules.yml" }.sorted()
        self.config = dir.write(".plancheck.yml", config)
    }

    func project() throws(LoadError) -> Project {
        try Project(configuration: Configuration.load(path: config), jobs: 1)
    }

    /// Checks `files` (default: every data file written) and renders the findings one per
    /// line, `file:line:column: severity: message [rule]`, with the folder left out.
    func check(_ files: [String] = []) throws -> [String] {
        let project = try project()
        let result = project.engine.check(files: project.datasetFiles(paths: (files.isEmpty ? dataFiles : files).map { dir.path + "/" + $0 }))
        #expect(result.errors.isEmpty, "\(result.errors)")
        return result.findings.map { f in
            "\(f.file.replacingOccurrences(of: dir.path + "/", with: "")):\(f.line):\(f.column): \(f.severity.rawValue): \(f.message) [\(f.rule)]"
        }
    }

    /// The configuration error (from loading the config or building the project).
    func configError() -> LoadError? {
        do throws(LoadError) {
            _ = try project()
            return nil
        } catch {
            return error
        }
    }
}
