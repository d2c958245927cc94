#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

func printError(_ text: String) {
    let line = text + "\n"
    _ = line.withCString { write(2, $0, strlen($0)) }
}

enum Terminal {
    static func isTerminal(_ fd: Int32) -> Bool { isatty(fd) == 1 }
}

enum Environment {
    /// The variables colour and link choices read (see ColorChoice, LinkBase).
    static let reportVariables = ["NO_COLOR", "FORCE_COLOR", "CLICOLOR_FORCE", "GITHUB_SERVER_URL", "GITHUB_REPOSITORY",
                                  "GITHUB_SHA", "CI_PROJECT_URL", "CI_COMMIT_SHA"]

    static func values(_ names: [String]) -> [String: String] {
        var result: [String: String] = [:]
        for name in names {
            if let value = getenv(name) { result[name] = String(cString: value) }
        }
        return result
    }
}
