import ArgumentParser
import PlanCheck

struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List checkers and rules, or explain one.",
        subcommands: [ListRules.self, ExplainRule.self],
        defaultSubcommand: ListRules.self
    )
}

struct ListRules: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List every checker and every rule of the active rule files and packs.")

    @OptionGroup var project: ProjectOptions

    func run() throws {
        print("Checkers:")
        for descriptor in CheckerRegistry.builtIn.descriptors {
            print("  \(descriptor.name.padding(16))\(descriptor.summary)")
        }
        print("\nBuilt-in packs: \(Project.packNames.joined(separator: ", "))")
        if project.config == nil && project.rules.isEmpty
            && ConfigurationLookup.nearest(forFolder: FileSystem.currentDirectory) == nil {
            // Say so: a silent list of checkers reads as "this project has no rules".
            let searched = ConfigurationLookup.searchedFolders(from: FileSystem.currentDirectory)
            print("\nNo configuration found: no \(Configuration.fileName) in \(searched.first ?? ".")"
                  + (searched.count > 1 ? " or the folders above it up to \(searched.last!)" : "")
                  + ". Listed only checkers and built-in packs; run in a plan folder, or give --config FILE or --rules FILE.")
            Self.printImportRules([:])
            return
        }
        let loaded: Project
        do {
            loaded = try project.load(paths: [])
        } catch {
            throw Self.failInput(error)
        }
        for set in loaded.ruleSets {
            print("\nRules of `\(set.name)` (\(set.file)):")
            for rule in set.rules {
                let state = Self.state(loaded.configuration.severityOverrides[rule.id], default: rule.severity)
                print("  \(rule.id.padding(34)) \(rule.checker.padding(15)) \(state.padding(20)) \(rule.description)")
            }
        }
        Self.printImportRules(loaded.configuration.severityOverrides)
    }

    /// A rule's severity as `severity:` leaves it: `off`, `warning (overridden)` or its default.
    static func state(_ override: Severity??, default level: Severity) -> String {
        switch override {
        case .some(.none): "off"
        case .some(.some(let level)): "\(level.rawValue) (overridden)"
        case .none: level.rawValue
        }
    }

    /// The notes of reading plan documents (.docx, .txt, .md): always active, so always listed.
    static func printImportRules(_ overrides: [String: Severity?]) {
        print("\nPlan document notes (checker `\(ImportRules.checker)`, reported when `check` reads a .docx, .txt or .md plan):")
        for (id, description) in ImportRules.descriptions {
            let state = state(overrides.keys.contains(id) ? overrides[id] : overrides[ImportRules.checker], default: ImportRules.defaultSeverity)
            print("  \(id.padding(34)) \(ImportRules.checker.padding(15)) \(state.padding(20)) \(description)")
        }
    }
}

struct ExplainRule: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "explain", abstract: "Explain a checker, a built-in pack or a rule, with its examples.")

    @OptionGroup var project: ProjectOptions

    @Argument(help: "A checker name (`required`), a built-in pack (`deadlines`) or a rule id from the active rule files and packs.")
    var id: String

    func run() throws {
        var rule: CompiledRule?
        let loaded = try? project.load(paths: [])
        if let loaded {
            rule = loaded.engine.rules.first { $0.id == id }
        }
        if rule == nil {
            // Built-in packs are always explainable, even outside a project.
            for name in Project.packNames {
                if let set = try? Project.pack(named: name), let found = set.rules.first(where: { $0.id == id }) {
                    rule = found
                    break
                }
            }
        }
        if rule == nil, let description = ImportRules.description(of: id) {
            print("Rule \(id) — checker `\(ImportRules.checker)`, severity \(ImportRules.defaultSeverity.rawValue) unless `severity:` sets it")
            print("Reported by `check` (and printed by `import`) when reading a plan document (.docx, .txt, .md); see docs/documents.md.\n")
            print(description)
            return
        }
        let checkerName = rule?.checker ?? id
        // An external plugin documents itself elsewhere; say what would run.
        if let name = PluginSpec.pluginName(inChecker: checkerName), let plugin = loaded?.configuration.plugins[name] {
            if let rule { printHeader(rule) }
            print("External checker plugin `\(name)` (declared at \(plugin.location)): runs \(plugin.command.joined(separator: " ")) "
                  + "with a \(plugin.timeoutText) limit, only when allowed (--allow-plugin; see docs/plugins.md).")
            return
        }
        // `rules list` names the built-in packs, so a pack name is what people try next.
        let pack = rule == nil ? try? Project.pack(named: id) : nil
        guard let checker = CheckerRegistry.builtIn[checkerName] else {
            if let pack {
                printPack(pack)
                return
            }
            printError("error: `\(id)` is neither a checker, a built-in pack nor a rule id of the active rule files or built-in packs; see `plancheck rules list`")
            throw ExitCode(2)
        }
        if let rule { printHeader(rule) }
        print(CheckerDocumentation.markdown(checker.descriptor))
        // `accountability` is a checker and a pack.
        if let pack { print(""); printPack(pack) }
    }

    /// Where a rule is written; a built-in pack's rules live in the binary, so name the pack
    /// (its YAML is `Rules/NAME.yml` in PlanCheck's source, and `rules explain NAME` lists it).
    static func definedAt(_ location: SourceLocation) -> String {
        let file = location.file
        if file.hasPrefix("Rules/"), file.hasSuffix(".yml") {
            let name = String(file.dropFirst("Rules/".count).dropLast(".yml".count))
            if Project.packNames.contains(name) {
                return "the built-in pack `\(name)` (line \(location.line) of Rules/\(name).yml in PlanCheck's source; `plancheck rules explain \(name)` lists its rules)"
            }
        }
        return location.description
    }

    /// A built-in pack: what it is for and its rules, each explainable by its id.
    func printPack(_ pack: RuleSet) {
        print("Built-in pack `\(pack.name)` (`packs: [\(pack.name)]` in .plancheck.yml)")
        if !pack.description.isEmpty { print("\n\(pack.description)") }
        print("\nRules (`plancheck rules explain RULE-ID` explains one):")
        for rule in pack.rules {
            print("  \(rule.id.padding(34)) \(rule.checker.padding(15)) \(rule.severity.rawValue.padding(8)) \(rule.description)")
        }
    }

    func printHeader(_ rule: CompiledRule) {
        print("Rule \(rule.id) — checker `\(rule.checker)`, severity \(rule.severity.rawValue), target \(rule.target.text)")
        print("Defined at \(Self.definedAt(rule.location))")
        if !rule.description.isEmpty { print("\n\(rule.description)") }
        print("")
    }
}

extension String {
    func padding(_ width: Int) -> String {
        let visible = self.reduce(0) { $0 + ($1.isWideCJK ? 2 : 1) }
        return visible >= width ? self + " " : self + String(repeating: " ", count: width - visible)
    }
}

extension Character {
    var isWideCJK: Bool {
        guard let v = unicodeScalars.first?.value else { return false }
        return (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
            || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
    }
}
