/// Freezes a recognised plan into a `Document`, every node at the paragraph line and column it
/// was read from, so findings land on the right paragraph — and, in a Word table, on the right
/// cell (`WordTableCells`).
enum PlanDatasetBuilder {
    static func document(_ plan: ImportedPlan) -> Document {
        var storage = NodeStorage()
        let root = append(plan.root, to: &storage)
        let findings = ImportRules.findings(plan)
        guard !plan.tableSources.isEmpty else {
            return Document(file: plan.file, roots: [root], storage: storage, loadFindings: findings)
        }
        // The task records' nodes, to know which row each was read from.
        let plain = Document(file: plan.file, roots: [root], storage: storage)
        var recordRows: [Int32: WordTableSources.CellKey] = [:]
        if let tasks = plain.root?["tasks"]?.items {
            for (index, row) in plan.tableSources.taskRows where index < tasks.count { recordRows[tasks[index].index] = row }
        }
        return Document(file: plan.file, roots: [root], storage: storage, loadFindings: findings,
                        cells: WordTableCells(sources: plan.tableSources, recordRows: recordRows))
    }

    /// Containers are appended before their children, as the loaders do (the descent that
    /// finds a node's container relies on that order).
    private static func append(_ value: ImportedValue, to storage: inout NodeStorage) -> Int32 {
        let p = value.position
        switch value {
        case .string(let text, _):
            return string(text, p, &storage)
        case .integer(let n, _):
            return storage.append(.integer, line: p.line, column: p.column, payload: Int64(n), count: 0)
        case .bool(let flag, _):
            return storage.append(.bool, line: p.line, column: p.column, payload: flag ? 1 : 0, count: 0)
        case .list(let items, _):
            let list = storage.append(.list, line: p.line, column: p.column, payload: 0, count: 0)
            let children = items.map { append($0, to: &storage) }
            storage.close(container: list, with: children[...], isMap: false)
            return list
        case .map(let fields, _):
            let map = storage.append(.map, line: p.line, column: p.column, payload: 0, count: 0)
            var children: [Int32] = []
            children.reserveCapacity(fields.count * 2)
            for field in fields {
                let at = field.value.position
                children.append(string(field.key, at, &storage, isKey: true))
                children.append(append(field.value, to: &storage))
            }
            storage.close(container: map, with: children[...], isMap: true)
            return map
        }
    }

    private static func string(_ text: String, _ p: SourcePosition, _ storage: inout NodeStorage, isKey: Bool = false) -> Int32 {
        var copy = text
        return copy.withUTF8 { storage.appendString($0, line: p.line, column: p.column, isKey: isKey) }
    }
}

/// Loads a plan document (.docx, .txt, .md) as a dataset.
public enum PlanDocumentLoader {
    public static func load(bytes: [UInt8], file: String, limits: PlanDocumentLimits = .default) throws(LoadError) -> Document {
        PlanDatasetBuilder.document(PlanRecognizer.recognize(try PlanDocumentReader.read(bytes: bytes, file: file, limits: limits)))
    }
}
