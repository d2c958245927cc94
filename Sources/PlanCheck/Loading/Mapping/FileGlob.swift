/// A file pattern of the configuration (`files:` of a `mapping:` entry): `*` matches within one
/// path segment, `**` any number of segments, `?` one character. A pattern without `/` matches
/// a file's name in any folder (`*.csv`); one with `/` matches the path relative to the
/// configuration's folder (`ledgers/*.xlsx`).
public struct FileGlob: Sendable, CustomStringConvertible {
    public let pattern: String
    /// The pattern made absolute (or relative to the working folder, as the config path is).
    let resolved: [Substring]
    let nameOnly: Bool

    public init(_ pattern: String, base: String) {
        self.pattern = pattern
        nameOnly = !pattern.contains("/")
        resolved = nameOnly ? [Substring(pattern)] : FileSystem.join(base, pattern).split(separator: "/")
    }

    public var description: String { pattern }

    public func matches(_ file: String) -> Bool {
        let parts = FileSystem.normalize(file).split(separator: "/")
        if nameOnly { return parts.last.map { Self.matchSegment(Array(resolved[0]), Array($0)) } ?? false }
        return Self.match(resolved[...], parts[...])
    }

    private static func match(_ pattern: ArraySlice<Substring>, _ path: ArraySlice<Substring>) -> Bool {
        guard let head = pattern.first else { return path.isEmpty }
        if head == "**" {
            var rest = path
            while true {
                if match(pattern.dropFirst(), rest) { return true }
                guard !rest.isEmpty else { return false }
                rest = rest.dropFirst()
            }
        }
        guard let segment = path.first, matchSegment(Array(head), Array(segment)) else { return false }
        return match(pattern.dropFirst(), path.dropFirst())
    }

    /// `*` and `?` within one segment (iterative, with one backtrack point: linear in practice).
    static func matchSegment(_ p: [Character], _ s: [Character]) -> Bool {
        var pi = 0, si = 0, star = -1, mark = 0
        while si < s.count {
            if pi < p.count, p[pi] == "?" || p[pi] == s[si] { pi += 1; si += 1 }
            else if pi < p.count, p[pi] == "*" { star = pi; mark = si; pi += 1 }
            else if star >= 0 { pi = star + 1; mark += 1; si = mark }
            else { return false }
        }
        while pi < p.count, p[pi] == "*" { pi += 1 }
        return pi == p.count
    }
}
