internal import CYAML
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads YAML (any number of documents in a stream) into a `Document` using libyaml's event
/// parser. Scalars resolve by the YAML 1.2 core schema, so `2011-06-30` stays a string for the
/// checkers to interpret and `yes` is a string, not a boolean.
public enum YAMLLoader {
    /// - Parameter parallelism: threads that may parse parts of a large file at once (see
    ///   `ParallelYAMLLoader`); the result is the same document whatever the value.
    /// - Parameter recordingQuotes: remember which scalars were quoted, so messages about a
    ///   position inside one (an expression in a rule file) count its opening quote.
    public static func load(bytes: [UInt8], file: String, limits: LoadLimits = .default, parallelism: Int = 1,
                            recordingQuotes: Bool = false) throws(LoadError) -> Document {
        if parallelism > 1, !recordingQuotes,
           let document = ParallelYAMLLoader.load(bytes: bytes, file: file, limits: limits, parallelism: parallelism) {
            return document
        }
        let (roots, storage) = try parse(bytes[...], file: file, limits: limits, lineOffset: 0, recordingQuotes: recordingQuotes)
        return Document(file: file, roots: roots, storage: storage)
    }

    /// Streams the file through libyaml, so the file's bytes are never held in memory (a large
    /// dataset's peak memory is then its node storage alone). A file with a parse error is read
    /// again whole and parsed from memory, where the error message can quote the bytes.
    ///
    /// - Parameter threads: with 2 or more, a file of `pipelineMinimumBytes` or more is parsed
    ///   on one thread and built on another; the document is the same.
    public static func load(path: String, limits: LoadLimits = .default, threads: Int = 1,
                            pipelineMinimumBytes: Int = pipelineMinimumBytes) throws(LoadError) -> Document {
        let handle = try FileReader.openForReading(path)
        var info = stat()
        let size = fstat(fileno(handle), &info) == 0 ? Int(info.st_size) : 0
        var builder = YAMLBuilder(file: path, limits: limits, expectedBytes: size)
        let streamed: Bool
        do {
            streamed = threads >= 2 && size >= pipelineMinimumBytes
                ? try builder.run(pipelined: handle, size: size)
                : try builder.run(file: handle, size: size)
        } catch {
            fclose(handle)
            throw error
        }
        fclose(handle)
        guard streamed else { return try load(bytes: FileReader.read(path), file: path, limits: limits) }
        return Document(file: path, roots: builder.roots, storage: builder.storage)
    }

    /// Below this size a second thread is not worth starting.
    public static let pipelineMinimumBytes = 256 << 10

    /// Parses one stream (or a piece of one whose first line is line `lineOffset + 1`).
    static func parse(_ bytes: ArraySlice<UInt8>, file: String, limits: LoadLimits, lineOffset: Int,
                      recordingQuotes: Bool = false) throws(LoadError) -> (roots: [Int32], storage: NodeStorage) {
        var builder = YAMLBuilder(file: file, limits: limits, expectedBytes: bytes.count)
        builder.lineOffset = lineOffset
        if recordingQuotes { builder.storage.quotedScalars = [] }
        do {
            try bytes.withUnsafeBufferPointer { (buffer) throws(LoadError) in
                try builder.run(buffer)
            }
        }
        return (builder.roots, builder.storage)
    }
}

private struct Frame {
    var container: Int32
    var pendingStart: Int
    var isMap: Bool
    var anchor: String?
    var expandedAtStart: Int
    /// Map nodes named by `<<` merge keys, applied when the map closes.
    var merges: [Int32] = []
    /// Set after a `<<` key until its value arrives.
    var awaitingMerge = false
    /// Duplicate-key detection, linear however wide the map.
    var keys = MapKeyIndex()
}

private struct YAMLBuilder {
    let file: String
    let limits: LoadLimits
    var storage: NodeStorage
    var roots: [Int32] = []
    var frames: [Frame] = []
    var pending: [Int32] = []
    /// Anchor name → (node, number of nodes the node stands for when expanded).
    var anchors: [String: (node: Int32, expanded: Int)] = [:]
    /// Nodes a full traversal would visit, counting every alias as its whole target.
    var expanded = 0
    /// Added to every line number (when parsing a piece of a file).
    var lineOffset = 0

