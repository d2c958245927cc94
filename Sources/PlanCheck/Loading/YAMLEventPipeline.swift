internal import CYAML
import Dispatch
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One libyaml event as the builder needs it: what it is, where it starts, its bytes.
///
/// The sequential loader makes one over a live `yaml_event_t` (pointing into libyaml's memory);
/// the pipelined loader makes one over a copy in an `EventChunk`. Either way the builder sees
/// the same thing, so the two paths cannot build different documents.
struct YAMLEvent {
    enum Kind: UInt8 {
        case scalar, sequenceStart, mappingStart, sequenceEnd, mappingEnd, alias, other, streamEnd
    }

    var kind: Kind
    /// A plain scalar without a tag: resolved by the core schema (null, booleans, numbers).
    var isPlain: Bool
    /// Resolved by the core schema: plain, or plain-styled with a tag other than `!!str`/`!`.
    var resolves: Bool
    /// A single- or double-quoted scalar (its text starts one column after its mark).
    var isQuoted: Bool
    /// libyaml's 0-based start mark.
    var line: Int
    var column: Int
    /// A scalar's value, or an alias's anchor name.
    var value: UnsafeBufferPointer<UInt8>
    /// The anchor a scalar or collection defines (`&name`), if any.
    var anchor: UnsafeBufferPointer<UInt8>?

    init(kind: Kind, isPlain: Bool, resolves: Bool, isQuoted: Bool, line: Int, column: Int,
         value: UnsafeBufferPointer<UInt8>, anchor: UnsafeBufferPointer<UInt8>?) {
        self.kind = kind
        self.isPlain = isPlain
        self.resolves = resolves
        self.isQuoted = isQuoted
        self.line = line
        self.column = column
        self.value = value
        self.anchor = anchor
    }

    @inline(__always)
    init(_ event: borrowing yaml_event_t) {
        var kind = Kind.other
        var isPlain = false, resolves = false, isQuoted = false
        var value = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
        var anchor: UnsafeMutablePointer<UInt8>?
        switch event.type {
        case YAML_SCALAR_EVENT:
            kind = .scalar
            let scalar = event.data.scalar
            value = UnsafeBufferPointer(start: scalar.value, count: Int(scalar.length))
            let plainStyle = scalar.style == YAML_PLAIN_SCALAR_STYLE
            isPlain = scalar.plain_implicit == 1 && plainStyle
            resolves = isPlain || (plainStyle && scalar.tag != nil && !Self.isStringTag(scalar.tag))
            isQuoted = scalar.style == YAML_SINGLE_QUOTED_SCALAR_STYLE || scalar.style == YAML_DOUBLE_QUOTED_SCALAR_STYLE
            anchor = scalar.anchor
        case YAML_SEQUENCE_START_EVENT:
            kind = .sequenceStart
            anchor = event.data.sequence_start.anchor
        case YAML_MAPPING_START_EVENT:
            kind = .mappingStart
            anchor = event.data.mapping_start.anchor
        case YAML_SEQUENCE_END_EVENT: kind = .sequenceEnd
        case YAML_MAPPING_END_EVENT: kind = .mappingEnd
        case YAML_ALIAS_EVENT:
            kind = .alias
            let name = event.data.alias.anchor!
            value = UnsafeBufferPointer(start: name, count: strlen(name))
        case YAML_STREAM_END_EVENT: kind = .streamEnd
        default: break
        }
        self.init(kind: kind, isPlain: isPlain, resolves: resolves, isQuoted: isQuoted,
                  line: Int(event.start_mark.line), column: Int(event.start_mark.column), value: value,
                  anchor: anchor.map { UnsafeBufferPointer(start: $0, count: strlen($0)) })
    }

    static func isStringTag(_ tag: UnsafeMutablePointer<UInt8>?) -> Bool {
        guard let tag else { return false }
        let s = String(cString: tag)
        return s == "tag:yaml.org,2002:str" || s == "!"
    }
}

