/// `plancheck init`: a commented starter `.plancheck.yml` and rule file guessed from the
/// datasets in a folder. The guesses are deliberately plain (key present and unique, fields
/// every record already has stay required, lead units registered when a unit list exists) —
/// a starting point the user edits, which passes on the data as it is where it can.
public enum StarterProject {
    public static let rulesFileName = "plancheck-rules.yml"
    /// At most this many datasets are read to guess collections (a folder may hold thousands).
    static let maxFilesRead = 20

    /// A list of records found in a dataset.
    public struct Collection: Sendable, Equatable {
        public var file: String
        /// Further datasets holding a list of the same name (two plan documents both have `tasks`).
        public var otherFiles: [String] = []
        /// The rule ids' prefix: the name with what an id cannot hold made `-`, unique per run.
        public var ruleBase = ""
        /// Top-level key, or `parent.key` one level down.
        public var name: String
        public var target: String
        public var count: Int
        /// The field naming records, when one is present in every record.
        public var key: String?
        /// Fields (other than the key) present and non-empty in every record, in document order.
        public var commonFields: [String]
        /// Fields present in at least one record, in first-seen order.
        public var anyFields: [String] = []
        /// The keys of the records' `permits` maps (`siteSelection`, `landUse`, …), first-seen order.
        public var permitFields: [String] = []
        /// The document's plan period (`$.plan.period` holding `start` and `end`), when there is one.
        public var periodPath: String?
        /// The document's issue date (`$.plan.issued`), when there is one.
        public var issuedPath: String?

        func has(_ field: String) -> Bool { anyFields.contains(field) }

        public var looksLikeUnitRegistry: Bool {
            let lower = name.lowercased()
            return ["unit", "department", "organi", "agenc", "单位", "部门"].contains { lower.contains($0) }
                && commonFields.contains("name")
        }
    }

    public struct Files: Sendable {
        public var config: String
        public var rules: String
        public var datasets: [String]
        public var collections: [Collection]
    }

    /// Looks at the datasets under `directory` (names relative to it) and writes the two files'
    /// text. Nil when there is no readable dataset.
    public static func make(directory: String, today: PlanDate = .today()) -> Files? {
        let all = FileSystem.files(under: directory, extensions: DatasetLoader.extensions)
            .map { RepositoryPaths.relative($0, to: RepositoryPaths.absolute(directory)) }
            .filter { $0 != rulesFileName }
        var datasets: [String] = []
        var collections: [Collection] = []
        for file in all.prefix(maxFilesRead) {
            guard let document = try? DatasetLoader.load(path: FileSystem.join(directory, file)), let root = document.root else { continue }
            datasets.append(file)
            collections += discover(root: root, file: file)
        }
        guard !datasets.isEmpty else { return nil }
        collections = merged(collections)
        datasets += all.dropFirst(maxFilesRead)
        return Files(config: config(datasets: datasets, collections: collections, today: today),
                     rules: rules(collections: collections), datasets: datasets, collections: collections)
    }

    /// One collection per name, so every rule id is written once: the same list in several
    /// datasets gets one set of rules that runs on each of them — fields every record of every
    /// dataset fills in, the key only when all use the same one, the plan period only when all
    /// state it. Rule-id prefixes are made unique (`plan.tasks` and `plan-tasks` both give
    /// `plan-tasks`).
    static func merged(_ collections: [Collection]) -> [Collection] {
        var result: [Collection] = []
        var index: [String: Int] = [:]
        for c in collections {
            guard let i = index[c.name] else {
                index[c.name] = result.count
                result.append(c)
                continue
            }
            var m = result[i]
            if !m.otherFiles.contains(c.file) && m.file != c.file { m.otherFiles.append(c.file) }
            m.count += c.count
            if m.key != c.key { m.key = nil }
            m.commonFields = m.commonFields.filter { c.commonFields.contains($0) || c.key == $0 }
            m.anyFields += c.anyFields.filter { !m.anyFields.contains($0) }
            m.permitFields += c.permitFields.filter { !m.permitFields.contains($0) }
            if m.periodPath != c.periodPath { m.periodPath = nil }
            if m.issuedPath != c.issuedPath { m.issuedPath = nil }
            result[i] = m
        }
        var used = Set<String>()
        for i in result.indices {
            let base = String(result[i].name.map { $0.isLetter || $0.isNumber || $0 == "_" ? $0 : "-" })
            var candidate = base
            var n = 2
            while !used.insert(candidate).inserted {
                candidate = "\(base)-\(n)"
                n += 1
            }
            result[i].ruleBase = candidate
        }
        return result
    }

