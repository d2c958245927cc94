/// Evaluation of segments over node ids (§2.5–2.7).
///
/// Why node ids and a generic trace: the engine runs paths like `$.tasks[*]` over 100 000
/// records, so intermediate node lists are plain `[Int32]` rows of the flat document (no
/// reference counting per node) and the normalized-path bookkeeping that `selectWithPaths`
/// needs compiles away entirely in `select` (its `Path` is an empty struct).
/// Descendant segments walk the tree with an explicit stack, never recursion.

/// The document's arrays, copied out of the class once per evaluation (no per-access
/// indirection through the reference).
struct DocumentView {
    let document: Document
    let kinds: [NodeKind]
    let payloads: [UInt32]
    let numbers: [Int64]
    let counts: [UInt32]
    let children: [Int32]
    let bytes: [UInt8]

    init(_ document: Document) {
        self.document = document
        kinds = document.kinds
        payloads = document.payloads
        numbers = document.numbers
        counts = document.counts
        children = document.children
        bytes = document.bytes
    }

    @inline(__always) func kind(_ n: Int32) -> NodeKind { kinds[Int(n)] }
    @inline(__always) func count(_ n: Int32) -> Int { Int(counts[Int(n)]) }
    /// The 64-bit value of an integer node, or the bit pattern of a double node.
    @inline(__always) func number(_ n: Int32) -> Int64 { numbers[Int(payloads[Int(n)])] }
    @inline(__always) func firstChild(_ n: Int32) -> Int { Int(payloads[Int(n)]) }

    /// The byte range of a string node in `bytes`.
    @inline(__always) func stringRange(_ n: Int32) -> Range<Int> {
        let o = Int(payloads[Int(n)])
        return o..<(o + Int(counts[Int(n)]))
    }

    /// The value of member `name` of map `n`, or -1.
    func member(_ n: Int32, _ name: [UInt8]) -> Int32 {
        guard kinds[Int(n)] == .map else { return -1 }
        var slot = firstChild(n)
        let end = slot + 2 * count(n)
        while slot < end {
            let key = children[slot]
            if counts[Int(key)] == name.count {
                let r = stringRange(key)
                if bytes[r].elementsEqual(name) { return children[slot + 1] }
            }
            slot += 2
        }
        return -1
    }

    /// Element `index` (negative counts from the end) of list `n`, or -1.
    func element(_ n: Int32, _ index: Int) -> Int32 {
        guard kinds[Int(n)] == .list else { return -1 }
        let c = count(n)
        let i = index < 0 ? c + index : index
        guard i >= 0, i < c else { return -1 }
        return children[firstChild(n) + i]
    }
}

/// How a node list carries normalized paths: not at all (`NoPaths`) or as strings.
protocol PathTrace {
    associatedtype Path
    static var root: Path { get }
    static func member(_ parent: Path, key: Int32, in view: DocumentView) -> Path
    static func element(_ parent: Path, index: Int) -> Path
}

enum NoPaths: PathTrace {
    struct Path {}
    static var root: Path { Path() }
    @inline(__always) static func member(_ parent: Path, key: Int32, in view: DocumentView) -> Path { parent }
    @inline(__always) static func element(_ parent: Path, index: Int) -> Path { parent }
}

enum NormalizedPaths: PathTrace {
    typealias Path = String
    static var root: String { "$" }
    static func member(_ parent: String, key: Int32, in view: DocumentView) -> String {
        parent + "[" + NormalizedPath.quote(String(decoding: view.bytes[view.stringRange(key)], as: UTF8.self)) + "]"
    }
    static func element(_ parent: String, index: Int) -> String { parent + "[\(index)]" }
}

/// A node with its (possibly empty) path.
struct TracedNode<T: PathTrace> {
    var node: Int32
    var path: T.Path
}

struct PathEvaluator {
    let view: DocumentView
    /// The query argument's root: what `$` means inside filters.
    let root: Int32
    /// The last pattern match()/search() took from the document (patterns that are literals
    /// are compiled with the query instead).
    let patterns = PatternCache()

    /// Applies `segments` to `start`.
    func evaluate<T: PathTrace>(_ segments: [PathSegment], from start: TracedNode<T>) -> [TracedNode<T>] {
        var current = [start]
        var next: [TracedNode<T>] = []
        for segment in segments {
            next.removeAll(keepingCapacity: true)
            if segment.isDescendant {
                for item in current { descend(item, segment.selectors, into: &next) }
            } else if segment.selectors.count == 1 {
                let selector = segment.selectors[0]
                for item in current { apply(selector, to: item, into: &next) }
            } else {
                for item in current {
                    for selector in segment.selectors { apply(selector, to: item, into: &next) }
                }
            }
            swap(&current, &next)
            if current.isEmpty { break }
        }
        return current
    }

    /// The node a singular query selects from `current`, or -1 (no node list is built).
    func singular(_ query: PathQuery, current: Int32) -> Int32 {
        var node = query.isAbsolute ? root : current
        for segment in query.segments {
            switch segment.selectors[0] {
            case .name(let name): node = view.member(node, name.utf8)
            case .index(let index): node = view.element(node, index)
            default: return -1 // not reached: the parser only marks name/index queries singular
            }
            if node < 0 { return -1 }
        }
        return node
    }

    /// The node list of a filter query, without paths.
    func nodes(_ query: PathQuery, current: Int32) -> [TracedNode<NoPaths>] {
        evaluate(query.segments, from: TracedNode(node: query.isAbsolute ? root : current, path: NoPaths.root))
    }

