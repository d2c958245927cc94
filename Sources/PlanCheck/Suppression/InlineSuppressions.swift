#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Inline suppressions: YAML comments such as
///
/// ```yaml
/// # plancheck: disable=task-owner-required — the owner is appointed in Q3
/// - id: T7
///   title: …
/// - id: T8   # plancheck: disable=task-deadline-required,task-owner-required -- pilot task
/// ```
///
/// A comment alone on its line applies to the next line that is neither blank nor a comment; a
/// comment after content applies to its own line. A finding is suppressed when that line is the
/// line of its record or of the finding itself. Several rule ids are separated by commas; a rule
/// id also covers its sub-kinds (`deadline` covers `deadline.overdue`). The reason after `—`,
/// `--`, `-` or `:` is required.
///
/// libyaml does not report comments, so the dataset's bytes are scanned here, after checking,
/// and only for files that need it; a file without the marker costs one byte search.
public struct InlineSuppression: Sendable, Hashable {
    public var file: String
    /// The comment's line and column.
    public var line: Int
    public var column: Int
    public var rules: [String]
    public var reason: String
    /// The line the suppression covers.
    public var appliesTo: Int

    /// True when the suppression names `rule` or its base id.
    public func covers(rule: String) -> Bool {
        rules.contains { $0 == rule || rule.hasPrefix($0 + ".") }
    }
}

public enum InlineSuppressions {
    static let marker = Array("plancheck:".utf8)

    /// Reads `file` and returns its suppressions and the malformed ones as errors. JSON has no
    /// comments, so JSON files are skipped.
    public static func scan(file: String) -> (suppressions: [InlineSuppression], errors: [LoadError]) {
        if file.lowercased().hasSuffix(".json") { return ([], []) }
        guard mayContainDirective(file: file), let bytes = try? FileReader.read(file) else { return ([], []) } // the engine reported it
        return scan(bytes: bytes, file: file)
    }

    /// False when no `#` in the file is followed by `plancheck:`: read in blocks, jumping from
    /// `#` to `#` with `memchr`, so a large dataset without directives costs one pass at memory
    /// speed and no copy of the file. Unsure (a block ends mid-comment) counts as true.
    static func mayContainDirective(file: String) -> Bool {
        guard let handle = fopen(file, "rb") else { return false }
        defer { fclose(handle) }
        let blockSize = 1 << 20
        let block = UnsafeMutablePointer<UInt8>.allocate(capacity: blockSize)
        defer { block.deallocate() }
        while true {
            let n = fread(block, 1, blockSize, handle)
            if n <= 0 { return false }
            var start = 0
            while start < n, let hit = memchr(block + start, Int32(UInt8(ascii: "#")), n - start) {
                var i = block.distance(to: hit.assumingMemoryBound(to: UInt8.self)) + 1
                while i < n, block[i] == 0x20 || block[i] == 0x09 { i += 1 }
                if n - i < marker.count {
                    if n == blockSize { return true } // the comment goes on in the next block
                    break // the file ends first
                }
                if memcmp(block + i, marker, marker.count) == 0 { return true }
                start = i
            }
        }
    }

