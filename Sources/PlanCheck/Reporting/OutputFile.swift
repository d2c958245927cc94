#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes what PlanCheck produces (reports, baselines, starter files) so that nothing is ever
/// left half-written and nothing that is not a regular file is ever replaced.
///
/// - A regular file, or a path that does not exist yet, is written **atomically**: the bytes go
///   to an unnamed temporary file in the same folder (Linux `O_TMPFILE`, which vanishes if the
///   process is killed, even by SIGKILL), which is then given a name and renamed over the
///   target. Where `O_TMPFILE` is unsupported a named temporary file is used, and SIGINT,
///   SIGTERM and SIGHUP remove it before the process ends. A symbolic link to a regular file
///   stays a link: its target is replaced.
/// - Anything else — `/dev/stdout`, `/dev/stderr`, `/dev/fd/N` (a shell's process
///   substitution), `/proc/self/fd/N`, a FIFO, a terminal, `/dev/null`, `/dev/full` — is written
///   **directly**. Renaming over `/dev/stderr` would replace the device link with a regular
///   file (as root, the usual case in CI containers), and the report would never reach the
///   stream.
/// - Missing parent folders are created.
///
/// Errors say what went wrong in words (`OutputError`), never a Foundation error dump.
public enum OutputFile {
    /// How `path` will be written.
    public enum Method: Equatable, Sendable {
        /// An already open descriptor of this process (`/dev/stderr` is 2).
        case descriptor(Int32)
        /// A device, FIFO or socket, opened and written in place.
        case inPlace(String)
        /// A regular file or a new path, replaced atomically (`path` is the resolved target).
        case atomic(String)
    }

    /// Writes `bytes` to `path` (`-` is standard output).
    public static func write(_ bytes: [UInt8], to path: String) throws(OutputError) {
        switch method(for: path) {
        case .descriptor(let fd):
            try writeAll(bytes, to: fd, path: path)
        case .inPlace(let target):
            let fd = open(target, O_WRONLY | O_CLOEXEC)
            guard fd >= 0 else { throw OutputError(path: path, errno: errno) }
            defer { close(fd) }
            try writeAll(bytes, to: fd, path: path)
        case .atomic(let target):
            try ensureFolder(of: target, for: path)
            try AtomicReplacement.write(bytes, to: target, reportedAs: path)
        }
    }

    /// Checks, before anything is rendered, that `path` can be written: creates its missing
    /// folders and tests permissions. Nil when it looks writable (a full disk shows only when
    /// writing).
    public static func problem(writing path: String) -> OutputError? {
        switch method(for: path) {
        case .descriptor(let fd):
            return fcntl(fd, F_GETFD) == -1 ? OutputError(path: path, reason: "descriptor \(fd) is not open in this process") : nil
        case .inPlace(let target):
            return access(target, W_OK) == 0 ? nil : OutputError(path: path, errno: errno)
        case .atomic(let target):
            do throws(OutputError) { try ensureFolder(of: target, for: path) } catch { return error }
            let folder = FileSystem.directory(of: target)
            if access(folder, W_OK | X_OK) != 0 { return OutputError(path: path, errno: errno, folder: folder) }
            if FileSystem.exists(target), access(target, W_OK) != 0 { return OutputError(path: path, errno: errno) }
            return nil
        }
    }

    /// Decides how `path` is written; see the type's discussion.
    public static func method(for path: String) -> Method {
        if path == "-" || path == "/dev/stdout" { return .descriptor(STDOUT_FILENO) }
        if path == "/dev/stderr" { return .descriptor(STDERR_FILENO) }
        for prefix in ["/dev/fd/", "/proc/self/fd/"] where path.hasPrefix(prefix) {
            if let fd = Int32(path.dropFirst(prefix.count)), fd >= 0 { return .descriptor(fd) }
        }
        // Follow links so a link to a report file keeps being a link, and a link to a device
        // is written as the device.
        let target = resolved(path)
        var info = stat()
        guard lstat(target, &info) == 0 else { return .atomic(target) }  // new path
        return (info.st_mode & S_IFMT) == S_IFREG ? .atomic(target) : .inPlace(target)
    }

    /// `path` with symbolic links resolved; itself when it does not exist yet.
    static func resolved(_ path: String) -> String {
        guard let real = realpath(path, nil) else { return path }
        defer { free(real) }
        return String(cString: real)
    }

    static func ensureFolder(of target: String, for path: String) throws(OutputError) {
        let folder = FileSystem.directory(of: target)
        var info = stat()
        if stat(folder, &info) == 0 {
            if (info.st_mode & S_IFMT) != S_IFDIR { throw OutputError(path: path, reason: "`\(folder)` is a file, not a folder") }
            return
        }
        if errno != ENOENT { throw OutputError(path: path, errno: errno, folder: folder) }
        try ensureFolder(of: folder, for: path)
        if mkdir(folder, 0o777) != 0 && errno != EEXIST {
            throw OutputError(path: path, reason: "cannot create the folder `\(folder)`: \(OutputError.words(for: errno))")
        }
    }

    static func writeAll(_ bytes: [UInt8], to fd: Int32, path: String) throws(OutputError) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { buffer in
                systemWrite(fd, buffer.baseAddress! + offset, min(bytes.count - offset, 1 << 20))
            }
            if written < 0 {
                if errno == EINTR { continue }
                throw OutputError(path: path, errno: errno)
            }
            offset += written
        }
    }
}

/// Why an output could not be written, in words: `cannot write plancheck.sarif: the disk is full`.
public struct OutputError: Error, Sendable, Equatable, CustomStringConvertible {
    public var path: String
    public var reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    init(path: String, errno code: Int32, folder: String? = nil) {
        let words = Self.words(for: code)
        self.init(path: path, reason: folder.map { "the folder `\($0)` cannot be written: \(words)" } ?? words)
    }

    public var description: String { "cannot write `\(path)`: \(reason)" }

    static func words(for code: Int32) -> String {
        switch code {
        case EACCES, EPERM: "permission denied"
        case ENOSPC: "the disk is full (no space left on the device)"
        case EDQUOT: "the disk quota is exhausted"
        case EROFS: "the file system is read-only"
        case ENOTDIR: "a part of the path is a file, not a folder"
        case EISDIR: "it is a folder"
        case ENOENT: "a folder on the path does not exist"
        case EPIPE: "the reading end of the pipe is closed"
        case EBADF: "the descriptor is not open"
        case ENAMETOOLONG: "the path is too long"
        default: String(cString: strerror(code))
        }
    }
}

/// `write(2)`, named apart from `OutputFile.write`.
func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
    Glibc.write(fd, buffer, count)
    #else
    Darwin.write(fd, buffer, count)
    #endif
}
