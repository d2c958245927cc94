/// The configuration's `mapping:` block: for each collection, how the datasets spell the
/// canonical model. Applied when a dataset, a collection file or the plan metadata file is
/// loaded, before any rule runs, so every checker, expression and the audit see canonical
/// records; locations and the field names findings print stay as the file writes them.
///
/// ```yaml
/// mapping:
///   tasks:                                  # records at $.tasks (its items, as it is a list)
///     fields: {牵头单位: lead, 完成时限: due}
///     values: {status: {in_progress: in-progress}}
///   projects:
///     files: ["district/*.yaml"]             # only these datasets (default: all)
///     fields: {permits.site_selection: siteSelection}
///   plan:
///     target: $.plan_info                    # records elsewhere than $.<name>
///     fields: {start_date: start}
/// ```
public struct DatasetMapping: Sendable {
    public var entries: [MappingEntry] = []

    public init(entries: [MappingEntry] = []) { self.entries = entries }

    public var isEmpty: Bool { entries.isEmpty }

    /// The entries that apply to `file`.
    public func entries(for file: String) -> [MappingEntry] {
        entries.filter { $0.applies(to: file) }
    }

    /// The entries with a `target` of their own (the others a table applies itself).
    var targetedEntriesOnly: DatasetMapping { DatasetMapping(entries: entries.filter { $0.explicitTarget != nil }) }

    /// The mapping of collection `name` for `file` (for tables, which build that collection's
    /// records themselves): the entries named `name` without a `target` of their own.
    public func fieldMapping(collection name: String, file: String) -> FieldMapping {
        var result = FieldMapping()
        for entry in entries where entry.collection == name && entry.explicitTarget == nil && entry.applies(to: file) {
            result = result.layered(over: entry.mapping)
        }
        return result
    }
}

/// One collection's entry of `mapping:`.
public struct MappingEntry: Sendable {
    /// The key under `mapping:` (`tasks`, `indicators`, `plan`).
    public var collection: String
    /// Datasets it applies to; empty means all.
    public var files: [FileGlob] = []
    /// The records, when not `$.<collection>`.
    public var explicitTarget: JSONPath?
    public var mapping: FieldMapping
    /// Where the entry is written (for errors).
    public var location: SourceLocation

    public init(collection: String, mapping: FieldMapping, location: SourceLocation) {
        self.collection = collection
        self.mapping = mapping
        self.location = location
    }

    func applies(to file: String) -> Bool { files.isEmpty || files.contains { $0.matches(file) } }

    /// The record maps of `root`: the nodes the target selects, and the map items of those that
    /// are lists (so `$.tasks` and `$.tasks[*]` both mean the tasks).
    func records(in root: Node) -> [Node] {
        let selected: [Node]
        if let explicitTarget {
            selected = explicitTarget.select(root)
        } else {
            selected = root[collection].map { [$0] } ?? []
        }
        var result: [Node] = []
        for node in selected {
            switch node.kind {
            case .map: result.append(node)
            case .list: result.append(contentsOf: node.items.filter { $0.kind == .map })
            default: continue
            }
        }
        return result
    }
}