    init(file: String, limits: LoadLimits, expectedBytes: Int) {
        self.file = file
        self.limits = limits
        self.storage = NodeStorage(expectedBytes: expectedBytes)
        pending.reserveCapacity(256)
    }

    /// Parses from an open file; false when libyaml reports an error (the caller re-parses from
    /// memory for a precise message). Errors of the document itself (duplicate keys, …) throw.
    mutating func run(file: UnsafeMutablePointer<FILE>, size: Int) throws(LoadError) -> Bool {
        if size > limits.maxFileBytes {
            throw LoadError(file: self.file, line: 1, column: 1, message: "file is larger than the \(limits.maxFileBytes)-byte limit")
        }
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else {
            throw LoadError(file: self.file, line: 1, column: 1, message: "could not initialise the YAML parser (out of memory)")
        }
        defer { yaml_parser_delete(&parser) }
        yaml_parser_set_input_file(&parser, file)
        var event = yaml_event_t()
        while true {
            guard yaml_parser_parse(&parser, &event) == 1 else { return false }
            defer { yaml_event_delete(&event) }
            let view = YAMLEvent(event)
            if view.kind == .streamEnd { return true }
            try handle(view)
        }
    }

    /// `run(file:size:)` on two threads: libyaml parses on one and copies its events into
    /// chunks; this thread builds the document from them. libyaml is the slower half, so the
    /// building disappears behind it (docs/performance.md).
    mutating func run(pipelined file: UnsafeMutablePointer<FILE>, size: Int) throws(LoadError) -> Bool {
        if size > limits.maxFileBytes {
            throw LoadError(file: self.file, line: 1, column: 1, message: "file is larger than the \(limits.maxFileBytes)-byte limit")
        }
        let queue = EventChunkQueue(depth: 4)
        let producer = YAMLEventProducer(file: file, queue: queue)
        guard producer.start() else { return try run(file: file, size: size) }
        defer { producer.join() }
        var failure: LoadError?
        while true {
            let chunk = queue.take()
            if failure == nil {
                do throws(LoadError) {
                    try chunk.forEach { (event) throws(LoadError) in try handle(event) }
                } catch {
                    // Stop the parser, but wait for its last chunk: it still reads the file.
                    failure = error
                    queue.cancelled.store(true, ordering: .relaxed)
                }
            }
            let isLast = chunk.isLast, failed = chunk.failed
            queue.recycle(chunk)
            guard isLast else { continue }
            // The document's own error came first in the stream, as it does sequentially.
            if let failure { throw failure }
            return !failed
        }
    }

    mutating func run(_ input: UnsafeBufferPointer<UInt8>) throws(LoadError) {
        if input.count > limits.maxFileBytes {
            throw LoadError(file: file, line: 1, column: 1, message: "file is larger than the \(limits.maxFileBytes)-byte limit")
        }
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else {
            throw LoadError(file: file, line: 1, column: 1, message: "could not initialise the YAML parser (out of memory)")
        }
        defer { yaml_parser_delete(&parser) }
        if let base = input.baseAddress {
            yaml_parser_set_input_string(&parser, base, input.count)
        } else {
            var empty: UInt8 = 0
            yaml_parser_set_input_string(&parser, &empty, 0)
        }
        var event = yaml_event_t()
        while true {
            guard yaml_parser_parse(&parser, &event) == 1 else {
                throw parserError(parser, input)
            }
            defer { yaml_event_delete(&event) }
            let view = YAMLEvent(event)
            if view.kind == .streamEnd { break }
            try handle(view)
        }
    }

