/// Reads the configuration's `mapping:` block (see `DatasetMapping`, docs/dataset-schema.md).
extension DatasetMapping {
    static let entryKeys = ["files", "target", "fields", "values"]

    /// Parses `mapping:`: collection name → an entry, or a list of entries (one per group of
    /// files that spell the collection differently). Globs in `files` are relative to `base`.
    static func parse(_ node: Node?, base: String) throws(LoadError) -> DatasetMapping {
        guard let node, !node.isNull else { return DatasetMapping() }
        guard node.kind == .map else {
            throw LoadError(at: node, "`mapping` maps collection names (tasks, indicators, projects, units, plan, …) to {fields, values, files, target}")
        }
        var result = DatasetMapping()
        for (name, spec) in node.entries {
            let items = spec.kind == .list ? Array(spec.items) : [spec]
            for item in items { result.entries.append(try parseEntry(item, collection: name, base: base)) }
        }
        return result
    }

    static func parseEntry(_ node: Node, collection: String, base: String) throws(LoadError) -> MappingEntry {
        let what = "`mapping.\(collection)`"
        guard node.kind == .map else {
            throw LoadError(at: node, "\(what) is a map with `fields` (as written: canonical name) and/or `values` (field: {as written: canonical value}), and optional `files` and `target`")
        }
        try RuleFileLoader.checkKeys(node, allowed: entryKeys, what: what)
        var mapping = FieldMapping()
        if let fields = node["fields"], !fields.isNull {
            guard fields.kind == .map else { throw LoadError(at: fields, "\(what).fields maps field names as the file writes them to canonical names, e.g. {牵头单位: lead}") }
            for (key, value) in zip(fields.keys, fields.values) {
                if let canonical = value.string { try checkInPlace(written: key.scalarText ?? "", canonical: canonical, at: value, what: what) }
            }
            try mapping.parseFields(fields, what: "\(what).fields")
        }
        if let values = node["values"] { try mapping.parseValues(values, what: "\(what).values") }
        var entry = MappingEntry(collection: collection, mapping: mapping, location: node.location)
        if node["files"] != nil {
            entry.files = try Configuration.strings(node, "files").map { FileGlob($0, base: base) }
        }
        if let target = node["target"], !target.isNull {
            guard let text = target.string else { throw LoadError(at: target, "\(what).target is a JSONPath selecting the records, e.g. $.tasks[*]") }
            entry.explicitTarget = try JSONPath.compile(text, at: target)
        }
        return entry
    }

    /// A mapping renames a field where it stands: the canonical side is a name, or the written
    /// path with its last segment renamed. Moving a field elsewhere is no renaming.
    static func checkInPlace(written: String, canonical: String, at node: Node, what: String) throws(LoadError) {
        let canonicalPath = FieldMapping.segments(canonical)
        guard canonicalPath.count > 1 else { return }
        let writtenPath = FieldMapping.segments(written)
        if canonicalPath.count != writtenPath.count || canonicalPath.dropLast() != writtenPath.dropLast() {
            let parent = writtenPath.dropLast().joined(separator: ".")
            throw LoadError(at: node, "\(what).fields: `\(written)` → `\(canonical)` moves the field; a mapping renames a field where it stands, so write `\(written): \(canonicalPath.last!)`\(parent.isEmpty ? "" : " (it stays under `\(parent)`)")")
        }
    }
}

extension FieldMapping {
    /// Reads a map of field names as written → canonical names (`fields:`, a table's `columns:`).
    mutating func parseFields(_ node: Node, what: String) throws(LoadError) {
        guard node.kind == .map else { throw LoadError(at: node, "\(what) maps field names as the file writes them to canonical names, e.g. {牵头单位: lead}") }
        for (key, value) in zip(node.keys, node.values) {
            let written = key.scalarText ?? ""
            guard let canonical = value.string, !canonical.isEmpty, !written.isEmpty else {
                throw LoadError(at: value, "\(what) maps `\(written)` to a field name (a string)")
            }
            addField(written: written, canonical: canonical)
        }
    }

    /// Reads a map of canonical fields → {value as written: canonical value} (`values:`).
    mutating func parseValues(_ node: Node, what: String) throws(LoadError) {
        if node.isNull { return }
        guard node.kind == .map else { throw LoadError(at: node, "\(what) maps fields to {as written: value}, e.g. {status: {已完成: done}}") }
        for (field, table) in node.entries {
            guard table.kind == .map else { throw LoadError(at: table, "\(what).\(field) maps values as written to values, e.g. {已完成: done}") }
            for (key, value) in zip(table.keys, table.values) {
                guard value.kind != .list, value.kind != .map else {
                    throw LoadError(at: value, "\(what).\(field).\(key.scalarText ?? "") is a single value (a string, number, true/false or null)")
                }
                addValue(field: field, written: key.scalarText ?? "", canonical: MappedValue(node: value))
            }
        }
    }
}
