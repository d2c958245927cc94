/// Declared rates (`$.ratios[*]`): the share of the `of` records holding every `holds` field,
/// such as the "一书两证" execution rate over `$.projects[*]`.
enum RatioEvaluator {
    /// nil when the ratio names no records to count (`of` missing or not a JSONPath).
    static func evaluate(_ node: Node, root: Node) -> RatioAudit? {
        guard let ofText = AuditFields.text(node["of"]), let path = try? JSONPath(ofText) else { return nil }
        let holds = node["holds"].map { UnitSplitter.units(of: $0).map(\.name) } ?? []
        let records = path.select(root)
        var shortfalls: [RatioAudit.Shortfall] = []
        for record in records {
            let missing = holds.filter { !AuditFields.holds(record.lookup(path: $0)) }
            if !missing.isEmpty {
                shortfalls.append(RatioAudit.Shortfall(
                    id: AuditFields.text(record["id"]) ?? record.normalizedPath,
                    name: AuditFields.text(record["name"]) ?? AuditFields.text(record["title"]) ?? "",
                    missing: missing))
            }
        }
        let satisfied = records.count - shortfalls.count
        // An empty set has no rate: say so rather than report 0 % or 100 %.
        let rate = AuditMath.percent(satisfied, of: records.count)
        let declared = AuditFields.number(node["declared"])
        var meets: Bool?
        // Compared unrounded: 99.96 % must not pass a 100 % target.
        if rate != nil, let declared { meets = Double(satisfied) * 100 >= declared * Double(records.count) }
        return RatioAudit(
            id: AuditFields.text(node["id"]) ?? node.normalizedPath,
            description: AuditFields.text(node["description"]) ?? ofText,
            declared: declared, satisfied: satisfied, total: records.count, rate: rate,
            meetsDeclared: meets, shortfalls: shortfalls)
    }
}