/// A run of events copied out of libyaml, handed from the parsing thread to the building one.
///
/// The parsing thread is the slower of the two, so its share must be small: an event is one
/// fixed-size entry and its bytes one `memcpy`, into buffers allocated once per chunk and reused
/// (passing libyaml's own events instead, to be deleted by the builder, measured slower: glibc
/// frees memory from another thread's arena under a lock).
final class EventChunk: @unchecked Sendable {
    // Used by one thread at a time: the queue's semaphores order the hand-over.
    struct Entry {
        var kind: YAMLEvent.Kind
        var isPlain: Bool
        var resolves: Bool
        var isQuoted: Bool
        var hasAnchor: Bool
        var line: UInt32
        var column: UInt32
        var valueLength: UInt32
        var anchorLength: UInt32
    }

    /// Events per chunk: large enough that handing over costs nothing measurable, small enough
    /// that both threads start working at once and the chunks in flight stay small.
    static let capacity = 4096

    private let entries: UnsafeMutablePointer<Entry>
    private(set) var count = 0
    /// Every entry's value then anchor bytes, in order.
    private var bytes: UnsafeMutablePointer<UInt8>
    private var byteCapacity: Int
    private var byteCount = 0
    /// libyaml failed: the caller parses again from memory for a precise message.
    var failed = false
    /// The last chunk of the stream (or of a cancelled parse).
    var isLast = false

    init() {
        entries = .allocate(capacity: Self.capacity)
        byteCapacity = 64 << 10
        bytes = .allocate(capacity: byteCapacity)
    }

    deinit {
        entries.deallocate()
        bytes.deallocate()
    }

    var isFull: Bool { count == Self.capacity }

    func reset() {
        count = 0
        byteCount = 0
        failed = false
        isLast = false
    }

    @inline(__always)
    private func copy(_ source: UnsafePointer<UInt8>?, _ length: Int) {
        guard length > 0, let source else { return }
        if byteCount + length > byteCapacity {
            let grown = max(byteCapacity * 2, byteCount + length)
            let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
            larger.initialize(from: bytes, count: byteCount)
            bytes.deallocate()
            bytes = larger
            byteCapacity = grown
        }
        (bytes + byteCount).initialize(from: source, count: length)
        byteCount += length
    }

    /// Copies what the builder needs of `event` (libyaml's, deleted by the caller after).
    @inline(__always)
    func append(_ event: UnsafePointer<yaml_event_t>) {
        let view = YAMLEvent(event.pointee)
        guard view.kind != .other && view.kind != .streamEnd else { return } // boundaries build nothing
        let anchorLength = view.anchor?.count ?? 0
        (entries + count).initialize(to: Entry(
            kind: view.kind, isPlain: view.isPlain, resolves: view.resolves, isQuoted: view.isQuoted, hasAnchor: view.anchor != nil,
            line: UInt32(truncatingIfNeeded: view.line), column: UInt32(truncatingIfNeeded: view.column),
            valueLength: UInt32(truncatingIfNeeded: view.value.count), anchorLength: UInt32(truncatingIfNeeded: anchorLength)))
        count += 1
        copy(view.value.baseAddress, view.value.count)
        copy(view.anchor?.baseAddress, anchorLength)
    }

    /// Calls `body` with each event in order; stops at the first error.
    func forEach<E: Error>(_ body: (YAMLEvent) throws(E) -> Void) throws(E) {
        var offset = 0
        for index in 0..<count {
            let entry = entries[index]
            let value = UnsafeBufferPointer(start: bytes + offset, count: Int(entry.valueLength))
            offset += Int(entry.valueLength)
            var anchor: UnsafeBufferPointer<UInt8>?
            if entry.hasAnchor {
                anchor = UnsafeBufferPointer(start: bytes + offset, count: Int(entry.anchorLength))
                offset += Int(entry.anchorLength)
            }
            try body(YAMLEvent(kind: entry.kind, isPlain: entry.isPlain, resolves: entry.resolves, isQuoted: entry.isQuoted,
                               line: Int(entry.line), column: Int(entry.column), value: value, anchor: anchor))
        }
    }
}

