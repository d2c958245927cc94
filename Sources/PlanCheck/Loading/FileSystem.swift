import Foundation

/// Path handling and directory walking, kept in one place.
public enum FileSystem {
    public static func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    public static func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path) }

    public static var currentDirectory: String { FileManager.default.currentDirectoryPath }

    public static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// `relative` resolved against `base` (unchanged when absolute), with `./` segments removed.
    public static func join(_ base: String, _ relative: String) -> String {
        if relative.hasPrefix("/") || base == "." || base.isEmpty { return normalize(relative) }
        return normalize(base + "/" + relative)
    }

    /// Removes `.` segments, resolves `x/..` pairs and duplicate slashes (purely textual).
    public static func normalize(_ path: String) -> String {
        let absolute = path.hasPrefix("/")
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == "..", let last = parts.last, last != ".." { parts.removeLast(); continue }
            parts.append(part)
        }
        let joined = parts.joined(separator: "/")
        return absolute ? "/" + joined : (joined.isEmpty ? "." : joined)
    }

    /// Files under `path` (itself when a file) whose extension is in `extensions`, sorted, skipping
    /// hidden files and folders (`.git`, `.build`, `.plancheck.yml`).
    public static func files(under path: String, extensions: Set<String>) -> [String] {
        guard isDirectory(path) else { return [path] }
        var result: [String] = []
        guard let enumerator = FileManager.default.enumerator(atPath: path) else { return [] }
        while let item = enumerator.nextObject() as? String {
            let name = item.split(separator: "/").last.map(String.init) ?? item
            if name.hasPrefix(".") {
                if isDirectory(join(path, item)) { enumerator.skipDescendants() }
                continue
            }
            let ext = name.split(separator: ".").last.map { $0.lowercased() } ?? ""
            // A folder named like a dataset (`2024.yaml/`) is walked, not read as a file.
            if name.contains("."), extensions.contains(ext), !isDirectory(join(path, item)) { result.append(join(path, item)) }
        }
        return result.sorted()
    }

    /// Writes `bytes` to `path`: atomically for a regular file or a new path, directly for a
    /// device, FIFO or `/dev/stderr` (see `OutputFile`), creating missing folders.
    public static func writeAtomically(_ bytes: [UInt8], to path: String) throws(OutputError) {
        try OutputFile.write(bytes, to: path)
    }
}
