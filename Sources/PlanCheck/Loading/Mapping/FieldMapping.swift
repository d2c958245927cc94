/// How one collection's records spell the canonical model (docs/dataset-schema.md): field names
/// as the file writes them → canonical names, and per canonical field, values as written →
/// canonical values. The one mechanism behind `mapping:` for every input and behind the column
/// and value maps of `tables:`.
///
/// Field names are dotted paths relative to the record (`permits.site_selection`); a mapping
/// renames a field where it stands, so the canonical side is either the new last segment
/// (`siteSelection`) or the same path with its last segment renamed (`permits.siteSelection`).
public struct FieldMapping: Sendable {
    /// Written field (a dotted path) → canonical name, in the order written in the config.
    public private(set) var fields: [(written: String, canonical: String)] = []
    /// Canonical field path (dotted) → value as written → canonical value.
    public private(set) var values: [String: [String: MappedValue]] = [:]

    public init() {}

    public var isEmpty: Bool { fields.isEmpty && values.isEmpty }

    /// Adds a rename; an earlier rename of the same written path wins (the more specific layer
    /// is added first).
    public mutating func addField(written: String, canonical: String) {
        if fields.contains(where: { $0.written == written }) { return }
        fields.append((written, canonical))
    }

    /// Adds a value rewrite for canonical field `field`; an earlier one for the same text wins.
    public mutating func addValue(field: String, written: String, canonical: MappedValue) {
        if values[field]?[written] != nil { return }
        values[field, default: [:]][written] = canonical
    }

    /// `self`, then what `other` adds (`self` wins where both say something).
    public func layered(over other: FieldMapping) -> FieldMapping {
        var result = self
        for (written, canonical) in other.fields { result.addField(written: written, canonical: canonical) }
        for (field, table) in other.values {
            for (written, value) in table { result.addValue(field: field, written: written, canonical: value) }
        }
        return result
    }

    /// Written name → canonical name, the whole text of each as one name (a table's headers
    /// are flat: `1.任务` is a header, not a path).
    public var topLevelRenames: [String: String] {
        var result: [String: String] = [:]
        for (written, canonical) in fields where result[written] == nil { result[written] = canonical }
        return result
    }

    /// The canonical value of `written` in canonical field `field`, if this mapping rewrites it.
    public func value(of written: String, inField field: String) -> MappedValue? { values[field]?[written] }

    static func segments(_ path: String) -> [String] { path.split(separator: ".", omittingEmptySubsequences: false).map(String.init) }
}

/// A canonical value a mapping writes in place of the file's own: a scalar.
public enum MappedValue: Sendable, Equatable {
    case string(String)
    case integer(Int64)
    case double(Double)
    case bool(Bool)
    case null

    /// The value as a YAML scalar reads (`true`, `12`, `done`).
    init(node: Node) {
        switch node.kind {
        case .bool: self = .bool(node.bool ?? false)
        case .integer: self = .integer(node.integer ?? 0)
        case .double: self = .double(node.double ?? 0)
        case .null: self = .null
        default: self = .string(node.scalarText ?? "")
        }
    }

    /// The text a table cell would hold for it.
    var text: String {
        switch self {
        case .string(let s): s
        case .integer(let n): String(n)
        case .double(let d): Node.format(d)
        case .bool(let b): b ? "true" : "false"
        case .null: ""
        }
    }
}
