import Dispatch
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

/// Parsing on one thread while building on another (`YAMLLoader.load(path:threads:)`) gives the
/// same document and the same errors as the one-thread path. The threshold is set to 0 so small
/// test files take the pipeline; the chunk size (4 096 events) is crossed by the larger plans.
@Suite struct PipelinedYAMLLoaderTests {
    static let unusual = """
    %YAML 1.2
    ---
    defaults: &d {lead: 市外办, budget: 12.5}
    tasks:
      - {id: T1, <<: *d}
      - id: T2
        tags: !!set {a, b}
        count: !!int "7"
        text: !!str 2011-06-30
        quoted: "2011年6月30日以前"
        block: |
          第一行
          第二行
        same: *d
    ...
    ---
    - second document
    - &x [1, 2, ~, true, 0x1F, .inf]
    - *x
    """

    @Test(arguments: [unusual, ParallelYAMLLoaderTests.plan(tasks: 3_000, indent: "  "), "", "# only a comment\n"])
    func pipelinedEqualsSequential(_ text: String) throws {
        let dir = try TemporaryDirectory()
        let path = dir.write("plan.yaml", text)
        let sequential = try YAMLLoader.load(path: path, threads: 1)
        let pipelined = try YAMLLoader.load(path: path, threads: 2, pipelineMinimumBytes: 0)
        #expect(ParallelYAMLLoaderTests().dump(pipelined) == ParallelYAMLLoaderTests().dump(sequential))
        #expect(pipelined.roots == sequential.roots)
    }

    /// Many pipelined loads at once from Dispatch workers (as a library user might run them)
    /// all finish: each parser has a thread of its own, not a place in the workers' pool.
    @Test(.timeLimit(.minutes(1)))
    func manyPipelinedLoadsAtOnce() throws {
        let dir = try TemporaryDirectory()
        let path = dir.write("plan.yaml", ParallelYAMLLoaderTests.plan(tasks: 1_500, indent: "  "))
        let expected = try YAMLLoader.load(path: path).nodeCount
        let counts = Locked<[Int]>([])
        DispatchQueue.concurrentPerform(iterations: 64) { _ in
            let n = (try? YAMLLoader.load(path: path, threads: 2, pipelineMinimumBytes: 0).nodeCount) ?? -1
            counts.withLock { $0.append(n) }
        }
        #expect(counts.withLock { $0 } == Array(repeating: expected, count: 64))
    }

    /// Errors the builder finds (the parser is stopped mid-file) and errors libyaml finds (after
    /// thousands of events, so several chunks have gone by) read the same either way.
    @Test(arguments: ["a: 1\na: 2\n", "a: *nowhere\n", "tasks: [1, 2\n", "tasks:\n\t- a\n",
                      ParallelYAMLLoaderTests.plan(tasks: 2_000, indent: "  ") + "x: 1\nx: 2\n" + ParallelYAMLLoaderTests.plan(tasks: 2_000, indent: "  "),
                      ParallelYAMLLoaderTests.plan(tasks: 2_000, indent: "  ") + "broken: [1, 2\n"])
    func errorsAreTheSame(_ text: String) throws {
        let dir = try TemporaryDirectory()
        let path = dir.write("bad.yaml", text)
        var pipelinedError: LoadError?
        var sequentialError: LoadError?
        do { _ = try YAMLLoader.load(path: path, threads: 2, pipelineMinimumBytes: 0) } catch { pipelinedError = error }
        do { _ = try YAMLLoader.load(path: path, threads: 1) } catch { sequentialError = error }
        #expect(pipelinedError != nil)
        #expect(pipelinedError == sequentialError)
    }
}

/// A node's container is found by descending from the root (no parent table) when children are
/// in document order, and by the table when aliases or merge keys break the order: either way
/// the same answer.
@Suite struct NodeParentTests {
    @Test func pathsAndParentsWithAndWithoutAliases() throws {
        let text = """
        base: &b {lead: 市外办, tags: [x, y]}
        tasks:
          - id: T1
            lead: [市外办]
          - {id: T2, <<: *b, extra: [1, {deep: true}]}
          - *b
        """
        let document = try YAMLLoader.load(bytes: Array(text.utf8), file: "p.yaml")
        let root = try #require(document.root)
        let deep = try #require(root.lookup(path: "tasks.1.extra.1.deep"))
        #expect(deep.normalizedPath == "$['tasks'][1]['extra'][1]['deep']")
        #expect(deep.parent?.parent?.normalizedPath == "$['tasks'][1]['extra']")
        let lead = try #require(root.lookup(path: "tasks.0.lead.0"))
        #expect(lead.normalizedPath == "$['tasks'][0]['lead'][0]")
        // A merged value is the anchor's node: its path is the anchor's.
        let merged = try #require(root.lookup(path: "tasks.1.tags"))
        #expect(merged.normalizedPath == "$['base']['tags']")
        // The aliased map keeps the anchor's place.
        let aliased = try #require(root.lookup(path: "tasks.2"))
        #expect(aliased.normalizedPath == "$['base']")
        #expect(root.parent == nil)
        #expect(root.normalizedPath == "$")
        // A key node names its own entry.
        let key = try #require(root.lookup(path: "tasks.0")?.keyNode("lead"))
        #expect(key.string == "lead")
        #expect(key.normalizedPath == "$['tasks'][0]['lead']")
    }

    @Test func everyDocumentOfAStreamIsItsOwnRoot() throws {
        let document = try YAMLLoader.load(bytes: Array("a: [1, 2]\n---\nb: {c: [3]}\n".utf8), file: "s.yaml")
        let second = try #require(document.rootNodes.last)
        let three = try #require(second.lookup(path: "b.c.0"))
        #expect(three.normalizedPath == "$['b']['c'][0]")
        #expect(three.parent?.parent?.parent?.index == second.index)
        #expect(second.parent == nil)
    }

    /// The descent agrees with the parent table on a 3 000-task plan, node for node.
    @Test func descentAgreesWithTheTable() throws {
        let document = try YAMLLoader.load(bytes: Array(ParallelYAMLLoaderTests.plan(tasks: 3_000, indent: "").utf8), file: "p.yaml")
        let table = document.parents
        var disagreements = 0
        for id in 0..<Int32(document.nodeCount) where document.containerSlot(of: id)?.container ?? -1 != table[Int(id)] {
            disagreements += 1
        }
        #expect(disagreements == 0)
    }
}

