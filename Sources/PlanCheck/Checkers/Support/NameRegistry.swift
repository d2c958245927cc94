/// A registry of names — units with their abbreviations, or any records named by some fields:
/// every name a `match` field gives (a string, a `、`-separated string or a list) stands for the
/// entry's canonical name, the first name the entry gives. `reference`, `accountability` and the
/// audit resolve names through it. Lookups go by bytes, so checking a record allocates nothing.
struct NameRegistry: Sendable {
    /// Name → index of its canonical name in `canonicalNames`.
    private var table = ByteStringTable<Int32>()
    private var canonicalNames: [String] = []

    init(entries: [Node], match: [String]) {
        for entry in entries {
            var canonical: Int32?
            for field in match {
                guard let value = entry.lookup(path: field) else { continue }
                for (name, _) in UnitSplitter.units(of: value) {
                    if canonical == nil {
                        canonicalNames.append(name)
                        canonical = Int32(canonicalNames.count - 1)
                    }
                    table.insert(name, canonical!) // the first entry naming it keeps it
                }
            }
        }
    }

    var isEmpty: Bool { table.count == 0 }

    func contains(_ name: UnsafeBufferPointer<UInt8>) -> Bool { table.find(name) != nil }

    /// The canonical name `name` stands for, or nil when the registry does not know it.
    func canonical(of name: String) -> String? { table.find(name).map { canonicalNames[Int($0)] } }

    /// Every name, in registry order, prepared for "did you mean". Built on demand: only values
    /// that miss need it, and a registry can be every record of a large dataset.
    func suggestionIndex() -> Suggestions.Index {
        Suggestions.Index((0..<table.count).map { table.key(at: $0) })
    }
}

/// Where a checker finds its registry: a collection named in the configuration, or a JSONPath
/// into the document being checked. A configured collection wins, so one rule (the packs name
/// both) serves plans with and without a registry file of their own.
struct RegistrySource: Sendable {
    let path: JSONPath?
    let collection: String?

    init(options: RuleOptions) throws(LoadError) {
        path = try options.jsonPath("in")
        collection = options.string("collection")
    }

    var isDeclared: Bool { path != nil || collection != nil }

    /// The registry's entries and a description of where they came from (for messages); nil
    /// when the rule names only a collection the configuration does not define.
    func entries(in context: CheckContext) -> (records: [Node], source: String)? {
        if let collection, let list = context.collections[collection] {
            return (list, "collection `\(collection)`")
        }
        if let path {
            return (path.select(context.root), collection.map { "`\(path.text)` (collection `\($0)` is not configured)" } ?? "`\(path.text)`")
        }
        return nil
    }

    /// Why there is no registry, for messages.
    var unavailable: String {
        "collection `\(collection ?? "")` is not configured (add it under `collections:` in .plancheck.yml)"
    }
}
