import Foundation
import Testing
@testable import PlanCheck

/// A fresh folder under the system's temporary directory, removed at the end of the test.
final class TemporaryDirectory {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "plancheck-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    @discardableResult
    func write(_ name: String, _ text: String) -> String {
        let file = path + "/" + name
        try? FileManager.default.createDirectory(atPath: FileSystem.directory(of: file), withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: file, contents: Data(text.utf8))
        return file
    }
}

/// The repository root (tests read Examples/ and Rules/ from it).
let repositoryRoot: String = {
    var path = FileSystem.directory(of: #filePath)
    while path != "/" && !FileManager.default.fileExists(atPath: path + "/Package.swift") {
        path = FileSystem.directory(of: path)
    }
    return path
}()

/// `python3` for test oracles (SARIF schema, HTML5 parsing); tests skip when it is absent.
enum Python {
    static let executable: String? = {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let path = String(dir) + "/python3"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }()

    static var available: Bool { executable != nil }

    static func hasModule(_ name: String) -> Bool {
        available && (try? run(["-c", "import \(name)"]).status) == 0
    }

    /// Runs `python3 -c script arguments…`: exit status and standard output + error.
    static func run(_ script: String, arguments: [String]) throws -> (status: Int32, output: String) {
        let result = try run(["-c", script] + arguments)
        return (result.status, result.text)
    }

    /// Runs `python3 arguments…`: exit status and standard output + error.
    static func run(_ arguments: [String]) throws -> (status: Int32, text: String) {
        try runMerged(executable ?? "/usr/bin/python3", arguments)
    }
}

/// Runs a program to its end: exit status and standard output and error in one text.
func runMerged(_ executable: String, _ arguments: [String]) throws -> (status: Int32, text: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}

/// The workplace's shared third-party test data (JSONPath CTS, csv-spectrum, SARIF schema),
/// read where it lies and never copied into the repository: `$PLANCHECK_SHARED`, else a
/// `shared` folder beside the repository or one of its ancestors. Tests that need it are
/// disabled with a message naming what is missing when it is absent.
enum SharedTestData {
    static let root: String? = {
        var candidates: [String] = []
        if let shared = ProcessInfo.processInfo.environment["PLANCHECK_SHARED"] { candidates.append(shared) }
        var dir = repositoryRoot
        while dir != "/" && !dir.isEmpty {
            candidates.append(FileSystem.directory(of: dir) + "/shared")
            dir = FileSystem.directory(of: dir)
        }
        candidates.append("/work/shared")
        return candidates.first { FileManager.default.fileExists(atPath: $0 + "/testdata") }
    }()

    /// The file at `relative` under the shared folder, if present.
    static func path(_ relative: String) -> String? {
        guard let root, FileManager.default.fileExists(atPath: root + "/" + relative) else { return nil }
        return root + "/" + relative
    }
}

/// Rule files several suites share.
enum TestRules {
    /// Two `required` rules on tasks: an owner and a deadline.
    static let ownerAndDeadline = """
        ruleset: t
        rules:
          - id: owner-required
            checker: required
            target: $.tasks[*]
            fields: owner
          - id: deadline-required
            checker: required
            target: $.tasks[*]
            fields: due
        """
}
