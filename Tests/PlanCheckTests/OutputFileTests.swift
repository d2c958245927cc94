import Foundation
import Testing
@testable import PlanCheck

/// Writes that survive faults (issue 16 item 7) and never replace what is not a regular file
/// (issue 19 item 1).
@Suite struct OutputFileTests {
    @Test func devicesAndDescriptorsAreWrittenDirectlyFilesAtomically() throws {
        let directory = try TemporaryDirectory()
        #expect(OutputFile.method(for: "-") == .descriptor(1))
        #expect(OutputFile.method(for: "/dev/stdout") == .descriptor(1))
        #expect(OutputFile.method(for: "/dev/stderr") == .descriptor(2))
        #expect(OutputFile.method(for: "/dev/fd/63") == .descriptor(63))
        #expect(OutputFile.method(for: "/proc/self/fd/5") == .descriptor(5))
        #expect(OutputFile.method(for: "/dev/null") == .inPlace("/dev/null"))
        #expect(OutputFile.method(for: "/dev/full") == .inPlace("/dev/full"))
        let fifo = directory.path + "/pipe"
        #expect(mkfifo(fifo, 0o644) == 0)
        #expect(OutputFile.method(for: fifo) == .inPlace(fifo))
        let file = directory.write("report.sarif", "old")
        #expect(OutputFile.method(for: file) == .atomic(file))
        #expect(OutputFile.method(for: directory.path + "/new/r.json") == .atomic(directory.path + "/new/r.json"))
        // A link to a report file stays a link; its target is replaced.
        let link = directory.path + "/latest.sarif"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: file)
        try OutputFile.write(Array("new".utf8), to: link)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == file)
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "new")
    }

    @Test func replacingKeepsPermissionsAndLeavesNoTemporaryFile() throws {
        let directory = try TemporaryDirectory()
        let file = directory.write("baseline.json", "old")
        #expect(chmod(file, 0o640) == 0)
        try OutputFile.write(Array("new".utf8), to: file)
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "new")
        #expect((try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? Int) == 0o640)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["baseline.json"])
        try OutputFile.write(Array("deep".utf8), to: directory.path + "/a/b/c.json")
        #expect(try String(contentsOfFile: directory.path + "/a/b/c.json", encoding: .utf8) == "deep", "missing folders are created")
    }

    @Test func aFullDiskOrAnUnwritablePathIsAClearErrorAndWritesNothing() throws {
        let directory = try TemporaryDirectory()
        #expect(throws: OutputError(path: "/dev/full", reason: "the disk is full (no space left on the device)")) {
            try OutputFile.write(Array(repeating: 65, count: 100_000), to: "/dev/full")
        }
        directory.write("blocker", "x")
        let error = #expect(throws: OutputError.self) { try OutputFile.write(Array("r".utf8), to: directory.path + "/blocker/r.json") }
        #expect(error?.description == "cannot write `\(directory.path)/blocker/r.json`: `\(directory.path)/blocker` is a file, not a folder")
        #expect(OutputFile.problem(writing: directory.path + "/blocker/r.json") != nil)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["blocker"], "nothing half-written")
        if getuid() != 0 {  // root writes anywhere
            let locked = directory.path + "/locked"
            try FileManager.default.createDirectory(atPath: locked, withIntermediateDirectories: true)
            #expect(chmod(locked, 0o555) == 0)
            defer { chmod(locked, 0o755) }
            #expect(OutputFile.problem(writing: locked + "/r.json")?.reason.contains("permission denied") == true)
            #expect(throws: OutputError.self) { try OutputFile.write(Array("r".utf8), to: locked + "/r.json") }
            #expect(try FileManager.default.contentsOfDirectory(atPath: locked).isEmpty)
        }
    }

    /// The CLI killed at many moments while it writes a large report over an earlier one:
    /// the file is always the old report or the complete new one, and no temporary file is
    /// left, whether the signal is SIGTERM (a cancelled CI job) or SIGKILL.
    @Test func killedMidWriteLeavesThePreviousFileAndNoTemporaryFile() throws {
        let binary = try #require(CLITests.binary)
        let directory = try TemporaryDirectory()
        directory.write("rules.yml", """
            ruleset: t
            rules:
              - {id: lead-required, checker: required, target: '$.tasks[*]', fields: [lead, owner, due, title]}
            """)
        var plan = "tasks:\n"
        for i in 0..<2_500 { plan += "  - {id: T\(i)}\n" }
        directory.write("plan.yaml", plan)
        let reports = directory.path + "/reports"
        try FileManager.default.createDirectory(atPath: reports, withIntermediateDirectories: true)
        let report = reports + "/report.json"
        let previous = "{\"previous\": true}\n"
        func start() throws -> Process {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: binary)
            process.arguments = ["check", "--rules", "rules.yml", "plan.yaml", "--format", "json", "--output", report, "-j", "1"]
            process.currentDirectoryURL = URL(fileURLWithPath: directory.path)
            process.standardError = FileHandle.nullDevice
            try process.run()
            return process
        }
        // One whole run says how long a run takes; the report is written at its end.
        let began = Date()
        let whole = try start()
        whole.waitUntilExit()
        let duration = Date().timeIntervalSince(began)
        var killed = 0
        // One kill while checking (well before the report), then kills at the moment the
        // process holds an open file in the reports folder — the unnamed temporary file,
        // which /proc shows as `…/reports/#N (deleted)` — i.e. in the middle of the write.
        for (attempt, sig) in [SIGKILL, SIGTERM, SIGKILL, SIGTERM, SIGKILL].enumerated() {
            try previous.write(toFile: report, atomically: false, encoding: .utf8)
            let process = try start()
            if attempt == 0 {
                usleep(UInt32(duration * 0.3 * 1_000_000))
            } else {
                while process.isRunning && !Self.holdsAFile(in: reports, pid: process.processIdentifier) { usleep(100) }
            }
            kill(process.processIdentifier, sig)
            process.waitUntilExit()
            if process.terminationReason == .uncaughtSignal { killed += 1 }
            let text = try String(contentsOfFile: report, encoding: .utf8)
            let isOld = text == previous
            let isComplete = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) != nil && text.contains("\"summary\"")
            #expect(isOld || isComplete, "attempt \(attempt): the report is half-written (\(text.utf8.count) bytes)")
            #expect(try FileManager.default.contentsOfDirectory(atPath: reports) == ["report.json"], "attempt \(attempt): a temporary file was left")
        }
        #expect(killed > 0, "no attempt was killed while running")
    }

    /// Whether process `pid` has a file of `folder` open (Linux /proc).
    static func holdsAFile(in folder: String, pid: Int32) -> Bool {
        let fds = "/proc/\(pid)/fd"
        for fd in (try? FileManager.default.contentsOfDirectory(atPath: fds)) ?? [] {
            if let target = try? FileManager.default.destinationOfSymbolicLink(atPath: fds + "/" + fd), target.hasPrefix(folder + "/") {
                return true
            }
        }
        return false
    }
}
