import Foundation

/// One parser under fuzzing. All targets live in one executable, chosen by `FUZZ_TARGET`, so
/// the instrumented build links once instead of once per target (docs/reliability.md, "The CI step").
protocol FuzzTarget: Sendable {
    func run(_ bytes: [UInt8])
}

/// The target `FUZZ_TARGET` names: a dataset extension (yaml json jsonl csv tsv xlsx docx txt
/// md) or expression, jsonpath, rules, deadline.
let selectedTarget: any FuzzTarget = {
    let name = ProcessInfo.processInfo.environment["FUZZ_TARGET"] ?? ""
    switch name {
    case "expression": return ExpressionTarget()
    case "jsonpath": return JSONPathTarget()
    case "rules": return RulesTarget()
    case "deadline": return DeadlineTarget()
    case "yaml", "json", "jsonl", "csv", "tsv", "xlsx", "docx", "txt", "md": return DatasetTarget(extension: name)
    default:
        FileHandle.standardError.write(Data("FUZZ_TARGET must name a target (yaml json jsonl csv tsv xlsx docx txt md expression jsonpath rules deadline), not `\(name)`\n".utf8))
        exit(2)
    }
}()

/// libFuzzer's entry point, called once per input (the driver is started by FuzzEntry.c).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    selectedTarget.run(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}
