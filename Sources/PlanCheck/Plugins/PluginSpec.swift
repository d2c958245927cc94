/// An external checker program declared in `.plancheck.yml`:
///
/// ```yaml
/// plugins:
///   budget: {command: [plugins/budget_check.py, --strict], timeout: 5}
/// ```
///
/// Rules name it `checker: plugin:budget`. The prefix keeps external programs visible to
/// whoever reviews a rule file (they run only when allowed: see `PluginPermissions`).
public struct PluginSpec: Sendable {
    /// What rules write before the plugin's name in `checker:`.
    public static let checkerPrefix = "plugin:"
    public static let defaultTimeout = 10.0
    /// Longer limits are refused: a CI job should not wait an hour for one rule.
    public static let maxTimeout = 3600.0

    public var name: String
    /// The command as written: the program, then its arguments.
    public var command: [String]
    /// The program as an absolute path when it was written with a `/` (relative ones are
    /// relative to the configuration file), else the bare name, looked up in PATH.
    public var program: String
    public var arguments: [String] { Array(command.dropFirst()) }
    /// Seconds one run (one rule on one document) may take before the program is killed.
    public var timeout: Double
    /// Where the plugin is declared (for errors).
    public var location: SourceLocation

    public init(name: String, command: [String], program: String, timeout: Double = PluginSpec.defaultTimeout,
                location: SourceLocation) {
        self.name = name
        self.command = command
        self.program = program
        self.timeout = timeout
        self.location = location
    }

    /// The time limit for messages: `10 s`, `0.5 s`.
    public var timeoutText: String {
        timeout == timeout.rounded() ? "\(Int(timeout)) s" : "\(timeout) s"
    }

    /// The plugin name in a rule's `checker:` value, nil for a built-in checker name.
    public static func pluginName(inChecker checker: String) -> String? {
        checker.hasPrefix(checkerPrefix) ? String(checker.dropFirst(checkerPrefix.count)) : nil
    }

    /// Reads the configuration's `plugins:` map; relative program paths are relative to `base`
    /// (the configuration file's folder).
    static func parse(_ node: Node?, base: String) throws(LoadError) -> [String: PluginSpec] {
        guard let node, !node.isNull else { return [:] }
        guard node.kind == .map else {
            throw LoadError(at: node, "`plugins` maps plugin names to {command: [program, arguments…], timeout: seconds}")
        }
        var result: [String: PluginSpec] = [:]
        for (name, spec) in node.entries {
            guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) else {
                throw LoadError(at: spec, "plugin name `\(name)` may contain only letters, digits, `-` and `_`")
            }
            guard spec.kind == .map else { throw LoadError(at: spec, "plugin `\(name)` is a map with `command` and `timeout`") }
            try RuleFileLoader.checkKeys(spec, allowed: ["command", "timeout"], what: "plugin `\(name)`")
            guard let commandNode = spec["command"] else {
                throw LoadError(at: spec, "plugin `\(name)` needs `command`: the program and its arguments, such as [plugins/check.py]")
            }
            let command = try Configuration.strings(spec, "command")
            guard let first = command.first, !first.isEmpty else {
                throw LoadError(at: commandNode, "plugin `\(name)`: `command` must start with the program")
            }
            var timeout = defaultTimeout
            if let timeoutNode = spec["timeout"] {
                guard let seconds = timeoutNode.number, seconds > 0, seconds <= maxTimeout else {
                    throw LoadError(at: timeoutNode, "plugin `\(name)`: `timeout` must be a number of seconds above 0 and at most \(Int(maxTimeout))")
                }
                timeout = seconds
            }
            // Absolute, so it still names a path (contains `/`) after `./` is normalized away.
            let absoluteBase = base.hasPrefix("/") ? base : FileSystem.join(FileSystem.currentDirectory, base)
            let program = first.contains("/") ? FileSystem.join(absoluteBase, first) : first
            result[name] = PluginSpec(name: name, command: command, program: program, timeout: timeout, location: spec.location)
        }
        return result
    }
}
