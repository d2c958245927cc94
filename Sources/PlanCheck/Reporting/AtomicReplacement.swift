#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Replaces a regular file atomically: readers see the old bytes or the new ones, never a
/// mixture, and a process killed half-way leaves the old file and no temporary file behind.
enum AtomicReplacement {
    static func write(_ bytes: [UInt8], to target: String, reportedAs path: String) throws(OutputError) {
        let folder = FileSystem.directory(of: target)
        // An existing file keeps its permissions; a new one gets the usual 0666 less the umask.
        var info = stat()
        let existingMode: mode_t? = stat(target, &info) == 0 ? info.st_mode & 0o7777 : nil
        if let fd = openUnnamed(in: folder, mode: existingMode ?? 0o666) {
            defer { close(fd) }
            try fill(fd, with: bytes, mode: existingMode, path: path)
            // Name the finished file next to the target, then rename it over the target. Only
            // between these two calls does a named temporary file exist.
            let name = temporaryName(for: target)
            TemporaryFileCleanup.track(name)
            defer { TemporaryFileCleanup.untrack() }
            guard linkat(AT_FDCWD, "/proc/self/fd/\(fd)", AT_FDCWD, name, AT_SYMLINK_FOLLOW) == 0 else {
                throw OutputError(path: path, errno: errno, folder: folder)
            }
            try rename(name, over: target, path: path)
            return
        }
        var template = Array(temporaryPattern(for: target).utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw OutputError(path: path, errno: errno, folder: folder) }
        let name = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        TemporaryFileCleanup.track(name)
        defer { TemporaryFileCleanup.untrack() }
        do throws(OutputError) {
            defer { close(fd) }
            try fill(fd, with: bytes, mode: existingMode ?? (0o666 & ~currentUmask()), path: path)
        } catch {
            unlink(name)
            throw error
        }
        try rename(name, over: target, path: path)
    }

    /// An unnamed file in `folder` (Linux `O_TMPFILE`); nil where the system or file system
    /// lacks it.
    static func openUnnamed(in folder: String, mode: mode_t) -> Int32? {
        #if os(Linux)
        let fd = open(folder, unnamedFileFlag | O_WRONLY | O_CLOEXEC, mode)
        return fd >= 0 ? fd : nil
        #else
        return nil
        #endif
    }

    #if os(Linux)
    /// `O_TMPFILE`, a macro Swift does not import: `__O_TMPFILE | O_DIRECTORY`.
    static let unnamedFileFlag: Int32 = 0o20000000 | O_DIRECTORY
    #endif

    static func fill(_ fd: Int32, with bytes: [UInt8], mode: mode_t?, path: String) throws(OutputError) {
        try OutputFile.writeAll(bytes, to: fd, path: path)
        if let mode { fchmod(fd, mode) }
        // The data reaches the disk before the rename makes it visible.
        if fsync(fd) != 0 && errno != EINVAL { throw OutputError(path: path, errno: errno) }
    }

    static func rename(_ name: String, over target: String, path: String) throws(OutputError) {
        #if canImport(Glibc)
        let renamed = Glibc.rename(name, target)
        #else
        let renamed = Darwin.rename(name, target)
        #endif
        if renamed != 0 {
            let code = errno
            unlink(name)
            throw OutputError(path: path, errno: code)
        }
    }

    /// `.report.sarif.plancheck-XXXXXX` beside the target: hidden, and recognisably ours
    /// (`mkstemp` fills in the X's).
    static func temporaryPattern(for target: String) -> String {
        let base = target.split(separator: "/").last.map(String.init) ?? target
        return FileSystem.join(FileSystem.directory(of: target), ".\(base).plancheck-XXXXXX")
    }

    static func temporaryName(for target: String) -> String {
        String(temporaryPattern(for: target).dropLast(6)) + randomSuffix()
    }

    static func randomSuffix() -> String {
        var generator = SystemRandomNumberGenerator()
        let letters = Array("abcdefghijklmnopqrstuvwxyz0123456789")
        return String((0..<6).map { _ in letters[Int(generator.next() % UInt64(letters.count))] })
    }

    static func currentUmask() -> mode_t {
        let mask = umask(0o022)
        umask(mask)
        return mask
    }
}
