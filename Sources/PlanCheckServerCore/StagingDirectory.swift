import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A private folder (mode 0700, a fresh random name from mkdtemp) holding one request's uploads
/// under their checked names. It exists only while `withStaged` runs: it is removed on every
/// path out, errors included. The library reads datasets, inline suppressions and the audit by
/// path, so staging them is what keeps the server's answers identical to the CLI's.
public enum StagingDirectory {
    /// Where the private folders are made by default (the system's temporary folder).
    public static var systemParent: String { FileManager.default.temporaryDirectory.path }

    public static func withStaged<R>(_ files: [UploadedFile], in parent: String,
                                     _ body: (_ folder: String, _ paths: [String]) throws(APIError) -> R) throws(APIError) -> R {
        let folder = try make(in: parent)
        defer { remove(folder) }
        var paths: [String] = []
        for file in files {
            // `UploadFileName.problem` already refused separators and dots; check again here,
            // where a name becomes a path, so this function is safe on its own.
            guard UploadFileName.problem(with: file.name) == nil else { throw APIError(400, "the file name `\(file.name)` is not a plain name") }
            let path = folder + "/" + file.name
            try write(file.bytes, to: path)
            paths.append(path)
        }
        return try body(folder, paths)
    }

    static func make(in parent: String) throws(APIError) -> String {
        var template = Array((parent + "/plancheck-server-XXXXXX").utf8CString)
        let made = template.withUnsafeMutableBufferPointer { buffer in mkdtemp(buffer.baseAddress!) }
        guard made != nil else { throw APIError(500, "the server cannot make a temporary folder") }
        return String(cString: template.map { UInt8(bitPattern: $0) })
    }

    static func write(_ bytes: [UInt8], to path: String) throws(APIError) {
        // O_EXCL: never follow or reuse something already there.
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw APIError(500, "the server cannot stage an upload") }
        defer { close(fd) }
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { raw in Glibc.write(fd, raw.baseAddress! + offset, raw.count - offset) }
            if written <= 0 { throw APIError(500, "the server cannot stage an upload") }
            offset += written
        }
    }

    static func remove(_ folder: String) {
        try? FileManager.default.removeItem(atPath: folder)
    }
}
