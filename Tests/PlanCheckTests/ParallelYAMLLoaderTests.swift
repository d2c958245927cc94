import Testing
@testable import PlanCheck

/// Parsing a large file in pieces must give the same document as parsing it whole: the same
/// values, the same lines and columns, the same paths.
@Suite struct ParallelYAMLLoaderTests {
    /// Every node as `path line:col kind value`, in document order.
    func dump(_ document: Document) -> [String] {
        var out: [String] = []
        var stack: [Node] = document.rootNodes.reversed()
        while let node = stack.popLast() {
            out.append("\(node.normalizedPath) \(node.line):\(node.column) \(node.kind.name) \(node.scalarText ?? "")")
            if node.kind == .map { stack.append(contentsOf: node.values.reversed()) }
            if node.kind == .list { stack.append(contentsOf: node.items.reversed()) }
        }
        return out
    }

    static func plan(tasks: Int, indent: String) -> String {
        var text = "# a plan\nplan:\n  title: 测试计划\n  period: {start: 2011-01-01, end: 2015-12-31}\nunits:\n  - {name: 市外办, aliases: [外办]}\ntasks:\n"
        for i in 0..<tasks {
            text += "\(indent)- id: T\(i)\n\(indent)  title: \"任务 \(i)\"\n\(indent)  lead: [市外办, 市发展改革委]\n"
            if i % 7 == 0 { text += "\(indent)  notes: |\n\(indent)    第一行\n\(indent)    - 不是条目\n" }
            if i % 5 == 0 { text += "\n# comment between items\n" }
        }
        text += "indicators:\n  - {id: I1, target: 3500}\n"
        return text
    }

    @Test(arguments: ["  ", ""])
    func piecesGiveTheSameDocument(indent: String) throws {
        let bytes = Array(Self.plan(tasks: 3_000, indent: indent).utf8)
        let sequential = try YAMLLoader.load(bytes: bytes, file: "p.yaml")
        let parallel = try #require(ParallelYAMLLoader.load(bytes: bytes, file: "p.yaml", limits: .default, parallelism: 3, minimumBytes: 1_000))
        #expect(dump(parallel) == dump(sequential))
        #expect(parallel.root?["tasks"]?.count == 3_000)
    }

    @Test func unusualFilesFallBack() throws {
        let crossAnchor = "defaults: &d {lead: 市外办}\ntasks:\n" + (0..<400).map { "  - {id: T\($0), <<: *d}\n" }.joined()
        #expect(ParallelYAMLLoader.load(bytes: Array(crossAnchor.utf8), file: "a.yaml", limits: .default, parallelism: 3, minimumBytes: 100) == nil)
        let twoDocuments = "tasks:\n" + (0..<400).map { "  - {id: T\($0)}\n" }.joined() + "---\nother: 1\n"
        #expect(ParallelYAMLLoader.load(bytes: Array(twoDocuments.utf8), file: "b.yaml", limits: .default, parallelism: 3, minimumBytes: 100) == nil)
        // The public entry point still reads them, sequentially.
        #expect(try YAMLLoader.load(bytes: Array(crossAnchor.utf8), file: "a.yaml", parallelism: 3).root?["tasks"]?[3]?["lead"]?.string == "市外办")
    }
}

/// Reading a YAML file by streaming it gives the same document and the same errors as reading
/// its bytes.
@Suite struct StreamingYAMLLoaderTests {
    @Test func streamedEqualsInMemory() throws {
        let dir = try TemporaryDirectory()
        let text = ParallelYAMLLoaderTests.plan(tasks: 500, indent: "  ")
        let path = dir.write("plan.yaml", text)
        let streamed = try YAMLLoader.load(path: path)
        let inMemory = try YAMLLoader.load(bytes: Array(text.utf8), file: path)
        #expect(ParallelYAMLLoaderTests().dump(streamed) == ParallelYAMLLoaderTests().dump(inMemory))
    }

    @Test(arguments: ["tasks: [1, 2\n", "tasks:\n\t- a\n", "a: 1\na: 2\n", "a: *nowhere\n"])
    func errorsAreTheSame(_ text: String) throws {
        let dir = try TemporaryDirectory()
        let path = dir.write("bad.yaml", text)
        var streamedError: LoadError?
        var memoryError: LoadError?
        do { _ = try YAMLLoader.load(path: path) } catch { streamedError = error }
        do { _ = try YAMLLoader.load(bytes: Array(text.utf8), file: path) } catch { memoryError = error }
        #expect(streamedError != nil)
        #expect(streamedError == memoryError)
    }
}
