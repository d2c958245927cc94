#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads whole files as bytes with one allocation (datasets reach hundreds of megabytes).
public enum FileReader {
    public static func read(_ path: String) throws(LoadError) -> [UInt8] {
        let handle = try openForReading(path)
        defer { fclose(handle) }
        var info = stat()
        guard fstat(fileno(handle), &info) == 0 else {
            throw LoadError(file: path, line: 0, column: 0, message: "cannot read file: \(String(cString: strerror(errno)))")
        }
        var result: [UInt8] = []
        let size = Int(info.st_size)
        if size > 0 {
            result = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
                count = fread(buffer.baseAddress, 1, size, handle)
            }
        }
        // Files that grow while being read (or pipes) are read to their end.
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, 65_536, handle) }
            if n <= 0 { break }
            result.append(contentsOf: chunk[0..<n])
        }
        if ferror(handle) != 0 {
            throw LoadError(file: path, line: 0, column: 0, message: "error while reading the file")
        }
        return result
    }

    /// Opens `path` for reading; a directory is an input error. `fopen` of a FIFO waits until
    /// some process opens it for writing, which may be never (a hang on a hostile path), so the
    /// file is opened without blocking and then switched back to blocking reads: a FIFO with a
    /// writer is read to its end as before, one without reads as empty.
    static func openForReading(_ path: String) throws(LoadError) -> UnsafeMutablePointer<FILE> {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw LoadError(file: path, line: 0, column: 0, message: "cannot open file: \(String(cString: strerror(errno)))")
        }
        var info = stat()
        if fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
            close(descriptor)
            throw LoadError(file: path, line: 0, column: 0, message: "is a directory, expected a file")
        }
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK)
        guard let handle = fdopen(descriptor, "rb") else {
            close(descriptor)
            throw LoadError(file: path, line: 0, column: 0, message: "cannot open file: \(String(cString: strerror(errno)))")
        }
        return handle
    }
}
