/// A dataset, rule file or config that cannot be read. Always located: the CLI prints it as
/// `file:line:column: error: message` and exits with code 2.
public struct LoadError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int
    public var message: String

    public init(file: String, line: Int, column: Int, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    public init(at node: Node, _ message: String) {
        self.init(file: node.document.file, line: node.line, column: node.column, message: message)
    }

    /// `file:line:column: error: message`; a problem with the file as a whole (a missing file,
    /// an unwritable output) has no position and prints `file: error: message`.
    public var description: String { line >= 1 ? "\(file):\(line):\(column): error: \(message)" : "\(file): error: \(message)" }
}

extension LoadError {
    /// Line and column (1-based, columns in characters) of a byte offset in `bytes`.
    static func position(of offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (line: Int, column: Int) {
        var line = 1, column = 1
        var i = 0
        let end = min(offset, bytes.count)
        while i < end {
            let b = bytes[i]
            if b == 0x0A { line += 1; column = 1 } else if b & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        return (line, column)
    }
}
