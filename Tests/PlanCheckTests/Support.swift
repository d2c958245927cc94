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
