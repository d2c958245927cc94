import Foundation
import Testing
import PlanCheck
@testable import PlanCheckServerCore

/// The API answers byte for byte what the CLI prints for the same files, run in a folder holding
/// them with the same configuration — for every example with a configuration.
@Suite struct CLIParityTests {
    /// The examples whose configuration the server can serve (Examples/plugins needs external
    /// programs, which the server never runs).
    static let examples = ["shenzhen-2011", "urumqi-2013", "civilized-city-2020", "city-construction", "hangzhou-2009", "ledger-xlsx", "audit-demo"]

    static func service(for example: String) throws -> (PlanCheckService, [String]) {
        let configuration = try Configuration.load(path: "\(repositoryRoot)/Examples/\(example)/.plancheck.yml")
        let project = try Project(configuration: configuration)
        let entry = RuleSetCatalog.Entry(name: example, label: .init(zh: example, en: example), project: project)
        let service = PlanCheckService(catalog: RuleSetCatalog(entries: [entry], defaultName: example), limits: ServerLimits())
        let names = configuration.datasets.map { $0.split(separator: "/").last.map(String.init) ?? $0 }
        return (service, names)
    }

    @Test(arguments: examples)
    func checkJSONMatchesTheCLI(example: String) throws {
        let (service, names) = try Self.service(for: example)
        let folder = "\(repositoryRoot)/Examples/\(example)"
        let cli = try CLI.run(["check"] + names + ["--format", "json"], in: folder)
        let answer = service.answer(try MultipartBody.files(in: folder, names), { $0.check })
        #expect(answer.status == 200)
        #expect(answer.text == cli.stdout)
        #expect(!cli.stdout.isEmpty)
    }

    /// SARIF and Markdown write repository-relative paths, so the CLI runs in a copy of the
    /// example outside any git repository — where the server's staged files are too.
    @Test(arguments: ["sarif", "csv", "text", "markdown"])
    func otherCheckFormatsMatchTheCLI(format: String) throws {
        let (service, names) = try Self.service(for: "shenzhen-2011")
        let folder = try TemporaryFolder()
        for name in ["plan.yaml", "units.yaml", "rules.yml", ".plancheck.yml"] {
            try folder.copy("\(repositoryRoot)/Examples/shenzhen-2011/\(name)", as: name)
        }
        let cli = try CLI.run(["check"] + names + ["--format", format], in: folder.path)
        let answer = service.answer(try MultipartBody.files(in: folder.path, names, fields: ["format": format]), { $0.check })
        #expect(answer.status == 200)
        #expect(answer.text == cli.stdout)
    }

    @Test(arguments: [("audit-demo", "json"), ("audit-demo", "html"), ("shenzhen-2011", "json"), ("audit-demo", "csv")])
    func auditMatchesTheCLI(example: String, format: String) throws {
        let (service, names) = try Self.service(for: example)
        let folder = "\(repositoryRoot)/Examples/\(example)"
        let cli = try CLI.run(["audit"] + names + ["--format", format, "--lang", "en"], in: folder)
        let answer = service.answer(try MultipartBody.files(in: folder, names, fields: ["format": format, "lang": "en"]), { $0.audit })
        #expect(answer.status == 200)
        #expect(answer.text == cli.stdout)
        #expect(cli.stdout.count > 100)
    }

    /// A date given with the request wins over the configuration's, as `--as-of` does.
    @Test func asOfFieldActsLikeTheOption() throws {
        let (service, names) = try Self.service(for: "shenzhen-2011")
        let folder = "\(repositoryRoot)/Examples/shenzhen-2011"
        let cli = try CLI.run(["check"] + names + ["--format", "json", "--as-of", "2011-06-01"], in: folder)
        let answer = service.answer(try MultipartBody.files(in: folder, names, fields: ["asOf": "2011-06-01"]), { $0.check })
        #expect(answer.text == cli.stdout)
        #expect(answer.text.contains("\"asOf\": \"2011-06-01\""))
    }

    /// A file that cannot be read: the CLI prints the report of the rest and exits 2; the API
    /// answers 422 with the same located errors and that report beside them.
    @Test func unreadableFileIs422WithTheCLIReport() throws {
        let (service, _) = try Self.service(for: "shenzhen-2011")
        let folder = try TemporaryFolder()
        try folder.copy("\(repositoryRoot)/Examples/shenzhen-2011/plan.yaml", as: "plan.yaml")
        folder.write("broken.yaml", "tasks:\n  - id: T1\n    title: [unclosed\n")
        try folder.copy("\(repositoryRoot)/Examples/shenzhen-2011/.plancheck.yml", as: ".plancheck.yml")
        try folder.copy("\(repositoryRoot)/Examples/shenzhen-2011/rules.yml", as: "rules.yml")
        try folder.copy("\(repositoryRoot)/Examples/shenzhen-2011/units.yaml", as: "units.yaml")
        let cli = try CLI.run(["check", "plan.yaml", "broken.yaml", "--format", "json"], in: folder.path)
        #expect(cli.status == 2)
        let answer = service.answer(try MultipartBody.files(in: folder.path, ["plan.yaml", "broken.yaml"]), { $0.check })
        #expect(answer.status == 422)
        let object = try #require(answer.jsonObject)
        let error = try #require(object["error"] as? [String: Any])
        let inputErrors = try #require(error["inputErrors"] as? [[String: Any]])
        #expect(inputErrors.count == 1)
        #expect(inputErrors.first?["file"] as? String == "broken.yaml")
        #expect((inputErrors.first?["line"] as? Int ?? 0) > 0)
        let report = try JSONSerialization.data(withJSONObject: try #require(object["report"]), options: [.sortedKeys])
        let expected = try JSONSerialization.data(withJSONObject: JSONSerialization.jsonObject(with: Data(cli.stdout.utf8)), options: [.sortedKeys])
        #expect(report == expected)
    }
}

/// A fresh folder removed at the end of the test.
final class TemporaryFolder {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "pc-server-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    func write(_ name: String, _ text: String) {
        _ = FileManager.default.createFile(atPath: path + "/" + name, contents: Data(text.utf8))
    }

    func copy(_ source: String, as name: String) throws {
        try FileManager.default.copyItem(atPath: source, toPath: path + "/" + name)
    }
}