    mutating func handle(_ event: YAMLEvent) throws(LoadError) {
        let line = event.line + 1 + lineOffset
        let column = event.column + 1
        switch event.kind {
        case .scalar:
            let buffer = event.value
            let id: Int32
            // Read the top frame in place (`frames.last` would copy it, retaining its arrays).
            let top = frames.count - 1
            let isKey = top >= 0 && frames[top].isMap && !frames[top].awaitingMerge && (pending.count - frames[top].pendingStart) % 2 == 0
            if event.resolves {
                id = resolvePlain(buffer, line: line, column: column, isKey: isKey)
            } else {
                id = storage.appendString(buffer, line: line, column: column, isKey: isKey)
            }
            expanded += 1
            if event.isQuoted, storage.quotedScalars != nil { storage.quotedScalars!.append(id) }
            if let anchor = event.anchor { anchors[String(decoding: anchor, as: UTF8.self)] = (id, 1) }
            try add(id, line: line, column: column, plainMergeKey: event.isPlain && buffer.count == 2 && buffer[0] == 0x3C && buffer[1] == 0x3C)
        case .sequenceStart, .mappingStart:
            let isMap = event.kind == .mappingStart
            if frames.count >= limits.maxDepth {
                throw LoadError(file: file, line: line, column: column,
                                message: "nesting is deeper than \(limits.maxDepth) levels")
            }
            let id = storage.append(isMap ? .map : .list, line: line, column: column, payload: 0, count: 0)
            expanded += 1
            frames.append(Frame(container: id, pendingStart: pending.count, isMap: isMap,
                                anchor: event.anchor.map { String(decoding: $0, as: UTF8.self) }, expandedAtStart: expanded))
        case .sequenceEnd, .mappingEnd:
            let frame = frames.removeLast()
            let id = frame.container
            if frame.merges.isEmpty {
                storage.close(container: id, with: pending[frame.pendingStart...], isMap: frame.isMap)
            } else {
                storage.close(container: id, with: mergedEntries(frame)[...], isMap: true)
            }
            pending.removeSubrange(frame.pendingStart...)
            if let anchor = frame.anchor {
                anchors[anchor] = (id, expanded - frame.expandedAtStart + 1)
            }
            try add(id, line: storage.positions.line(id), column: storage.positions.column(id), plainMergeKey: false)
        case .alias:
            let name = String(decoding: event.value, as: UTF8.self)
            guard let target = anchors[name] else {
                throw LoadError(file: file, line: line, column: column, message: "alias *\(name) names no anchor defined before it")
            }
            expanded += target.expanded
            // Only what aliases add counts: a large file of plain nodes (23 million for a
            // million tasks) is no bomb, and its nodes are stored one by one anyway.
            if expanded - storage.kinds.count > limits.maxExpandedNodes {
                throw LoadError(file: file, line: line, column: column,
                                message: "aliases expand to more than \(limits.maxExpandedNodes) nodes (an alias bomb?); refusing to read further")
            }
            try add(target.node, line: line, column: column, plainMergeKey: false)
        default:
            break // stream/document start, document end: nothing to build.
        }
    }

    /// Places a finished node in its container, or makes it a document root.
    mutating func add(_ id: Int32, line: Int, column: Int, plainMergeKey: Bool) throws(LoadError) {
        guard !frames.isEmpty else {
            roots.append(id)
            return
        }
        let top = frames.count - 1
        guard frames[top].isMap else {
            pending.append(id)
            return
        }
        if frames[top].awaitingMerge {
            frames[top].awaitingMerge = false
            try addMergeSource(id, line: line, column: column)
            return
        }
        let isKey = (pending.count - frames[top].pendingStart) % 2 == 0
        guard isKey else {
            pending.append(id)
            return
        }
        if plainMergeKey {
            frames[top].awaitingMerge = true
            return
        }
        let kind = storage.kinds[Int(id)]
        guard kind == .string else {
            let what = kind == .list || kind == .map ? "a \(kind.name)" : "\(kind.name) `\(Self.text(of: id, in: storage))`"
            throw LoadError(file: file, line: line, column: column,
                            message: "expected a string as mapping key, found \(what); quote the key to make it a string")
        }
        if let other = frames[top].keys.duplicate(of: id, in: pending, from: frames[top].pendingStart, storage: &storage) {
            let name = Self.text(of: id, in: storage)
            throw LoadError(file: file, line: line, column: column,
                            message: "duplicate key `\(name)` (first defined at line \(storage.positions.line(other)), column \(storage.positions.column(other)))")
        }
        pending.append(id)
    }

    mutating func addMergeSource(_ id: Int32, line: Int, column: Int) throws(LoadError) {
        let top = frames.count - 1
        switch storage.kinds[Int(id)] {
        case .map:
            frames[top].merges.append(id)
        case .list:
            let start = Int(storage.payloads[Int(id)]), n = Int(storage.counts[Int(id)])
            for i in 0..<n {
                let item = storage.children[start + i]
                guard storage.kinds[Int(item)] == .map else {
                    throw LoadError(file: file, line: line, column: column, message: "a `<<` merge key takes a map or a list of maps")
                }
                frames[top].merges.append(item)
            }
        default:
            throw LoadError(file: file, line: line, column: column, message: "a `<<` merge key takes a map or a list of maps")
        }
    }

