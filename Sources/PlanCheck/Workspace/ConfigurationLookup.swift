/// Finds the configuration that governs a dataset: the nearest `.plancheck.yml` in the
/// dataset's folder or above it, stopping at the repository root (the folder holding `.git`),
/// or at the file-system root outside a repository — the way ESLint and SwiftLint pick nested
/// configurations. Answers are cached per folder, so walking a large tree stays cheap.
public struct ConfigurationLookup {
    var cache: [String: String?] = [:]

    public init() {}

    /// The configuration for a dataset file (absolute path), nil when none governs it.
    public mutating func configuration(forFile file: String) -> String? {
        configuration(forFolder: FileSystem.directory(of: RepositoryPaths.absolute(file)))
    }

    /// The configuration for `folder` (absolute or relative to the current folder).
    public mutating func configuration(forFolder folder: String) -> String? {
        let start = RepositoryPaths.absolute(folder)
        var visited: [String] = []
        var current = start
        var found: String?
        while true {
            if let known = cache[current] {
                found = known
                break
            }
            visited.append(current)
            let candidate = FileSystem.join(current, Configuration.fileName)
            if FileSystem.exists(candidate) {
                found = candidate
                break
            }
            // The repository root is the last folder searched: a configuration outside the
            // repository belongs to someone else.
            if current == "/" || current.isEmpty || FileSystem.exists(FileSystem.join(current, ".git")) { break }
            current = FileSystem.directory(of: current)
        }
        for folder in visited { cache[folder] = .some(found) }
        return found
    }

    /// One lookup without a cache.
    public static func nearest(forFolder folder: String) -> String? {
        var lookup = ConfigurationLookup()
        return lookup.configuration(forFolder: folder)
    }

    /// The folders searched from `folder` upward, for a message saying where nothing was found.
    public static func searchedFolders(from folder: String) -> [String] {
        var result: [String] = []
        var current = RepositoryPaths.absolute(folder)
        while true {
            result.append(current)
            if current == "/" || current.isEmpty || FileSystem.exists(FileSystem.join(current, ".git")) { return result }
            current = FileSystem.directory(of: current)
        }
    }
}
