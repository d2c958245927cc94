import PlanCheck

/// Parses the input as an RFC 9535 JSONPath and selects with it from a small dataset.
struct JSONPathTarget: FuzzTarget {
    let document = try! DatasetLoader.load(bytes: Array("""
        tasks:
          - {id: T1, lead: [市发展改革委, 市财政局], deadline: 2024-06-30, n: 3, sub: [{id: T1.1}, {id: T1.2, n: -1}]}
          - {id: T2, lead: 市外办, n: 1.5, tags: {a: 1, b: [true, null]}}
        units: [市发展改革委, 市外办]
        """.utf8), file: "paths.yaml")

    func run(_ bytes: [UInt8]) {
        let text = String(decoding: bytes, as: UTF8.self)
        guard let path = try? JSONPath(text), let root = document.root else { return }
        _ = path.selectWithPaths(root).prefix(10_000).map(\.path)
    }
}
