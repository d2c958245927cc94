/// A value of the expression language.
///
/// Lists and maps read from a loaded document stay `.node` views: selecting `task.lead` on a
/// record reads the document directly instead of converting the whole record per evaluation.
/// Scalars read from a document are converted on access (`ExpressionValue(node:)`).
public enum ExpressionValue: Sendable {
    case null
    case bool(Bool)
    case int(Int64)
    case uint(UInt64)
    case double(Double)
    case string(String)
    case bytes([UInt8])
    case list([ExpressionValue])
    case map(ExpressionMap)
    /// A list or map node of a loaded document (never a scalar node).
    case node(Node)
    /// A calendar date (`date('2011年6月30日')`, `asOf`): a PlanCheck extension type.
    case date(PlanDate)
    case type(ExpressionType)

    /// Converts a document node: scalars become values, containers stay lazy views.
    public init(node: Node) {
        switch node.kind {
        case .null: self = .null
        case .bool: self = .bool(node.bool!)
        case .integer: self = .int(node.integer!)
        case .double: self = .double(node.double!)
        case .string: self = .string(node.string!)
        case .list, .map: self = .node(node)
        }
    }

    /// The CEL type of the value.
    public var type: ExpressionType {
        switch self {
        case .null: .null
        case .bool: .bool
        case .int: .int
        case .uint: .uint
        case .double: .double
        case .string: .string
        case .bytes: .bytes
        case .list: .list
        case .map: .map
        case .node(let n): n.kind == .list ? .list : .map
        case .date: .date
        case .type: .type
        }
    }

    var typeName: String { type.name }

    /// A list view (document lists are converted item by item, containers staying lazy).
    var listItems: [ExpressionValue]? {
        switch self {
        case .list(let items): items
        case .node(let n) where n.kind == .list: n.items.map(ExpressionValue.init(node:))
        default: nil
        }
    }

    var isMap: Bool {
        switch self {
        case .map: true
        case .node(let n): n.kind == .map
        default: false
        }
    }
}

/// A type as a value (`type(1) == int`).
public struct ExpressionType: Sendable, Hashable, CustomStringConvertible {
    public let name: String
    public init(name: String) { self.name = name }
    public var description: String { name }

    public static let null = ExpressionType(name: "null_type")
    public static let bool = ExpressionType(name: "bool")
    public static let int = ExpressionType(name: "int")
    public static let uint = ExpressionType(name: "uint")
    public static let double = ExpressionType(name: "double")
    public static let string = ExpressionType(name: "string")
    public static let bytes = ExpressionType(name: "bytes")
    public static let list = ExpressionType(name: "list")
    public static let map = ExpressionType(name: "map")
    public static let date = ExpressionType(name: "date")
    public static let type = ExpressionType(name: "type")

    /// The identifiers that denote types in expressions.
    static let byName: [String: ExpressionType] = Dictionary(
        uniqueKeysWithValues: [null, bool, int, uint, double, string, bytes, list, map, date, type].map { ($0.name, $0) })
}

/// A map value built by an expression. Keys are int, uint, bool or string (as CEL requires);
/// insertion order is kept so that iteration and rendering are deterministic.
public struct ExpressionMap: Sendable {
    public private(set) var keys: [ExpressionValue] = []
    public private(set) var values: [ExpressionValue] = []
    private var index: [MapKey: Int] = [:]

    public init() {}

    public var count: Int { keys.count }

    /// Adds an entry; fails on an invalid key type or a duplicate key.
    mutating func insert(_ key: ExpressionValue, _ value: ExpressionValue) throws(ExpressionError) {
        guard let k = MapKey(key) else { throw .runtime("invalid map key type: \(key.typeName)") }
        guard index[k] == nil else { throw .runtime("duplicate map key: \(key.celLiteral)") }
        index[k] = keys.count
        keys.append(key)
        values.append(value)
    }

    /// Looks a key up; numeric keys match across int, uint and double (heterogeneous equality).
    func value(for key: ExpressionValue) -> ExpressionValue? {
        for candidate in MapKey.candidates(key) {
            if let i = index[candidate] { return values[i] }
        }
        return nil
    }
}

/// The hashable form of a map key. Strings hash by UTF-8 bytes: CEL does not normalize
/// Unicode, whereas Swift `String` equality uses canonical equivalence.
enum MapKey: Hashable {
    case int(Int64), uint(UInt64), bool(Bool), string([UInt8])

    init?(_ value: ExpressionValue) {
        switch value {
        case .int(let i): self = .int(i)
        case .uint(let u): self = .uint(u)
        case .bool(let b): self = .bool(b)
        case .string(let s): self = .string(Array(s.utf8))
        default: return nil
        }
    }

    /// The keys a lookup with `value` may hit.
    static func candidates(_ value: ExpressionValue) -> [MapKey] {
        switch value {
        case .int(let i): return i >= 0 ? [MapKey.int(i), MapKey.uint(UInt64(i))] : [MapKey.int(i)]
        case .uint(let u): return u <= UInt64(Int64.max) ? [MapKey.uint(u), MapKey.int(Int64(u))] : [MapKey.uint(u)]
        case .double(let d):
            if d == d.rounded(.towardZero) {
                if let i = Int64(exactly: d) { return candidates(.int(i)) }
                if let u = UInt64(exactly: d) { return [.uint(u)] }
            }
            return []
        case .bool(let b): return [.bool(b)]
        case .string(let s): return [.string(Array(s.utf8))]
        default: return []
        }
    }
}
