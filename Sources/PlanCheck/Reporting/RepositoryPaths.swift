/// Repository-relative paths for reports and baselines. CI services (GitHub code scanning,
/// GitLab) resolve report paths against the repository root, and a baseline must survive
/// checking the repository out elsewhere, so neither may hold an absolute or cwd-relative path.
public enum RepositoryPaths {
    /// The nearest folder at or above `directory` holding `.git` (a folder, or a file in a
    /// worktree or submodule); nil outside a repository.
    public static func root(from directory: String = FileSystem.currentDirectory) -> String? {
        var current = absolute(directory)
        while true {
            if FileSystem.exists(FileSystem.join(current, ".git")) { return current }
            if current == "/" || current.isEmpty { return nil }
            current = FileSystem.directory(of: current)
        }
    }

    /// `path` made absolute against the current directory and normalized.
    public static func absolute(_ path: String) -> String {
        FileSystem.normalize(path.hasPrefix("/") ? path : FileSystem.currentDirectory + "/" + path)
    }

    /// `path` relative to `root`; unchanged (normalized) when it lies outside `root` or `root` is nil.
    public static func relative(_ path: String, to root: String?) -> String {
        guard let root else { return FileSystem.normalize(path) }
        let full = absolute(path)
        let base = FileSystem.normalize(root)
        if base == "/" { return String(full.dropFirst()) }
        if full.hasPrefix(base + "/") { return String(full.dropFirst(base.count + 1)) }
        return FileSystem.normalize(path)
    }

    /// A path as an RFC 3986 URI reference: unreserved bytes and `/` kept, everything else
    /// (spaces, CJK file names) percent-encoded as UTF-8.
    public static func uriReference(_ path: String) -> String {
        var out = ""
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
                 UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                out += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return out
    }
}
