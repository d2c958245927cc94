/// Renders a checker's descriptor as Markdown: used by `rules explain` and for docs/checkers.
public enum CheckerDocumentation {
    public static func markdown(_ d: CheckerDescriptor) -> String {
        var out = "# `\(d.name)`\n\n\(d.summary)\n"
        if !d.discussion.isEmpty { out += "\n\(d.discussion)\n" }
        out += "\n## Options\n\n| option | type | required | default | meaning |\n|---|---|---|---|---|\n"
        for o in d.options {
            out += "| `\(o.name)` | \(o.type) | \(o.required ? "yes" : "no") | \(o.defaultValue.map { "`\($0)`" } ?? "") | \(o.summary) |\n"
        }
        out += "\nEvery rule also takes `id`, `checker`, `target`, `severity`, `message`, `description`, `key` and `when`.\n"
        if !d.codes.isEmpty {
            out += "\n## Findings\n\nThe finding id is `rule-id.code` (the bare rule id where the code is —). The default "
            out += "severity applies when the rule sets no `severity:`; a rule's `severity:` sets every code, and the "
            out += "configuration's `severity:` map re-grades one (`rule-id.code: warning`) or switches it `off`.\n\n"
            out += "| code | default severity | meaning |\n|---|---|---|\n"
            for c in d.codes {
                out += "| \(c.code.isEmpty ? "—" : "`\(c.code)`") | \(c.severityText) | \(c.meaning) |\n"
            }
        }
        out += "\n## Examples\n"
        for example in d.examples {
            out += "\n### \(example.triggersFindings ? "Triggers" : "Does not trigger"): \(example.title)\n\n"
            out += "Rule (target `\(example.target)`, as of \(example.asOf)):\n\n```yaml\nchecker: \(d.name)\n\(example.rule)\n```\n\n"
            out += "Data:\n\n```yaml\n\(example.data)\n```\n\n"
            out += example.triggersFindings ? "Findings on: \(example.triggers.joined(separator: ", "))\n" : "No findings.\n"
        }
        return out
    }
}
