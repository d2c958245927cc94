import Foundation
@testable import PlanCheck

/// A node as a plain value, for comparing documents from different formats (locations aside).
indirect enum PlainValue: Equatable, CustomStringConvertible {
    case null, bool(Bool), integer(Int64), double(Double), string(String)
    case list([PlainValue]), map([String: PlainValue])

    init(_ node: Node) {
        switch node.kind {
        case .null: self = .null
        case .bool: self = .bool(node.bool!)
        case .integer: self = .integer(node.integer!)
        case .double: self = .double(node.double!)
        case .string: self = .string(node.string!)
        case .list: self = .list(node.items.map(PlainValue.init))
        case .map: self = .map(Dictionary(node.entries.map { ($0.key, PlainValue($0.value)) }, uniquingKeysWith: { a, _ in a }))
        }
    }

    /// From JSONSerialization output.
    init(json: Any) {
        switch json {
        case let s as String: self = .string(s)
        case let a as [Any]: self = .list(a.map(PlainValue.init(json:)))
        case let d as [String: Any]: self = .map(d.mapValues(PlainValue.init(json:)))
        case is NSNull: self = .null
        default: self = .string("\(json)")
        }
    }

    var description: String {
        switch self {
        case .null: "null"
        case .bool(let b): "\(b)"
        case .integer(let i): "\(i)"
        case .double(let d): "\(d)"
        case .string(let s): "\"\(s)\""
        case .list(let l): "[" + l.map(\.description).joined(separator: ", ") + "]"
        case .map(let m): "{" + m.keys.sorted().map { "\($0): \(m[$0]!)" }.joined(separator: ", ") + "}"
        }
    }
}

enum TabularFixtures {
    static let folder = repositoryRoot + "/Tests/PlanCheckTests/Fixtures/tabular"
    static func path(_ name: String) -> String { folder + "/" + name }
    static let ledgerXLSX = repositoryRoot + "/Examples/ledger-xlsx/ledger.xlsx"

    static func bytes(_ path: String) throws -> [UInt8] { try FileReader.read(path) }

}

/// Loads a dataset and returns the loading error, or nil.
func loadError(_ body: () throws(LoadError) -> Document) -> LoadError? {
    do { _ = try body(); return nil } catch { return error }
}