    public static func scan(bytes: [UInt8], file: String) -> (suppressions: [InlineSuppression], errors: [LoadError]) {
        guard bytes.withUnsafeBufferPointer({ contains($0, marker) }) else { return ([], []) }
        var suppressions: [InlineSuppression] = []
        var errors: [LoadError] = []
        // Own-line comments wait for the next content line.
        var pending: [InlineSuppression] = []
        var lineNumber = 0
        var start = 0
        while start <= bytes.count {
            var end = start
            while end < bytes.count && bytes[end] != 0x0A { end += 1 }
            lineNumber += 1
            let line = bytes[start..<end]
            let trimmed = line.drop { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
            let isBlank = trimmed.isEmpty || trimmed.allSatisfy { $0 == 0x0D }
            let isCommentOnly = trimmed.first == UInt8(ascii: "#")
            if !isBlank && !isCommentOnly {
                for var p in pending { p.appliesTo = lineNumber; suppressions.append(p) }
                pending.removeAll()
            }
            if contains(line, marker), let hash = commentStart(line) {
                let comment = String(decoding: line[(hash + 1)...], as: UTF8.self)
                let column = String(decoding: line[line.startIndex..<hash], as: UTF8.self).unicodeScalars.count + 1
                switch parse(comment) {
                case .none: break // a comment mentioning plancheck: that is not a directive
                case .some(.failure(let message)):
                    errors.append(LoadError(file: file, line: lineNumber, column: column, message: message.message))
                case .some(.success(let (rules, reason))):
                    let s = InlineSuppression(file: file, line: lineNumber, column: column, rules: rules, reason: reason, appliesTo: lineNumber)
                    if isCommentOnly { pending.append(s) } else { suppressions.append(s) }
                }
            }
            start = end + 1
        }
        return (suppressions, errors)
    }

    struct Malformed: Error { var message: String }

    /// Parses the text after `#`: nil when it is not a `plancheck:` directive.
    static func parse(_ comment: String) -> Result<([String], String), Malformed>? {
        var rest = Substring(comment).drop { $0 == " " || $0 == "\t" }
        guard rest.hasPrefix("plancheck:") else { return nil }
        rest = rest.dropFirst("plancheck:".count).drop { $0 == " " || $0 == "\t" }
        guard rest.hasPrefix("disable=") else {
            return .failure(Malformed(message: "unknown plancheck directive; write `# plancheck: disable=rule-id — reason`"))
        }
        rest = rest.dropFirst("disable=".count)
        let list = rest.prefix { $0 != " " && $0 != "\t" && $0 != "\r" }
        rest = rest.dropFirst(list.count)
        let rules = list.split(separator: ",").map(String.init).filter { !$0.isEmpty }
        guard !rules.isEmpty else {
            return .failure(Malformed(message: "`disable=` names no rule; write `# plancheck: disable=rule-id — reason`"))
        }
        var reason = rest.drop { $0 == " " || $0 == "\t" }
        for separator in ["—", "--", "-", ":", "–"] where reason.hasPrefix(separator) {
            reason = reason.dropFirst(separator.count)
            break
        }
        let text = String(reason).trimmedOf(" \t\r")
        guard !text.isEmpty else {
            return .failure(Malformed(message: "the suppression of \(rules.joined(separator: ", ")) gives no reason; write `# plancheck: disable=\(rules.joined(separator: ",")) — why it is acceptable`"))
        }
        return .success((rules, text))
    }

    /// The index of the `#` starting a YAML comment: at the line start or after white space.
    static func commentStart(_ line: ArraySlice<UInt8>) -> Int? {
        var previous: UInt8 = 0x20
        for i in line.indices {
            if line[i] == UInt8(ascii: "#") && (previous == 0x20 || previous == 0x09) { return i }
            previous = line[i]
        }
        return nil
    }

    /// Byte search: `memchr` jumps to each occurrence of the marker's first byte (the
    /// whole-file scan runs over every dataset that has findings, so it must run at memory
    /// speed), then the rest is compared. (`memmem` is a GNU extension Glibc does not export.)
    static func contains<C: RandomAccessCollection>(_ haystack: C, _ needle: [UInt8]) -> Bool where C.Element == UInt8, C.Index == Int {
        guard haystack.count >= needle.count, let first = needle.first else { return false }
        if let found = haystack.withContiguousStorageIfAvailable({ buffer -> Bool in
            guard let base = buffer.baseAddress else { return false }
            var start = 0
            let last = buffer.count - needle.count
            while start <= last, let hit = memchr(base + start, Int32(first), last - start + 1) {
                let i = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                var j = 1
                while j < needle.count && buffer[i + j] == needle[j] { j += 1 }
                if j == needle.count { return true }
                start = i + 1
            }
            return false
        }) {
            return found
        }
        var i = haystack.startIndex
        let last = haystack.endIndex - needle.count
        while i <= last {
            if haystack[i] == first {
                var j = 1
                while j < needle.count && haystack[i + j] == needle[j] { j += 1 }
                if j == needle.count { return true }
            }
            i += 1
        }
        return false
    }
}

extension String {
    fileprivate func trimmedOf(_ set: String) -> String {
        let chars = Set(set)
        return String(drop { chars.contains($0) }.reversed().drop { chars.contains($0) }.reversed())
    }
}
