/// "Did you mean" suggestions for names that are not in a registry (unit names, ids).
///
/// Distances are counted in Unicode scalars (characters, for unit names), not bytes or UTF-16 units:
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
        Index(candidates).closest(to: name, limit: limit)
    }

    /// Candidates prepared once (deduplicated, as Unicode scalar arrays) for many queries: a
    /// registry of hundreds of units answers each unknown name without re-reading every
    /// candidate. Scalars stand for characters here: unit names carry no combining marks.
    struct Index: Sendable {
        let names: [String]
        let scalars: [[UInt32]]

        init(_ candidates: [String]) {
            var seen = Set<String>()
            var names: [String] = []
            for candidate in candidates where !candidate.isEmpty && seen.insert(candidate).inserted { names.append(candidate) }
            self.names = names
            self.scalars = names.map { $0.unicodeScalars.map(\.value) }
        }

        func closest(to name: String, limit: Int = 3) -> [String] {
            let query = name.unicodeScalars.map(\.value)
            guard !query.isEmpty, limit > 0 else { return [] }
            var scored: [(distance: Int, order: Int)] = []
            // Two DP rows reused for every candidate: a registry of hundreds of names is scored
            // per unknown value, and allocating rows per candidate cost more than the DP itself.
            let longest = scalars.reduce(query.count) { max($0, $1.count) }
            var previous = [Int](repeating: 0, count: longest + 1)
            var current = [Int](repeating: 0, count: longest + 1)
            for (order, other) in scalars.enumerated() where other != query {
                let threshold = max(1, (max(query.count, other.count) + 2) / 3)
                // The length difference alone is a lower bound on the distance: skip the matrix
                // when it already rules the candidate out and no containment can rescue it.
                let contains = Suggestions.contains(other, query) || Suggestions.contains(query, other)
                if !contains && abs(query.count - other.count) > threshold { continue }
                let distance = Suggestions.editDistance(query, other, bound: contains ? Int.max : threshold,
                                                        previous: &previous, current: &current)
                if contains || distance <= threshold { scored.append((distance, order)) }
            }
            scored.sort { ($0.distance, $0.order) < ($1.distance, $1.order) }
            return scored.prefix(limit).map { names[$0.order] }
        }
    }

    /// Whether `haystack` contains `needle` as a contiguous run.
    static func contains(_ haystack: [UInt32], _ needle: [UInt32]) -> Bool {
        guard needle.count <= haystack.count, !needle.isEmpty else { return needle.isEmpty }
        outer: for start in 0...(haystack.count - needle.count) {
            for i in 0..<needle.count where haystack[start + i] != needle[i] { continue outer }
            return true
        }
        return false
    }

    /// Levenshtein distance between two scalar arrays, in caller-provided rows (each at least
    /// `b.count + 1` long). Stops early and returns `bound + 1` once every cell of a row exceeds
    /// `bound` (the caller only cares whether it is within).
    static func editDistance(_ a: [UInt32], _ b: [UInt32], bound: Int, previous: inout [Int], current: inout [Int]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        for j in 0...b.count { previous[j] = j }
        for i in 1...a.count {
            current[0] = i
            var rowMin = i
            let ai = a[i - 1]
            for j in 1...b.count {
                let cost = ai == b[j - 1] ? 0 : 1
                let value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                current[j] = value
                if value < rowMin { rowMin = value }
            }
            if bound != Int.max && rowMin > bound { return bound + 1 }
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    static func editDistance(_ a: String, _ b: String) -> Int {
        let x = a.unicodeScalars.map(\.value), y = b.unicodeScalars.map(\.value)
        var previous = [Int](repeating: 0, count: y.count + 1), current = previous
        return editDistance(x, y, bound: Int.max, previous: &previous, current: &current)
    }

}