    /// Explicit entries first, then merged ones whose keys the map does not define itself.
    mutating func mergedEntries(_ frame: Frame) -> [Int32] {
        var result = Array(pending[frame.pendingStart...])
        var keys = MapKeyIndex()
        for source in frame.merges {
            let start = Int(storage.payloads[Int(source)]), n = Int(storage.counts[Int(source)])
            for i in 0..<n {
                let key = storage.children[start + 2 * i]
                if keys.duplicate(of: key, in: result, from: 0, storage: &storage) == nil {
                    result.append(key)
                    result.append(storage.children[start + 2 * i + 1])
                }
            }
        }
        return result
    }

    static func text(of id: Int32, in storage: NodeStorage) -> String {
        switch storage.kinds[Int(id)] {
        case .string:
            let o = Int(storage.payloads[Int(id)]), n = Int(storage.counts[Int(id)])
            return String(decoding: storage.bytes[o..<o + n], as: UTF8.self)
        case .integer: return String(storage.number(id))
        case .double: return Node.format(Double(bitPattern: UInt64(bitPattern: storage.number(id))))
        case .bool: return storage.payloads[Int(id)] != 0 ? "true" : "false"
        case .null: return "null"
        case .list: return "[…]"
        case .map: return "{…}"
        }
    }

    mutating func resolvePlain(_ s: UnsafeBufferPointer<UInt8>, line: Int, column: Int, isKey: Bool) -> Int32 {
        if let scalar = ScalarResolver.resolve(s) {
            switch scalar {
            case .null: return storage.append(.null, line: line, column: column, payload: 0, count: 0)
            case .bool(let b): return storage.append(.bool, line: line, column: column, payload: b ? 1 : 0, count: 0)
            case .integer(let i): return storage.append(.integer, line: line, column: column, payload: i, count: 0)
            case .double(let d): return storage.append(.double, line: line, column: column, payload: Int64(bitPattern: d.bitPattern), count: 0)
            }
        }
        return storage.appendString(s, line: line, column: column, isKey: isKey)
    }

    func parserError(_ parser: yaml_parser_t, _ input: UnsafeBufferPointer<UInt8>) -> LoadError {
        let problem = parser.problem.map { String(cString: $0) } ?? "malformed YAML"
        var line: Int, column: Int
        if parser.error == YAML_READER_ERROR {
            (line, column) = LoadError.position(of: parser.problem_offset, in: input)
            let offset = parser.problem_offset
            let detail = parser.problem_value >= 0 ? " (byte 0x" + String(parser.problem_value, radix: 16, uppercase: true) + " at offset \(offset))" : " (at byte offset \(offset))"
            return LoadError(file: file, line: line, column: column,
                             message: "not valid UTF-8/UTF-16 text: \(problem)\(detail)")
        }
        line = Int(parser.problem_mark.line) + 1 + lineOffset
        column = Int(parser.problem_mark.column) + 1
        var message = problem
        if let context = parser.context.map({ String(cString: $0) }) {
            message += " " + context
        }
        let offset = Int(parser.problem_mark.index)
        if offset < input.count, input[offset] == 0x09 {
            message = "a tab character cannot be used for indentation in YAML; indent with spaces (\(message))"
        } else if problem.contains("did not find expected") || problem.contains("could not find expected") {
            message += " — is the file truncated or a bracket/quote left open?"
        }
        return LoadError(file: file, line: line, column: column, message: message)
    }
}

/// A resolved non-string plain scalar.
enum ResolvedScalar: Equatable {
    case null
    case bool(Bool)
    case integer(Int64)
    case double(Double)
}