    /// Lists of maps at the top level and one level down (`plan: {tasks: […]}`).
    static func discover(root: Node, file: String) -> [Collection] {
        guard root.kind == .map else { return [] }
        let period = root.lookup(path: "plan.period").flatMap { $0.kind == .map && $0["start"] != nil && $0["end"] != nil ? "$.plan.period" : nil }
        let issued = root.lookup(path: "plan.issued").map { _ in "$.plan.issued" }
        var found: [Collection] = []
        for (key, value) in root.entries {
            if let c = collection(value, file: file, name: key, target: "$" + member(key)) { found.append(c) }
            if value.kind == .map {
                for (inner, list) in value.entries {
                    if let c = collection(list, file: file, name: key + "." + inner, target: "$" + member(key) + member(inner)) { found.append(c) }
                }
            }
        }
        for i in found.indices {
            found[i].periodPath = period
            found[i].issuedPath = issued
        }
        return found
    }

    static func collection(_ node: Node, file: String, name: String, target: String) -> Collection? {
        guard node.kind == .list else { return nil }
        let records = node.items.filter { $0.kind == .map }
        guard !records.isEmpty, records.count == node.count else { return nil }
        var common: [String] = []
        for field in records[0].keys.compactMap(\.string) where records.allSatisfy({ ($0[field].map { !$0.isEmpty && !$0.isNull }) ?? false }) {
            common.append(field)
        }
        let key = ["id", "code", "no", "编号", "name", "名称"].first { common.contains($0) }
        var any: [String] = []
        var permits: [String] = []
        for record in records {
            for field in record.keys.compactMap(\.string) where !any.contains(field) { any.append(field) }
            for permit in record["permits"]?.keys.compactMap(\.string) ?? [] where !permits.contains(permit) { permits.append(permit) }
        }
        return Collection(file: file, name: name, target: target + "[*]", count: records.count, key: key,
                          commonFields: common.filter { $0 != key }, anyFields: any, permitFields: permits)
    }

    /// `.name` when the key is a plain member name, else `['name']` (RFC 9535).
    static func member(_ key: String) -> String {
        let plain = !key.isEmpty && !key.first!.isNumber && key.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
        return plain ? "." + key : "['" + key.replacing("\\", with: "\\\\").replacing("'", with: "\\'") + "']"
    }

    /// A rule id of a collection (letters, digits, `-` and `_` only; see `merged`).
    static func ruleID(_ c: Collection, _ suffix: String) -> String {
        c.ruleBase + "-" + suffix
    }

    static func quoted(_ text: String) -> String {
        "\"" + text.replacing("\\", with: "\\\\").replacing("\"", with: "\\\"") + "\""
    }

    static func flowList(_ items: [String]) -> String {
        items.count == 1 ? quoted(items[0]) : "[" + items.map(quoted).joined(separator: ", ") + "]"
    }

    static func config(datasets: [String], collections: [Collection], today: PlanDate) -> String {
        let registry = collections.first(where: \.looksLikeUnitRegistry)
        var out = """
        # PlanCheck configuration, written by `plancheck init`. Paths are relative to this file.
        # `plancheck check` finds it in this folder or above; see README.md and docs/ci.md.

        rules: [\(rulesFileName)]            # rule files (`plancheck rules list` shows their rules)
        \(Project.packNames.isEmpty ? "" : "# packs: [\(Project.packNames.joined(separator: ", "))]   # built-in rule packs\n")\
        datasets: \(flowList(datasets))      # checked when `plancheck check` gets no PATH
        # asOf: \(today)                  # the as-of date for deadline rules (default: the day of the run)

        """
        if let registry {
            out += """
            collections:                        # record lists other rules consult by name
              units: {file: \(quoted(registry.file)), path: \(quoted(registry.target))}

            """
        } else {
            out += """
            # collections:                      # record lists other rules consult by name
            #   units: {file: units.yaml, path: "$.units[*]"}

            """
        }
        let example = collections.first.map { ruleID($0, "required") } ?? "rule-id"
        out += """
        # severity:                         # per-rule overrides: error, warning, info or off
        #   \(example): warning
        # ignore:                           # hide findings on purpose; a reason is required
        #   - rule: \(example)
        #     records: [ID-1]               # record keys, or `paths:` with JSONPaths
        #     reason: why this is acceptable

        """
        return out
    }

