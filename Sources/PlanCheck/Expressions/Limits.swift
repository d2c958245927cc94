/// Bounds that keep hostile or accidental input from exhausting the stack or memory.
public enum ExpressionLimits {
    /// Longest accepted source, in UTF-8 bytes. Rule-file expressions are a line or two; a
    /// megabyte-long literal is a mistake or an attack.
    public static let maxSourceBytes = 100_000
    /// Deepest accepted syntax tree (CEL requires implementations to support 32 levels). The
    /// evaluator recurses once per level, so this also bounds evaluation recursion.
    public static let maxDepth = 250
    /// Largest counted repetition in a regular expression (`x{1000}`), as in RE2.
    public static let maxRepeat = 1000
    /// Largest compiled regular expression program, in instructions.
    public static let maxRegexProgram = 100_000
}