/// The YAML 1.2 core schema's resolution of plain scalars.
enum ScalarResolver {
    static func resolve(_ s: UnsafeBufferPointer<UInt8>) -> ResolvedScalar? {
        let n = s.count
        if n == 0 { return .null }
        let first = s[0]
        // Fast exit for the common case of text: anything not starting like a number/keyword.
        switch first {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."):
            return number(s)
        case UInt8(ascii: "~"):
            return n == 1 ? .null : nil
        case UInt8(ascii: "n"), UInt8(ascii: "N"):
            return equals(s, "null") || equals(s, "Null") || equals(s, "NULL") ? .null : nil
        case UInt8(ascii: "t"), UInt8(ascii: "T"):
            return equals(s, "true") || equals(s, "True") || equals(s, "TRUE") ? .bool(true) : nil
        case UInt8(ascii: "f"), UInt8(ascii: "F"):
            return equals(s, "false") || equals(s, "False") || equals(s, "FALSE") ? .bool(false) : nil
        default:
            return nil
        }
    }

    static func equals(_ s: UnsafeBufferPointer<UInt8>, _ word: StaticString) -> Bool {
        guard s.count == word.utf8CodeUnitCount else { return false }
        let w = word.utf8Start
        for i in 0..<s.count where s[i] != w[i] { return false }
        return true
    }

    static func number(_ s: UnsafeBufferPointer<UInt8>) -> ResolvedScalar? {
        let n = s.count
        var i = 0
        var negative = false
        if s[0] == UInt8(ascii: "-") || s[0] == UInt8(ascii: "+") { negative = s[0] == UInt8(ascii: "-"); i = 1 }
        guard i < n else { return nil }
        // Hex and octal integers (no sign allowed by the core schema).
        if i == 0, n > 2, s[0] == UInt8(ascii: "0"), s[1] == UInt8(ascii: "x") || s[1] == UInt8(ascii: "o") {
            let radix: Int64 = s[1] == UInt8(ascii: "x") ? 16 : 8
            var value: Int64 = 0
            for j in 2..<n {
                guard let digit = digitValue(s[j], radix: radix) else { return nil }
                let (m, o1) = value.multipliedReportingOverflow(by: radix)
                let (a, o2) = m.addingReportingOverflow(digit)
                if o1 || o2 { return nil }
                value = a
            }
            return .integer(value)
        }
        // Decimal integer: the common case, parsed without allocation.
        var value: Int64 = 0
        var j = i
        var overflow = false
        while j < n, s[j] >= 0x30, s[j] <= 0x39 {
            let (m, o1) = value.multipliedReportingOverflow(by: 10)
            let (a, o2) = m.addingReportingOverflow(Int64(s[j] - 0x30))
            overflow = overflow || o1 || o2
            value = a
            j += 1
        }
        if j == n, j > i, !overflow { return .integer(negative ? -value : value) }
        // Special floats.
        let rest = UnsafeBufferPointer(rebasing: s[i...])
        if equals(rest, ".inf") || equals(rest, ".Inf") || equals(rest, ".INF") { return .double(negative ? -.infinity : .infinity) }
        if i == 0, equals(s, ".nan") || equals(s, ".NaN") || equals(s, ".NAN") { return .double(.nan) }
        // Float per the core schema: [-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?
        var k = i, digits = 0
        while k < n, s[k] >= 0x30, s[k] <= 0x39 { k += 1; digits += 1 }
        if k < n, s[k] == UInt8(ascii: ".") {
            k += 1
            while k < n, s[k] >= 0x30, s[k] <= 0x39 { k += 1; digits += 1 }
        }
        guard digits > 0 else { return nil }
        if k < n, s[k] == UInt8(ascii: "e") || s[k] == UInt8(ascii: "E") {
            k += 1
            if k < n, s[k] == UInt8(ascii: "-") || s[k] == UInt8(ascii: "+") { k += 1 }
            var expDigits = 0
            while k < n, s[k] >= 0x30, s[k] <= 0x39 { k += 1; expDigits += 1 }
            guard expDigits > 0 else { return nil }
        }
        guard k == n, let d = Double(String(decoding: s, as: UTF8.self)) else { return nil }
        return .double(d)
    }

    static func digitValue(_ b: UInt8, radix: Int64) -> Int64? {
        let v: Int64
        switch b {
        case 0x30...0x39: v = Int64(b - 0x30)
        case 0x61...0x66: v = Int64(b - 0x61 + 10)
        case 0x41...0x46: v = Int64(b - 0x41 + 10)
        default: return nil
        }
        return v < radix ? v : nil
    }
}
