/// The compiled form of an RFC 9535 query. Everything is a value type so a `JSONPath` is
/// `Sendable` and can be shared by concurrently running checkers. Well-typedness (§2.4.3) is
/// enforced while parsing, so evaluation never meets an ill-typed expression.

/// A sequence of segments applied to the root (`$`) or, inside filters, to `@`.
struct PathQuery: Sendable {
    var segments: [PathSegment]
    /// `$…` (true) or `@…` (false); only meaningful inside filters.
    var isAbsolute: Bool

    /// A singular query (§2.3.5.1) selects at most one node: only child segments with one name
    /// or index selector, written without blank space inside the brackets (the grammar's
    /// `name-segment`/`index-segment`). Such queries may be compared and are evaluated without
    /// a node list.
    var isSingular: Bool {
        segments.allSatisfy { segment in
            guard !segment.isDescendant, !segment.hasInnerBlank, segment.selectors.count == 1 else { return false }
            switch segment.selectors[0] {
            case .name, .index: return true
            default: return false
            }
        }
    }
}

struct PathSegment: Sendable {
    var selectors: [PathSelector]
    /// `..` segments apply their selectors to the input node and to every descendant.
    var isDescendant: Bool
    /// Blank space inside the brackets (`[ 0 ]`): allowed, but not in a singular query.
    var hasInnerBlank = false
}

/// A member name, kept as UTF-8 for byte comparison against keys in the document.
struct MemberName: Sendable {
    var utf8: [UInt8]
}

enum PathSelector: Sendable {
    case name(MemberName)
    case wildcard
    case index(Int)
    case slice(start: Int?, end: Int?, step: Int?)
    case filter(FilterExpression)
}

/// A logical expression (LogicalType); the top of every filter selector.
indirect enum FilterExpression: Sendable {
    case or([FilterExpression])
    case and([FilterExpression])
    case not(FilterExpression)
    /// An existence test: true when the query selects at least one node.
    case exists(PathQuery)
    case compare(FilterComparable, ComparisonOperator, FilterComparable)
    /// A function whose result is LogicalType (match, search).
    case test(FunctionCall)
}

enum ComparisonOperator: Sendable {
    case equal, notEqual, less, lessOrEqual, greater, greaterOrEqual
}

/// A comparable (ValueType): a literal, a singular query or a ValueType function.
indirect enum FilterComparable: Sendable {
    case literal(LiteralValue)
    case query(PathQuery)
    case function(FunctionCall)
}

enum LiteralValue: Sendable {
    case integer(Int64)
    case double(Double)
    case string([UInt8])
    case bool(Bool)
    case null
}

struct FunctionCall: Sendable {
    var function: PathFunction
    var arguments: [FunctionArgument]
    /// For match/search with a string-literal pattern: compiled once at parse time (nil inside
    /// means the literal is not a valid I-Regexp, so the function is always false).
    var constantPattern: IRegexp?? = nil
}

enum FunctionArgument: Sendable {
    case value(FilterComparable)
    case nodes(PathQuery)
    case logical(FilterExpression)
}

/// The function extensions of RFC 9535 §2.4.
enum PathFunction: String, Sendable {
    case length, count, match, search, value

    enum ResultType { case value, logical, nodes }

    var parameters: [ResultType] {
        switch self {
        case .length: [.value]
        case .count, .value: [.nodes]
        case .match, .search: [.value, .value]
        }
    }

    var result: ResultType {
        switch self {
        case .length, .count, .value: .value
        case .match, .search: .logical
        }
    }
}
