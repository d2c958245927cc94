/// `unique`: a key (or a combination of fields) is unique across the target records.
public struct UniqueChecker: Checker {
    public static let descriptor = CheckerDescriptor(
        name: "unique",
        summary: "A field, or a combination of fields, is unique across the target records.",
        discussion: """
        Each repeat is reported at the repeated value, naming the line of the first occurrence. \
        Records without the fields are skipped (use `required` for those). Values compare by \
        their text, so `1` and `"1"` collide — ids are names, not numbers.
        """,
        options: [
            OptionSpec("fields", .strings, required: true, default: nil, "The field, or fields whose combination, must be unique."),
        ],
        examples: [
            CheckerExample("Two measures numbered alike", rule: "fields: id", data: """
                tasks:
                  - {id: M01, title: 加快发展总部经济}
                  - {id: M02, title: 推进口岸建设}
                  - {id: M01, title: 提升国际航运能力}
                """, triggers: ["M01"]),
            CheckerExample("A combination that repeats only in part", rule: "fields: [action, seq]", data: """
                tasks:
                  - {id: a, action: A01, seq: 1}
                  - {id: b, action: A02, seq: 1}
                """, triggers: []),
        ],
        codes: [
            FindingCode("", .rule, "A value (or combination of values) already used by an earlier record."),
        ])

    let fields: [String]

    public init(options: RuleOptions) throws(LoadError) {
        fields = options.strings("fields")
        if fields.isEmpty { throw options.error("fields", "name at least one field") }
    }

    public struct State: Sendable {
        /// Combined key → line where it was first seen.
        var firstSeen = ByteStringTable<Int>()
        var scratch: [UInt8] = []
    }

    public func makeState(context: CheckContext) -> State { State() }

    public func check(_ record: Record, state: inout State, report: inout FindingReporter) {
        // The combined key is built as bytes (fields joined by U+001F) to avoid a String per record.
        state.scratch.removeAll(keepingCapacity: true)
        var first: Node?
        for (i, field) in fields.enumerated() {
            guard let value = record[field], value.kind != .null else { return }
            if i > 0 { state.scratch.append(0x1F) }
            if value.kind == .string {
                value.withUTF8 { state.scratch.append(contentsOf: $0) }
            } else {
                state.scratch.append(contentsOf: value.displayText.utf8)
            }
            if first == nil { first = value }
        }
        let line = (first ?? record.node).line
        let earlier = state.scratch.withUnsafeBufferPointer { [line] bytes in state.firstSeen.insert(bytes, line) }
        if let earlier {
            let key = String(decoding: state.scratch, as: UTF8.self)
            let shown = fields.count == 1 ? "`\(fields[0])` \"\(key)\"" : "(\(fields.joined(separator: ", "))) = (\(key.replacingAll("\u{1F}", with: ", ")))"
            report.report(record, at: first, message: "duplicate \(shown); first used at line \(earlier)",
                          values: ["field": fields.joined(separator: ", "), "value": key])
        }
    }
}

extension String {
    func replacingAll(_ target: Character, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
