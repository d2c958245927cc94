/// Resolves unit names as a plan writes them (`文体旅游局`, `发改委`) to the registry's full names
/// (`市文体旅游局`), so one unit's tasks are counted together however the text abbreviates it.
struct UnitRegistry {
    private var canonical: [String: String] = [:]

    /// `records` are registry entries with `name` and optional `aliases` / `shortName`.
    init(records: [Node]) {
        for record in records {
            guard let name = AuditFields.text(record["name"]) else { continue }
            canonical[name] = name
            for field in ["aliases", "shortName"] {
                guard let node = record[field] else { continue }
                for alias in UnitSplitter.units(of: node) where canonical[alias.name] == nil {
                    canonical[alias.name] = name
                }
            }
        }
    }

    var isEmpty: Bool { canonical.isEmpty }

    /// The registry name and whether the registry knows the unit.
    func resolve(_ written: String) -> (name: String, registered: Bool) {
        if let name = canonical[written] { return (name, true) }
        return (written, false)
    }
}
