import Testing
import PlanCheck
@testable import PlanCheckServerCore

@Suite struct RequestOptionsTests {
    let catalog = ExampleServer.catalog
    let file = UploadedFile(name: "plan.yaml", bytes: Array("tasks: []\n".utf8))

    func resolve(_ fields: [String: String], files: [UploadedFile]? = nil) -> Result<RequestOptions, APIError> {
        do throws(APIError) {
            return .success(try RequestOptions.resolve(UploadForm(files: files ?? [file], fields: fields), catalog: catalog,
                                                       formats: ["json", "csv"], today: PlanDate(year: 2026, month: 3, day: 1)))
        } catch {
            return .failure(error)
        }
    }

    @Test func defaultsFollowTheCLI() throws {
        let options = try resolve([:]).get()
        #expect(options.ruleSet.name == "shenzhen-2011")
        #expect(options.asOf == PlanDate(year: 2011, month: 12, day: 31))  // the configuration's asOf
        #expect(options.format == "json")
        let basics = try resolve(["ruleset": "office-basics"]).get()
        #expect(basics.asOf == PlanDate(year: 2026, month: 3, day: 1))     // no asOf configured: today
        #expect(try resolve(["asOf": "2020-02-29"]).get().asOf == PlanDate(year: 2020, month: 2, day: 29))
        #expect(try resolve(["ruleset": ""]).get().ruleSet.name == "shenzhen-2011")
    }

    @Test(arguments: [["ruleset": "nope"], ["asOf": "2020-02-30"], ["asOf": "yesterday"], ["format": "pdf"], ["lang": "fr"], ["table": "people"]])
    func badFieldsAre400(fields: [String: String]) {
        guard case .failure(let error) = resolve(fields) else { Issue.record("accepted \(fields)"); return }
        #expect(error.status == 400)
    }

    @Test func noFilesIs400() {
        guard case .failure(let error) = resolve([:], files: []) else { Issue.record("accepted no files"); return }
        #expect(error.status == 400)
    }

    /// The operator's `tables:` entry for `ledger.xlsx` applies to an upload of that name.
    @Test func tablesFollowUploadNames() throws {
        let options = try resolve(["ruleset": "ledger-xlsx"]).get()
        let project = options.project(staged: ["/tmp/plancheck-server-abc/ledger.xlsx", "/tmp/plancheck-server-abc/other.xlsx"])
        #expect(project.engine.tables.map(\.file) == ["/tmp/plancheck-server-abc/ledger.xlsx"])
        #expect(project.engine.tables.first?.sheet == "任务台账")
        #expect(project.engine.asOf == PlanDate(year: 2011, month: 12, day: 31))
        #expect(project.engine.rules.count == options.ruleSet.project.engine.rules.count)
    }
}
