/// Runs a rule whose checker is an external program: once per document, with the records the
/// rule selected, mapping the program's findings back to nodes so they carry file, line and
/// column. Anything wrong with the program (crash, timeout, malformed reply) becomes one input
/// error for this rule and document; the reply is used all or nothing.
struct PluginRuleRunner: RuleRunner {
    let plugin: PluginSpec
    /// The allowed program's real path; nil when the rule must not run (see `setupError`).
    let program: String?
    /// The rule's options as a JSON object.
    let options: String
    let setupError: LoadError?

    func run(records: [Node], header: RuleHeader, keyField: String, context: CheckContext) -> RuleOutput {
        // No records, nothing to ask: the program is not started.
        guard let program, !records.isEmpty else { return RuleOutput(findings: []) }
        let outgoing = records.map { node in
            PluginProtocol.OutgoingRecord(key: Record(node: node, keyField: keyField).key, path: node.normalizedPath, node: node)
        }
        let request = PluginProtocol.request(ruleID: header.id, options: options, asOf: context.asOf,
                                             file: context.root.document.file, records: outgoing)
        let result = PluginProcess.run(program: program, arguments: plugin.arguments, input: request, timeout: plugin.timeout)
        let reply: [PluginProtocol.ReplyFinding]
        switch result.ending {
        case .exited(0):
            switch PluginProtocol.parseReply(result.stdout) {
            case .success(let list): reply = list
            case .failure(let failure): return failed(failure.message, header: header, context: context, stderr: result.stderr)
            }
        case .exited(let status):
            return failed("exited with status \(status)", header: header, context: context, stderr: result.stderr)
        case .signaled(let signal):
            return failed("was killed by signal \(signal)\(Self.signalName(signal))", header: header, context: context, stderr: result.stderr)
        case .timedOut:
            return failed("did not answer within \(plugin.timeoutText) and was stopped (raise `timeout:` in its declaration if it needs longer)",
                          header: header, context: context, stderr: result.stderr)
        case .outputTooLarge:
            return failed("printed more than \(PluginProcess.maxOutputBytes >> 20) MB and was stopped", header: header, context: context, stderr: result.stderr)
        case .launchFailed(let why):
            return failed("could not be started: \(why)", header: header, context: context, stderr: [])
        }
        switch locate(reply, records: outgoing, header: header, keyField: keyField, context: context) {
        case .success(let findings): return RuleOutput(findings: findings)
        case .failure(let failure): return failed(failure.message, header: header, context: context, stderr: result.stderr)
        }
    }

    /// Turns the reply's findings into located findings: `path` picks the node (a normalized
    /// path in the document), `record` the record (a key that was sent); either alone implies
    /// the other where it can.
    func locate(_ reply: [PluginProtocol.ReplyFinding], records: [PluginProtocol.OutgoingRecord], header: RuleHeader,
                keyField: String, context: CheckContext) -> Result<[Finding], PluginFailure> {
        var byKey: [String: Int] = [:]
        var byPath: [String: Int] = [:]
        for (index, record) in records.enumerated() {
            if byKey[record.key] == nil { byKey[record.key] = index }
            byPath[record.path] = index
        }
        var reporter = FindingReporter(header: header, context: context)
        for (number, finding) in reply.enumerated() {
            var recordIndex: Int?
            var node: Node?
            if let key = finding.record {
                guard let index = byKey[key] else {
                    return .failure(.init("finding \(number + 1) names record \"\(key)\", which was not sent"))
                }
                recordIndex = index
            }
            if let path = finding.path {
                if let index = byPath[path] {
                    node = records[index].node
                    recordIndex = recordIndex ?? index
                } else {
                    guard let query = try? JSONPath(path), case let found = query.select(context.root), found.count == 1 else {
                        return .failure(.init("finding \(number + 1) has path \"\(path)\", which names no single node of the document"))
                    }
                    node = found[0]
                    // The record around the node, when the finding did not name one.
                    recordIndex = recordIndex ?? records.firstIndex { path.hasPrefix($0.path + "[") }
                }
            }
            let recordNode = recordIndex.map { records[$0].node } ?? node!
            reporter.report(Record(node: recordNode, keyField: keyField), at: node, message: finding.message,
                            code: finding.code, severity: finding.severity)
        }
        return .success(reporter.findings)
    }

    /// One input error for this rule on this document, naming the rule, the plugin and its
    /// program, with the start of what the program wrote on standard error.
    func failed(_ what: String, header: RuleHeader, context: CheckContext, stderr: [UInt8]) -> RuleOutput {
        var message = "rule `\(header.id)`: plugin `\(plugin.name)` (\(program ?? plugin.program)) \(what)"
        if !stderr.isEmpty { message += "; its standard error begins: \(PluginFailure.excerpt(stderr))" }
        let root = context.root
        return RuleOutput(findings: [], errors: [LoadError(file: root.document.file, line: root.line, column: root.column, message: message)])
    }

    static func signalName(_ signal: Int32) -> String {
        switch signal {
        case 6: " (SIGABRT)"
        case 9: " (SIGKILL)"
        case 11: " (SIGSEGV)"
        case 15: " (SIGTERM)"
        default: ""
        }
    }
}
