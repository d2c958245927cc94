/// A regular expression from a rule file, compiled once, using the expression language's RE2
/// engine: matching runs in time linear in the input, so no pattern can hang a check.
struct TextPattern: Sendable {
    let whole: Regex
    let source: String

    init(_ source: String) throws(PatternError) {
        self.source = source
        do { whole = try Regex("^(?:" + source + ")$") } catch { throw PatternError(message: error.message) }
    }

    func matchesWhole(_ text: String) -> Bool { whole.matches(text) }
}

struct PatternError: Error {
    var message: String
}
