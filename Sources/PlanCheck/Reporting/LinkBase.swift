/// Where a repository file can be viewed in a browser, so a pull-request comment can link each
/// finding to its line: `--link-base URL`, else what the CI's environment says.
///
/// - GitHub Actions: `$GITHUB_SERVER_URL/$GITHUB_REPOSITORY/blob/$GITHUB_SHA/`
/// - GitLab CI: `$CI_PROJECT_URL/-/blob/$CI_COMMIT_SHA/`
///
/// A finding links to `base + path + #Lline` (both services use the `#L12` anchor).
public enum LinkBase {
    public static func resolve(option: String?, environment: [String: String]) -> String? {
        if let option, !option.isEmpty { return option.hasSuffix("/") ? option : option + "/" }
        if let server = environment["GITHUB_SERVER_URL"], let repository = environment["GITHUB_REPOSITORY"],
           let sha = environment["GITHUB_SHA"], !server.isEmpty, !repository.isEmpty, !sha.isEmpty {
            return "\(server)/\(repository)/blob/\(sha)/"
        }
        if let project = environment["CI_PROJECT_URL"], let sha = environment["CI_COMMIT_SHA"], !project.isEmpty, !sha.isEmpty {
            return "\(project)/-/blob/\(sha)/"
        }
        return nil
    }

    /// The link to `path` (repository-relative) at `line`.
    public static func link(base: String, path: String, line: Int) -> String {
        base + RepositoryPaths.uriReference(path) + (line >= 1 ? "#L\(line)" : "")
    }
}
