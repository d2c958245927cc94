/// `--color auto|always|never` and the environment conventions CI systems use.
///
/// `always` and `never` win. With `auto`: `NO_COLOR` (https://no-color.org) set to anything
/// non-empty turns colour off; otherwise `FORCE_COLOR` or `CLICOLOR_FORCE` set to anything but
/// empty or `0` turns it on — CI logs (GitHub Actions, GitLab) render colour but are not
/// terminals; otherwise colour only on a terminal.
public enum ColorChoice: String, Sendable, CaseIterable {
    case auto, always, never

    public func wantsColor(environment: [String: String], isTerminal: Bool) -> Bool {
        switch self {
        case .always: return true
        case .never: return false
        case .auto:
            if let value = environment["NO_COLOR"], !value.isEmpty { return false }
            for name in ["FORCE_COLOR", "CLICOLOR_FORCE"] {
                if let value = environment[name], !value.isEmpty, value != "0", value != "false" { return true }
            }
            return isTerminal
        }
    }
}
