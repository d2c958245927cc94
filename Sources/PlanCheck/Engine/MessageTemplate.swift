/// A rule's `message:` with `{{ name }}` placeholders. A name is a template variable supplied by
/// the checker (`message`, `field`, `value`, …), or `key` (the record's key), or a dotted path to
/// a field of the record (`owner`, `budget.amount`).
public struct MessageTemplate: Sendable {
    enum Part: Sendable {
        case text(String)
        case variable(String)
    }

    let parts: [Part]
    public let source: String

    public init(_ source: String) throws(TemplateError) {
        self.source = source
        var parts: [Part] = []
        var rest = Substring(source)
        while let open = rest.firstRange(of: "{{") {
            if open.lowerBound > rest.startIndex { parts.append(.text(String(rest[..<open.lowerBound]))) }
            guard let close = rest[open.upperBound...].firstRange(of: "}}") else {
                throw TemplateError(message: "`{{` without a closing `}}`", offset: source.distance(from: source.startIndex, to: open.lowerBound))
            }
            let name = rest[open.upperBound..<close.lowerBound].trimmingSpaces()
            guard !name.isEmpty else {
                throw TemplateError(message: "empty `{{ }}` placeholder", offset: source.distance(from: source.startIndex, to: open.lowerBound))
            }
            parts.append(.variable(name))
            rest = rest[close.upperBound...]
        }
        if !rest.isEmpty { parts.append(.text(String(rest))) }
        self.parts = parts
    }

    public func render(record: Record, variables: [String: String]) -> String {
        var out = ""
        for part in parts {
            switch part {
            case .text(let text): out += text
            case .variable(let name):
                if let value = variables[name] {
                    out += value
                } else if name == "key" {
                    out += record.key
                } else if let node = record[name] {
                    out += Self.display(node)
                } else {
                    out += ""
                }
            }
        }
        return out
    }

    /// A field as it reads in a message: scalars as text, lists joined with 、.
    static func display(_ node: Node) -> String {
        switch node.kind {
        case .null: ""
        case .list: node.items.map(display).joined(separator: "、")
        case .map: "{…}"
        default: node.scalarText ?? ""
        }
    }
}

public struct TemplateError: Error, Sendable {
    public var message: String
    public var offset: Int
}

extension Substring {
    func trimmingSpaces() -> String {
        String(drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed())
    }
}