    /// Whether a filter query selects anything (stops at the first node for singular queries).
    func exists(_ query: PathQuery, current: Int32) -> Bool {
        query.isSingular ? singular(query, current: current) >= 0 : !nodes(query, current: current).isEmpty
    }

    /// The descendant segment: the selectors applied to `item` and then to each descendant in
    /// document order (pre-order, arrays in index order), using an explicit stack.
    private func descend<T: PathTrace>(_ item: TracedNode<T>, _ selectors: [PathSelector], into out: inout [TracedNode<T>]) {
        var stack = [item]
        while let top = stack.popLast() {
            for selector in selectors { apply(selector, to: top, into: &out) }
            let n = top.node
            let c = view.count(n)
            guard c > 0 else { continue }
            let first = view.firstChild(n)
            switch view.kind(n) {
            case .list:
                for k in stride(from: c - 1, through: 0, by: -1) {
                    stack.append(TracedNode(node: view.children[first + k], path: T.element(top.path, index: k)))
                }
            case .map:
                for k in stride(from: c - 1, through: 0, by: -1) {
                    let slot = first + 2 * k
                    stack.append(TracedNode(node: view.children[slot + 1], path: T.member(top.path, key: view.children[slot], in: view)))
                }
            default:
                break
            }
        }
    }

    @inline(__always)
    private func apply<T: PathTrace>(_ selector: PathSelector, to item: TracedNode<T>, into out: inout [TracedNode<T>]) {
        let n = item.node
        switch selector {
        case .name(let name):
            guard view.kind(n) == .map else { return }
            var slot = view.firstChild(n)
            let end = slot + 2 * view.count(n)
            while slot < end {
                let key = view.children[slot]
                if view.counts[Int(key)] == name.utf8.count, view.bytes[view.stringRange(key)].elementsEqual(name.utf8) {
                    out.append(TracedNode(node: view.children[slot + 1], path: T.member(item.path, key: key, in: view)))
                    return
                }
                slot += 2
            }
        case .wildcard:
            let c = view.count(n)
            let first = view.firstChild(n)
            switch view.kind(n) {
            case .list:
                // Only the first reservation: repeated exact reservations would defeat the
                // array's geometric growth (quadratic copying for `$.a[*].b[*]`).
                if out.isEmpty { out.reserveCapacity(c) }
                for k in 0..<c {
                    out.append(TracedNode(node: view.children[first + k], path: T.element(item.path, index: k)))
                }
            case .map:
                if out.isEmpty { out.reserveCapacity(c) }
                for k in 0..<c {
                    let slot = first + 2 * k
                    out.append(TracedNode(node: view.children[slot + 1], path: T.member(item.path, key: view.children[slot], in: view)))
                }
            default:
                break
            }
        case .index(let index):
            guard view.kind(n) == .list else { return }
            let c = view.count(n)
            let k = index < 0 ? c + index : index
            if k >= 0 && k < c {
                out.append(TracedNode(node: view.children[view.firstChild(n) + k], path: T.element(item.path, index: k)))
            }
        case .slice(let start, let end, let step):
            guard view.kind(n) == .list else { return }
            let first = view.firstChild(n)
            for k in Self.sliceIndices(count: view.count(n), start: start, end: end, step: step) {
                out.append(TracedNode(node: view.children[first + k], path: T.element(item.path, index: k)))
            }
        case .filter(let expression):
            let c = view.count(n)
            let first = view.firstChild(n)
            switch view.kind(n) {
            case .list:
                for k in 0..<c {
                    let child = view.children[first + k]
                    if test(expression, current: child) {
                        out.append(TracedNode(node: child, path: T.element(item.path, index: k)))
                    }
                }
            case .map:
                for k in 0..<c {
                    let slot = first + 2 * k
                    let child = view.children[slot + 1]
                    if test(expression, current: child) {
                        out.append(TracedNode(node: child, path: T.member(item.path, key: view.children[slot], in: view)))
                    }
                }
            default:
                break
            }
        }
    }

    /// The indices an array slice selects (§2.3.4.2.2), in selection order.
    static func sliceIndices(count len: Int, start: Int?, end: Int?, step: Int?) -> StrideTo<Int> {
        let step = step ?? 1
        func normalize(_ i: Int) -> Int { i >= 0 ? i : len + i }
        if step > 0 {
            let lower = min(max(normalize(start ?? 0), 0), len)
            let upper = min(max(normalize(end ?? len), 0), len)
            return stride(from: lower, to: upper, by: step)
        }
        if step < 0 {
            let upper = min(max(normalize(start ?? len - 1), -1), len - 1)
            let lower = min(max(normalize(end ?? -len - 1), -1), len - 1)
            return stride(from: upper, to: lower, by: step)
        }
        return stride(from: 0, to: 0, by: 1) // step 0 selects nothing
    }
}

/// Remembers the last compiled non-literal pattern: a filter like `[?match(@.code, $.pattern)]`
/// sees the same pattern for every record, and recompiling it each time would dominate.
/// Lives for one `select` call on one thread.
final class PatternCache {
    private var pattern: [UInt8]?
    private var regex: IRegexp?

    func regex(for bytes: ArraySlice<UInt8>) -> IRegexp? {
        if let pattern, pattern.elementsEqual(bytes) { return regex }
        pattern = Array(bytes)
        regex = IRegexp(String(decoding: bytes, as: UTF8.self))
        return regex
    }
}
