/// An RFC 9535 JSONPath query, compiled once and evaluated against documents.
///
/// NOTE: placeholder implementation (child names, wildcards, indices); the full RFC 9535
/// implementation replaces this file.
public struct JSONPath: Sendable, CustomStringConvertible {
    public let text: String
    let steps: [Step]

    enum Step: Sendable {
        case name(String)
        case wildcard
        case index(Int)
    }

    public init(_ text: String) throws(JSONPathError) {
        self.text = text
        var steps: [Step] = []
        let chars = Array(text)
        guard chars.first == "$" else { throw JSONPathError(message: "a JSONPath starts with `$`", offset: 0) }
        var i = 1
        while i < chars.count {
            if chars[i] == "." {
                i += 1
                if i < chars.count, chars[i] == "*" { steps.append(.wildcard); i += 1; continue }
                var name = ""
                while i < chars.count, chars[i] != ".", chars[i] != "[" { name.append(chars[i]); i += 1 }
                guard !name.isEmpty else { throw JSONPathError(message: "expected a member name", offset: i) }
                steps.append(.name(name))
            } else if chars[i] == "[" {
                guard let close = chars[i...].firstIndex(of: "]") else { throw JSONPathError(message: "unclosed `[`", offset: i) }
                let inner = String(chars[(i + 1)..<close])
                if inner == "*" { steps.append(.wildcard) } else if let n = Int(inner) { steps.append(.index(n)) } else if inner.count >= 2, inner.first == "'" || inner.first == "\"" {
                    steps.append(.name(String(inner.dropFirst().dropLast())))
                } else { throw JSONPathError(message: "unsupported selector `\(inner)`", offset: i) }
                i = close + 1
            } else {
                throw JSONPathError(message: "unexpected `\(chars[i])`", offset: i)
            }
        }
        self.steps = steps
    }

    /// Compiles a path written in a rule file, locating errors at `node`.
    public static func compile(_ text: String, at node: Node) throws(LoadError) -> JSONPath {
        do {
            return try JSONPath(text)
        } catch {
            throw LoadError(file: node.document.file, line: node.line, column: node.column + error.offset + (node.kind == .string ? 0 : 0),
                            message: "invalid JSONPath `\(text)`: \(error.message) (at character \(error.offset + 1))")
        }
    }

    /// The nodes the query selects, in RFC 9535 order.
    public func select(_ root: Node) -> [Node] {
        var current = [root]
        for step in steps {
            var next: [Node] = []
            for node in current {
                switch step {
                case .name(let name): if let v = node[name] { next.append(v) }
                case .wildcard: next.append(contentsOf: node.kind == .map ? Array(node.values) : Array(node.items))
                case .index(let n):
                    let i = n < 0 ? node.count + n : n
                    if let v = node[i] { next.append(v) }
                }
            }
            current = next
        }
        return current
    }

    public var description: String { text }
}

/// A JSONPath that does not parse; `offset` is the 0-based character position of the problem.
public struct JSONPathError: Error, Sendable, Equatable {
    public var message: String
    public var offset: Int
    public init(message: String, offset: Int) {
        self.message = message
        self.offset = offset
    }
}
