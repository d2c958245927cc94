/// An RFC 9535 JSONPath query, compiled once and evaluated against documents.
///
/// Supports the whole RFC: child and descendant segments; name, wildcard, index, slice and
/// filter selectors; comparisons, `&&`, `||`, `!`, existence tests; and the functions length,
/// count, match, search and value (I-Regexp, RFC 9485, matched in linear time).
/// Invalid queries (including ill-typed filters) are rejected when compiled.
public struct JSONPath: Sendable, CustomStringConvertible {
    public let text: String
    let query: PathQuery

    public init(_ text: String) throws(JSONPathError) {
        self.text = text
        var parser = JSONPathParser(text)
        query = try parser.parseQuery()
    }

    /// Compiles a path written in a rule file, locating errors at `node`.
    public static func compile(_ text: String, at node: Node) throws(LoadError) -> JSONPath {
        do {
            return try JSONPath(text)
        } catch {
            throw LoadError(at: node, "invalid JSONPath `\(text)`: \(error.message) (at character \(error.offset + 1))")
        }
    }

    /// The nodes the query selects from `root`, in RFC 9535 order (duplicates kept).
    public func select(_ root: Node) -> [Node] {
        let view = DocumentView(root.document)
        let evaluator = PathEvaluator(view: view, root: root.index)
        let found = evaluator.evaluate(query.segments, from: TracedNode<NoPaths>(node: root.index, path: NoPaths.root))
        let document = root.document
        return found.map { Node(document: document, index: $0.node) }
    }

    /// The selected nodes with their normalized paths (§2.7) relative to `root`, built during
    /// the traversal (so a node reached twice, or shared through a YAML alias, gets the path of
    /// each occurrence).
    public func selectWithPaths(_ root: Node) -> [(node: Node, path: String)] {
        let view = DocumentView(root.document)
        let evaluator = PathEvaluator(view: view, root: root.index)
        let found = evaluator.evaluate(query.segments, from: TracedNode<NormalizedPaths>(node: root.index, path: NormalizedPaths.root))
        let document = root.document
        return found.map { (Node(document: document, index: $0.node), $0.path) }
    }

    public var description: String { text }
}

/// A JSONPath that does not parse; `offset` is the 0-based character position of the problem.
public struct JSONPathError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public var offset: Int
    public init(message: String, offset: Int) {
        self.message = message
        self.offset = offset
    }

    public var description: String { "\(message) (at character \(offset + 1))" }
}
