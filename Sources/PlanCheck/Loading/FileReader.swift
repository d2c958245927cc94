#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads whole files as bytes with one allocation (datasets reach hundreds of megabytes).
public enum FileReader {
    public static func read(_ path: String) throws(LoadError) -> [UInt8] {
        guard let handle = fopen(path, "rb") else {
            throw LoadError(file: path, line: 0, column: 0, message: "cannot open file: \(String(cString: strerror(errno)))")
        }
        defer { fclose(handle) }
        var info = stat()
        guard fstat(fileno(handle), &info) == 0 else {
            throw LoadError(file: path, line: 0, column: 0, message: "cannot read file: \(String(cString: strerror(errno)))")
        }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            throw LoadError(file: path, line: 0, column: 0, message: "is a directory, expected a file")
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
}
