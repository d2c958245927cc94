extension Node {
    /// The node as compact JSON text (map members in document order). Used in tests, messages
    /// and reports; iterative, so the loader's nesting limit, not the stack, bounds it.
    /// Non-finite doubles (possible from YAML `.inf`) have no JSON form and are written as `null`.
    public var jsonText: String {
        var out = ""
        // Each frame: a container and the next child position (map entries count pairs).
        var stack: [(node: Node, next: Int)] = []
        var current: Node? = self
        while true {
            if let node = current {
                current = nil
                switch node.kind {
                case .list, .map:
                    out += node.kind == .list ? "[" : "{"
                    stack.append((node, 0))
                default:
                    Self.appendScalar(node, to: &out)
                }
            }
            guard let top = stack.last else { return out }
            let isMap = top.node.kind == .map
            if top.next == top.node.count {
                out += isMap ? "}" : "]"
                stack.removeLast()
                continue
            }
            if top.next > 0 { out += "," }
            stack[stack.count - 1].next += 1
            if isMap {
                Self.appendScalar(top.node.keys[top.next], to: &out)
                out += ":"
                current = top.node.values[top.next]
            } else {
                current = top.node.items[top.next]
            }
        }
    }

    private static func appendScalar(_ node: Node, to out: inout String) {
        switch node.kind {
        case .null: out += "null"
        case .bool: out += node.bool! ? "true" : "false"
        case .integer: out += String(node.integer!)
        case .double:
            let d = node.double!
            out += d.isFinite ? "\(d)" : "null"
        case .string: appendQuoted(node.string!, to: &out)
        case .list, .map: break
        }
    }

    /// A JSON string literal for `text` (escaping quotes, backslashes and control characters).
    static func appendQuoted(_ text: String, to out: inout String) {
        StringEscaping.appendQuoted(text, quote: "\"", to: &out)
    }
}
