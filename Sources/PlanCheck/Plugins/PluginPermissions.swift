#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Which external programs may run. A rule file, a `.plancheck.yml` or a dataset can arrive in
/// an untrusted pull request, so nothing in them can grant permission: only the person running
/// PlanCheck can, through
///
/// - `--allow-plugin PATH` on the command line (repeatable),
/// - the `PLANCHECK_ALLOWED_PLUGINS` environment variable (paths separated by `:`),
/// - the user's allow file `$XDG_CONFIG_HOME/plancheck/allowed-plugins` (default
///   `~/.config/plancheck/allowed-plugins`): one path per line, `#` comments — ignored when it
///   lies inside the project being checked.
///
/// Programs are compared by their real path (symbolic links and `..` resolved), so a link
/// in the repository cannot impersonate an allowed program, and an allowed program can be
/// named by any path leading to it.
public struct PluginPermissions: Sendable {
    public static let environmentVariable = "PLANCHECK_ALLOWED_PLUGINS"

    /// Real paths of the allowed programs.
    public private(set) var allowed: Set<String> = []

    public static let none = PluginPermissions()

    public init() {}

    /// Allows `paths` (relative ones against the current folder). A path that does not exist
    /// allows nothing.
    public init(paths: [String]) {
        for path in paths {
            if let real = Self.realPath(path) { allowed.insert(real) }
        }
    }

    /// The command line's paths, the environment variable's and the user's allow file's.
    /// - Parameter projectDirectory: the folder of the configuration in use; an allow file inside
    ///   it is ignored (a repository must not be able to allow its own programs).
    public static func standard(commandLine: [String], projectDirectory: String?,
                                environment: [String: String] = processEnvironment()) -> PluginPermissions {
        var paths = commandLine
        if let list = environment[environmentVariable] {
            paths += list.split(separator: ":").map(String.init)
        }
        if let file = allowFile(environment: environment), let real = realPath(file) {
            let project = projectDirectory.flatMap(realPath)
            if project.map({ real.hasPrefix($0 + "/") }) != true, let text = try? FileReader.read(real) {
                paths += parseAllowFile(String(decoding: text, as: UTF8.self))
            }
        }
        return PluginPermissions(paths: paths)
    }

    /// Where the user's allow file is looked for.
    public static func allowFile(environment: [String: String]) -> String? {
        if let config = environment["XDG_CONFIG_HOME"], config.hasPrefix("/") { return config + "/plancheck/allowed-plugins" }
        if let home = environment["HOME"], home.hasPrefix("/") { return home + "/.config/plancheck/allowed-plugins" }
        return nil
    }

    /// One path per line; blank lines and `#` comments skipped.
    static func parseAllowFile(_ text: String) -> [String] {
        text.split(whereSeparator: \.isNewline).compactMap { line in
            let content = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            let path = trimmed(content)
            return path.isEmpty ? nil : path
        }
    }

    public func permits(realPath: String) -> Bool { allowed.contains(realPath) }

    /// The program a plugin runs: its path with symbolic links resolved, searching PATH for a
    /// bare name; nil when no executable file is found.
    public static func resolveProgram(_ program: String, environment: [String: String] = processEnvironment()) -> String? {
        if program.contains("/") {
            return realPath(program).flatMap { access($0, X_OK) == 0 ? $0 : nil }
        }
        for directory in (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            if let real = realPath(String(directory) + "/" + program), access(real, X_OK) == 0 { return real }
        }
        return nil
    }

    /// The variables permissions depend on, from this process's environment.
    public static func processEnvironment() -> [String: String] {
        var result: [String: String] = [:]
        for name in [environmentVariable, "XDG_CONFIG_HOME", "HOME", "PATH"] {
            if let value = getenv(name) { result[name] = String(cString: value) }
        }
        return result
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}

/// `text` without surrounding blanks (no Foundation here).
private func trimmed(_ text: Substring) -> String {
    var slice = text
    while let first = slice.first, first == " " || first == "\t" { slice.removeFirst() }
    while let last = slice.last, last == " " || last == "\t" { slice.removeLast() }
    return String(slice)
}