/// A bounded hand-over of chunks between the parsing thread and the building thread, with the
/// emptied chunks going back for reuse (so a long file allocates a handful of chunks, not one
/// per 4 096 events).
final class EventChunkQueue: Sendable {
    private let full = Locked<[EventChunk]>([])
    private let empty = Locked<[EventChunk]>([])
    private let filled = DispatchSemaphore(value: 0)
    private let spaces: DispatchSemaphore
    /// Set by the builder when it stops early (an error in the document): the parser stops.
    let cancelled = Atomic<Bool>(false)

    init(depth: Int) {
        spaces = DispatchSemaphore(value: depth)
    }

    func put(_ chunk: EventChunk) {
        spaces.wait()
        full.withLock { $0.append(chunk) }
        filled.signal()
    }

    func take() -> EventChunk {
        filled.wait()
        let chunk = full.withLock { $0.removeFirst() }
        spaces.signal()
        return chunk
    }

    func recycle(_ chunk: EventChunk) {
        chunk.reset()
        empty.withLock { $0.append(chunk) }
    }

    func fresh() -> EventChunk {
        empty.withLock { $0.popLast() } ?? EventChunk()
    }
}

/// Runs libyaml over an open file on its own thread, putting chunks of events on `queue`
/// until the stream ends, libyaml fails, or the builder cancels. The last chunk says which.
///
/// A thread of its own rather than a Dispatch work item: the builder blocks waiting for
/// chunks, and a library user loading many files from Dispatch workers could otherwise fill
/// the pool with builders whose producers never get a thread.
final class YAMLEventProducer: @unchecked Sendable {
    // The FILE is used by this producer alone until `join()` returns.
    let file: UnsafeMutablePointer<FILE>
    let queue: EventChunkQueue
    private var thread: pthread_t?

    init(file: UnsafeMutablePointer<FILE>, queue: EventChunkQueue) {
        self.file = file
        self.queue = queue
    }

    /// Starts the thread; false when the system refuses one (the caller parses on its own).
    func start() -> Bool {
        let context = Unmanaged.passRetained(self).toOpaque()
        #if canImport(Darwin)
        var handle: pthread_t?
        #else
        var handle = pthread_t()
        #endif
        let status = pthread_create(&handle, nil, { context in
            #if canImport(Darwin)
            let producer = Unmanaged<YAMLEventProducer>.fromOpaque(context).takeRetainedValue()
            #else
            let producer = Unmanaged<YAMLEventProducer>.fromOpaque(context!).takeRetainedValue()
            #endif
            producer.run()
            return nil
        }, context)
        guard status == 0 else {
            Unmanaged<YAMLEventProducer>.fromOpaque(context).release()
            return false
        }
        thread = handle
        return true
    }

    /// Waits for the thread to end (after the last chunk was taken, it only cleans up).
    func join() {
        if let thread { pthread_join(thread, nil) }
        thread = nil
    }

    private func run() {
        var chunk = queue.fresh()
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else {
            chunk.failed = true
            chunk.isLast = true
            queue.put(chunk)
            return
        }
        yaml_parser_set_input_file(&parser, file)
        var event = yaml_event_t()
        while true {
            guard yaml_parser_parse(&parser, &event) == 1 else {
                chunk.failed = true
                break
            }
            let isEnd = event.type == YAML_STREAM_END_EVENT
            chunk.append(&event)
            yaml_event_delete(&event)
            if isEnd { break }
            if chunk.isFull {
                if queue.cancelled.load(ordering: .relaxed) { break }
                queue.put(chunk)
                chunk = queue.fresh()
            }
        }
        yaml_parser_delete(&parser)
        chunk.isLast = true
        queue.put(chunk)
    }
}
