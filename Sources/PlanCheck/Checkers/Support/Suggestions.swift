/// "Did you mean" suggestions by edit distance over Unicode characters, so that 市发改委 finds
/// 市发展改革委's alias and a misspelled option key finds the right one.
enum Suggestions {
    static func closest(to word: String, among candidates: [String], limit: Int = 3) -> [String] {
        let w = Array(word)
        let threshold = max(1, w.count / 2)
        var scored: [(Int, String)] = []
        for candidate in candidates {
            let d = distance(w, Array(candidate))
            if d <= threshold || candidate.contains(word) || (word.count > 1 && word.contains(candidate) && candidate.count > 1) {
                scored.append((d, candidate))
            }
        }
        scored.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
        var seen = Set<String>()
        return scored.compactMap { seen.insert($0.1).inserted ? $0.1 : nil }.prefix(limit).map { $0 }
    }

    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
