/// The configuration's `plan:`: where the plan's period and issue date come from for datasets
/// that do not carry them (a CSV ledger, a task file split from its plan).
///
/// ```yaml
/// plan: {file: plan.yaml, path: $.plan}          # a map with period/issued in another file
/// plan: {collection: plan}                         # the first record of a `collections:` entry
/// plan: {period: {start: 2021-01-01, end: 2025-12-31}, issued: 2021-03-15}   # written here
/// ```
///
/// The file is loaded like a dataset, so a `mapping:` entry `plan` renames its fields
/// (`start_date` → `start`). `path` defaults to `$.plan`.
public struct PlanSource: Sendable {
    public enum Origin: Sendable {
        case file(String, path: JSONPath)
        case collection(String)
        case literal(PlanMetadata)
    }

    public var origin: Origin
    /// The `plan:` value in the configuration (for located errors).
    public var node: Node

    static let keys = ["file", "path", "collection", "period", "issued"]

    static func parse(_ node: Node?, base: String) throws(LoadError) -> PlanSource? {
        guard let node, !node.isNull else { return nil }
        let shape = "`plan` is {file, path}, {collection} or {period: {start, end}, issued}"
        guard node.kind == .map else { throw LoadError(at: node, shape) }
        try RuleFileLoader.checkKeys(node, allowed: keys, what: "`plan`")
        let literal = node["period"] != nil || node["issued"] != nil
        if let file = node["file"] {
            guard let name = file.string, !name.isEmpty else { throw LoadError(at: file, "`plan.file` is the path of the plan file, relative to the configuration") }
            if literal || node["collection"] != nil {
                throw LoadError(at: node, "\(shape): give one of them, not several")
            }
            let pathNode = node["path"]
            guard pathNode == nil || pathNode?.string != nil else { throw LoadError(at: pathNode!, "`plan.path` is a JSONPath to the plan map, e.g. $.plan") }
            let path = try JSONPath.compile(pathNode?.string ?? "$.plan", at: pathNode ?? node)
            return PlanSource(origin: .file(FileSystem.join(base, name), path: path), node: node)
        }
        if node["path"] != nil { throw LoadError(at: node["path"]!, "`plan.path` needs `plan.file`") }
        if let collection = node["collection"] {
            guard let name = collection.string, !name.isEmpty, !literal else { throw LoadError(at: collection, "\(shape): `collection` names a `collections:` entry") }
            return PlanSource(origin: .collection(name), node: node)
        }
        guard literal else { throw LoadError(at: node, shape) }
        var metadata = PlanMetadata(source: "the configuration's `plan`")
        if let period = node["period"] {
            guard let interval = FieldValues.interval(period) else {
                throw LoadError(at: period, "`plan.period` is {start: YYYY-MM-DD, end: YYYY-MM-DD}, the start not after the end")
            }
            metadata.period = interval
        }
        if let issued = node["issued"] {
            guard let text = issued.scalarText, let date = PlanDate(iso: text) else { throw LoadError(at: issued, "`plan.issued` is a date written YYYY-MM-DD") }
            metadata.issued = date
        }
        return PlanSource(origin: .literal(metadata), node: node)
    }

    /// Reads the plan metadata (loading the file through the mapping like any dataset).
    func resolve(collections: [String: [Node]], tables: [TableSource], mapping: DatasetMapping) throws(LoadError) -> PlanMetadata {
        let found: Node?
        let source: String
        switch origin {
        case .literal(let metadata):
            return metadata
        case .collection(let name):
            guard let nodes = collections[name] else {
                let hint = Suggestions.closest(to: name, among: Array(collections.keys), limit: 1).first.map { " — did you mean `\($0)`?" } ?? ""
                throw LoadError(at: node["collection"] ?? node, "`plan.collection` names `\(name)`, which `collections:` does not declare\(hint)")
            }
            found = nodes.first
            source = "collection `\(name)`"
        case .file(let file, let path):
            let document = try DatasetLoader.load(path: file, tables: tables, mapping: mapping)
            found = document.rootNodes.lazy.compactMap { path.select($0).first }.first
            source = "\(file) \(path)"
        }
        guard let map = found, map.kind == .map else {
            throw LoadError(at: node, "`plan`: \(source) \(found == nil ? "selects nothing" : "is not a map"); expected a map with `period: {start, end}` and/or `issued`")
        }
        let metadata = PlanMetadata.read(map, source: source)
        if metadata.period == nil && metadata.issued == nil {
            throw LoadError(at: node, "`plan`: \(source) (\(map.location)) has neither a readable `period: {start, end}` nor `issued`; map its fields with a `mapping:` entry `plan` if it spells them otherwise")
        }
        return metadata
    }
}
