/// A value of the recognised dataset with the spot of the document it was read from: the one
/// model behind the loaded `Document`, the JSON and the YAML that `plancheck import` writes.
indirect enum ImportedValue: Sendable, Equatable {
    case string(String, SourcePosition)
    case integer(Int, SourcePosition)
    case bool(Bool, SourcePosition)
    case list([ImportedValue], SourcePosition)
    case map([ImportedField], SourcePosition)

    var position: SourcePosition {
        switch self {
        case .string(_, let p), .integer(_, let p), .bool(_, let p), .list(_, let p), .map(_, let p): p
        }
    }

    subscript(key: String) -> ImportedValue? {
        guard case .map(let fields, _) = self else { return nil }
        return fields.first { $0.key == key }?.value
    }

    var stringValue: String? {
        if case .string(let s, _) = self { return s }
        return nil
    }

    var items: [ImportedValue] {
        if case .list(let items, _) = self { return items }
        return []
    }
}

struct ImportedField: Sendable, Equatable {
    var key: String
    var value: ImportedValue
}

/// Builds a record's fields in order, leaving out what the document does not say.
struct RecordBuilder {
    private(set) var fields: [ImportedField] = []

    mutating func add(_ key: String, _ value: ImportedValue?) {
        if let value { fields.append(ImportedField(key: key, value: value)) }
    }

    mutating func add(_ key: String, _ value: Located<String>?) {
        if let value { fields.append(ImportedField(key: key, value: .string(value.value, value.position))) }
    }

    mutating func add(_ key: String, _ names: [Located<String>], at position: SourcePosition) {
        guard !names.isEmpty else { return }
        fields.append(ImportedField(key: key, value: .list(names.map { .string($0.value, $0.position) }, names.first?.position ?? position)))
    }

    func map(at position: SourcePosition) -> ImportedValue { .map(fields, position) }
}
