/// "Did you mean" suggestions for names that are not in a registry (unit names, ids).
///
/// Distances are counted in `Character`s (extended grapheme clusters), not bytes or UTF-16 units:
/// unit names are Chinese, where one character is three UTF-8 bytes, and `市发改委` vs `发改委`
/// must be one edit apart, not three.
enum Suggestions {
    /// Up to `limit` candidates close to `name`, closest first (ties in the candidates' order).
    ///
    /// A candidate qualifies when its edit distance is small relative to the name's length
    /// (about a third, at least 1, so short Chinese names still get one-character typos) or when
    /// one name contains the other (abbreviations: `发展改革委` for `市发展改革委`). Exact matches
    /// are not suggestions and are skipped.
    static func closest(to name: String, among candidates: [String], limit: Int = 3) -> [String] {
        let query = Array(name)
        guard !query.isEmpty, limit > 0 else { return [] }
        var scored: [(distance: Int, order: Int, name: String)] = []
        var seen: Set<String> = []
        for (order, candidate) in candidates.enumerated() where candidate != name && !seen.contains(candidate) {
            seen.insert(candidate)
            let other = Array(candidate)
            guard !other.isEmpty else { continue }
            let threshold = max(1, (max(query.count, other.count) + 2) / 3)
            // The length difference alone is a lower bound on the distance: skip the matrix when
            // it already rules the candidate out and no containment can rescue it.
            let contains = candidate.contains(name) || name.contains(candidate)
            if !contains && abs(query.count - other.count) > threshold { continue }
            let distance = editDistance(query, other, bound: contains ? Int.max : threshold)
            if contains || distance <= threshold {
                scored.append((distance, order, candidate))
            }
        }
        scored.sort { ($0.distance, $0.order) < ($1.distance, $1.order) }
        return scored.prefix(limit).map(\.name)
    }

    /// Levenshtein distance between two character arrays. Stops early and returns `bound + 1`
    /// once every cell of a row exceeds `bound` (the caller only cares whether it is within).
    static func editDistance(_ a: [Character], _ b: [Character], bound: Int = Int.max) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = Array(repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMin = current[0]
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                rowMin = min(rowMin, current[j])
            }
            if bound != Int.max && rowMin > bound { return bound + 1 }
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    static func editDistance(_ a: String, _ b: String) -> Int { editDistance(Array(a), Array(b)) }

    /// ` (did you mean 市发展改革委?)`, or "" when there is nothing to suggest; for messages.
    static func didYouMean(_ name: String, among candidates: [String]) -> String {
        let found = closest(to: name, among: candidates)
        guard !found.isEmpty else { return "" }
        return " (did you mean " + found.joined(separator: ", ") + "?)"
    }
}

extension Suggestions {
    /// Plain Levenshtein distance over characters (the name main's first version used).
    static func distance(_ a: [Character], _ b: [Character]) -> Int { editDistance(a, b) }
}
