import Foundation
import Testing
@testable import PlanCheck

/// Hostile paths and project files through the real binary: a FIFO with no writer (which
/// `fopen` would wait on forever), symbolic-link loops, folders named like datasets, and
/// configurations and rule files that are deep, huge or binary. Each is answered within the
/// watchdog of `HostileCorpusTests.run` (10 s, 1 GiB) with no signal.
@Suite struct HostilePathTests {
    static let rules = "ruleset: t\nrules:\n  - {id: lead, checker: required, target: '$.tasks[*]', fields: lead}\n"
    static let good = "tasks:\n  - {id: T1, lead: 市发展改革委}\n"

    func check(_ arguments: [String], in directory: String) throws -> (status: Int32, output: String) {
        let binary = try #require(CLITests.binary, "the plancheck binary was not built next to the tests")
        let run = try HostileCorpusTests.run(binary, ["check"] + arguments, in: directory)
        return (run.status, run.stdout + run.stderr)
    }

    @Test func aFIFOWithNoWriterIsReadAsEmpty() throws {
        let dir = try TemporaryDirectory()
        dir.write("rules.yml", Self.rules)
        for name in ["fifo.yaml", "fifo.csv", "fifo.txt", "fifo.xlsx"] {
            #expect(mkfifo(dir.path + "/" + name, 0o644) == 0)
            let run = try check(["--rules", "rules.yml", name], in: dir.path)
            #expect(run.status == 2, "\(name): \(run.status) \(run.output)")
            #expect(run.output.contains("\(name):1:1: input error: "), "\(run.output)")
        }
        #expect(mkfifo(dir.path + "/fifo-rules.yml", 0o644) == 0)
        dir.write("good.yaml", Self.good)
        let rules = try check(["--rules", "fifo-rules.yml", "good.yaml"], in: dir.path)
        #expect(rules.status == 2 && rules.output.contains("fifo-rules.yml:1:1: input error: "), "\(rules.output)")
    }

    @Test func symbolicLinkLoopsAreInputErrors() throws {
        let dir = try TemporaryDirectory()
        dir.write("rules.yml", Self.rules)
        dir.write("walk/good.yaml", Self.good)
        let files = FileManager.default
        try files.createSymbolicLink(atPath: dir.path + "/walk/a.json", withDestinationPath: "b.json")
        try files.createSymbolicLink(atPath: dir.path + "/walk/b.json", withDestinationPath: "a.json")
        try files.createDirectory(atPath: dir.path + "/walk/sub", withIntermediateDirectories: true)
        try files.createSymbolicLink(atPath: dir.path + "/walk/sub/up", withDestinationPath: "..")
        try files.createSymbolicLink(atPath: dir.path + "/loop.yaml", withDestinationPath: "loop.yaml")

        let named = try check(["--rules", "rules.yml", "loop.yaml"], in: dir.path)
        #expect(named.status == 2 && named.output.contains("loop.yaml: input error: "), "\(named.output)")
        let walked = try check(["--rules", "rules.yml", "walk"], in: dir.path)
        #expect(walked.status == 2, "\(walked.output)")
        #expect(walked.output.contains("walk/a.json: input error: cannot open file: Too many levels of symbolic links"), "\(walked.output)")
        #expect(!walked.output.contains("good.yaml: input error"))
    }

    @Test func aFolderNamedLikeADatasetIsWalkedNotRead() throws {
        let dir = try TemporaryDirectory()
        dir.write("rules.yml", Self.rules)
        dir.write("plans/2024.yaml/tasks.yaml", "tasks:\n  - {id: T1}\n")
        let walked = try check(["--rules", "rules.yml", "plans"], in: dir.path)
        #expect(walked.status == 1, "\(walked.output)")
        #expect(walked.output.contains("plans/2024.yaml/tasks.yaml:2:5: error: T1: missing required field `lead`"), "\(walked.output)")
        #expect(!walked.output.contains("is a directory"), "\(walked.output)")
        try FileManager.default.createDirectory(atPath: dir.path + "/empty.xlsx", withIntermediateDirectories: true)
        let named = try check(["--rules", "rules.yml", "empty.xlsx"], in: dir.path)
        #expect(named.status == 2 && named.output.contains("empty.xlsx: input error: no datasets to check"), "\(named.output)")
    }

    /// Deep, huge, binary and bomb configurations (`.plancheck.yml`): a located input error each.
    @Test func hostileConfigurationsAreLocatedInputErrors() throws {
        let cases: [(String, [UInt8])] = [
            ("deep", Array(("rules: " + String(repeating: "[", count: 100_000)).utf8)),
            ("deep-map", Array((0..<3_000).map { String(repeating: " ", count: $0) + "a:\n" }.joined().utf8)),
            ("binary", (0..<65_536).map { UInt8(truncatingIfNeeded: ($0 &* 2_654_435_761) >> 13) }),
            ("nul", Array("rules: [a\u{0}b]\n".utf8)),
            ("laughs", Array(HostileCorpus.laughs(then: "rules: *l9\n").utf8)),
            ("huge", Array(("rules:\n" + (0..<20_000).map { "  - missing/r\($0).yml\n" }.joined()).utf8)),
        ]
        for (label, bytes) in cases {
            let dir = try TemporaryDirectory()
            dir.write("good.yaml", Self.good)
            _ = FileManager.default.createFile(atPath: dir.path + "/.plancheck.yml", contents: Data(bytes))
            let run = try check(["good.yaml"], in: dir.path)
            #expect(run.status == 2, "\(label): \(run.status) \(run.output.prefix(400))")
            #expect(run.output.range(of: "\\.plancheck\\.yml:[0-9]+:[0-9]+: input error: |missing/r0\\.yml: input error", options: .regularExpression) != nil,
                    "\(label): \(run.output.prefix(400))")
        }
    }

    /// Deep, binary and empty rule files are located input errors; a rule file of 2 000 rules
    /// is read and run.
    @Test func hostileRuleFiles() throws {
        let dir = try TemporaryDirectory()
        dir.write("good.yaml", Self.good)
        dir.write("deep.yml", "ruleset: r\nrules: " + String(repeating: "[", count: 100_000))
        dir.write("empty.yml", "")
        dir.write("laughs.yml", HostileCorpus.laughs(then: "ruleset: r\nrules: *l9\n"))
        _ = FileManager.default.createFile(atPath: dir.path + "/binary.yml", contents: Data((0..<65_536).map { UInt8(truncatingIfNeeded: $0 &* 40_503 >> 7) }))
        for name in ["deep.yml", "empty.yml", "laughs.yml", "binary.yml"] {
            let run = try check(["--rules", name, "good.yaml"], in: dir.path)
            #expect(run.status == 2, "\(name): \(run.status) \(run.output.prefix(400))")
            #expect(run.output.range(of: "\(name):[0-9]+:[0-9]+: input error: ", options: .regularExpression) != nil, "\(name): \(run.output.prefix(400))")
        }
        dir.write("many.yml", "ruleset: r\nrules:\n" + (0..<2_000).map { "  - {id: r\($0), checker: required, target: '$.tasks[*]', fields: lead}\n" }.joined())
        let many = try check(["--rules", "many.yml", "good.yaml"], in: dir.path)
        #expect(many.status == 0, "\(many.output.prefix(400))")
    }
}