    static func rules(collections: [Collection]) -> String {
        var out = """
        # Starter rules, written by `plancheck init` from the datasets in this folder. Edit freely:
        # `plancheck rules list` lists the checkers, `plancheck rules explain CHECKER` shows a
        # checker's options and examples (deadline, accountability, ratio, indicator, total, …).
        ruleset: starter
        description: Rules guessed from the datasets' structure; tighten them to what the plan must hold.
        rules:

        """
        let registry = collections.first(where: \.looksLikeUnitRegistry)
        if collections.isEmpty {
            out += """
              # No list of records was found; a rule selects records with a JSONPath:
              - id: tasks-id-required
                checker: required
                target: $.tasks[*]
                fields: id

            """
            return out
        }
        for c in collections {
            out += "  # \(c.name): \(c.count) record\(c.count == 1 ? "" : "s") in \(([c.file] + c.otherFiles).joined(separator: ", "))\n"
            let required = (c.key.map { [$0] } ?? []) + c.commonFields.prefix(5)
            if !required.isEmpty {
                out += """
                  - id: \(ruleID(c, "required"))
                    description: Every record of `\(c.name)` fills in these fields.
                    checker: required
                    target: \(quoted(c.target))

                """
                if let key = c.key, key != "id" { out += "    key: \(quoted(key))\n" }
                out += "    fields: \(flowList(required))\n"
            }
            if let key = c.key {
                out += """
                  - id: \(ruleID(c, "\(key == "id" ? "id" : "key")-unique"))
                    checker: unique
                    target: \(quoted(c.target))

                """
                if key != "id" { out += "    key: \(quoted(key))\n" }
                out += "    fields: \(quoted(key))\n"
            }
            out += domainRules(c, registry: registry == c ? nil : registry)
        }
        return out
    }

    /// The built-in packs' rules for what the records hold — units, deadlines, indicators,
    /// permits — written out with this collection's target, so they run wherever the data keeps
    /// its records (the packs assume `$.tasks[*]`, `$.indicators[*]`, `$.projects[*]`).
    static func domainRules(_ c: Collection, registry: Collection?) -> String {
        var out = ""
        if c.has("lead") {
            // The `plan-basics` and `accountability` packs: leads present and registered,
            // participants registered, no lead repeated among them.
            out += """
              - id: \(ruleID(c, "accountability"))
                description: Every record names lead units\(registry.map { " that the registry (`\($0.name)`) knows" } ?? ""), without repeating the lead among the participants.
                checker: accountability
                target: \(quoted(c.target))

            """
            if let registry { out += "    collection: units             # the registry, declared in .plancheck.yml\n    in: \(quoted(registry.target))\n" }
            if c.has("owner") { out += "    requireOwner: true            # 落实到人头\n" }
        }
        if c.has("due") {
            // The `deadlines` pack, with the plan period when the data states it.
            out += """
              - id: \(ruleID(c, "deadline"))
                description: Deadlines are readable, inside the plan period, and kept as of the as-of date.
                checker: deadline
                target: \(quoted(c.target))

            """
            if let period = c.periodPath {
                out += "    period: \(quoted(period))\n"
            } else {
                out += "    # periodStart: 2021-01-01      # the plan period, when the data does not state it\n    # periodEnd: 2025-12-31\n"
            }
            if let issued = c.issuedPath { out += "    issued: \(quoted(issued))\n" }
            out += "    dueSoonDays: 14\n"
        }
        if c.has("target") && (c.has("actual") || c.has("kind")) {
            // The `indicators` pack.
            out += """
              - id: \(ruleID(c, "indicator"))
                description: Binding (约束性) indicators meet their targets (errors), expected (预期性) ones too (warnings).
                checker: indicator
                target: \(quoted(c.target))

            """
            if let period = c.periodPath { out += "    period: \(quoted(period))\n" }
        }
        if !c.permitFields.isEmpty {
            // The `permits` pack: every project holds every permit (一书两证执行率 100 %).
            out += """
              - id: \(ruleID(c, "permits"))
                description: Every record holds every permit its `permits` lists.
                checker: ratio
                target: \(quoted(c.target))
                fields: \(flowList(c.permitFields.map { "permits." + $0 }))
                min: 1.0
                label: 一书两证执行率

            """
        }
        return out
    }
}
