/// The plugins a project declares and the permission to run them: what the rule-file loader
/// consults for `checker: plugin:NAME`.
public struct PluginCatalog: Sendable {
    public var plugins: [String: PluginSpec]
    public var permissions: PluginPermissions

    public static let none = PluginCatalog()

    public init(plugins: [String: PluginSpec] = [:], permissions: PluginPermissions = .none) {
        self.plugins = plugins
        self.permissions = permissions
    }

    /// Names rules can write in `checker:` (`plugin:NAME`), for hints.
    var checkerNames: [String] { plugins.keys.sorted().map { PluginSpec.checkerPrefix + $0 } }

    /// The runner for a rule naming `plugin:NAME`. An undeclared plugin is a rule-file error. A
    /// declared one that is missing or not allowed still loads, as a rule that does not run and
    /// reports why once (so the other rules' findings are still reported); nothing is started.
    func runner(plugin name: String, rule: Node, ruleID: String, checkerNode: Node) throws(LoadError) -> PluginRuleRunner {
        guard let spec = plugins[name] else {
            let declared = plugins.isEmpty ? "none is declared" : "declared: " + plugins.keys.sorted().joined(separator: ", ")
            throw LoadError(at: checkerNode, "rule `\(ruleID)`: unknown plugin `\(name)`; declare it under `plugins:` in \(Configuration.fileName) (\(declared))")
        }
        var setupError: LoadError?
        let program = PluginPermissions.resolveProgram(spec.program)
        if let program, !permissions.permits(realPath: program) {
            setupError = LoadError(at: checkerNode, """
                rule `\(ruleID)`: plugin `\(name)` was not run: it would start \(program), which you have not allowed. \
                PlanCheck starts an external program only with your permission: pass --allow-plugin \(program), \
                or list the path in \(PluginPermissions.environmentVariable) or in ~/.config/plancheck/allowed-plugins \
                (see docs/plugins.md)
                """)
        } else if program == nil {
            setupError = LoadError(at: checkerNode, """
                rule `\(ruleID)`: plugin `\(name)` was not run: its program `\(spec.program)` (declared at \(spec.location)) \
                is not an executable file
                """)
        }
        return PluginRuleRunner(plugin: spec, program: setupError == nil ? program : nil,
                                options: PluginProtocol.options(of: rule), setupError: setupError)
    }
}
