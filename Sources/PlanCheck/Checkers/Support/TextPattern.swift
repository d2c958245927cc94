/// A regular expression from a rule file, compiled once.
///
/// Why a wrapper: the pattern engine can change (a linear-time engine for untrusted patterns)
/// without touching the checkers that use it.
struct TextPattern: @unchecked Sendable {
    // Regex values are immutable; matching from several threads is safe.
    let regex: Regex<AnyRegexOutput>
    let source: String

    init(_ source: String) throws(PatternError) {
        self.source = source
        do { regex = try Regex(source) } catch { throw PatternError(message: "\(error)") }
    }

    func matchesWhole(_ text: String) -> Bool { (try? regex.wholeMatch(in: text)) != nil }
    func matchesPart(_ text: String) -> Bool { (try? regex.firstMatch(in: text)) != nil }
}

struct PatternError: Error {
    var message: String
}
