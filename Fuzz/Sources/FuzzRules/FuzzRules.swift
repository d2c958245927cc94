import Foundation
import PlanCheck

/// Loads the input as a rule file and as a configuration (`plancheck.yml`, read from a file
/// of this process's own, since configurations are read by path).
let configurationPath = NSTemporaryDirectory() + "plancheck-fuzz-\(ProcessInfo.processInfo.processIdentifier).yml"
let loader = RuleFileLoader()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRules(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    _ = try? loader.load(bytes: bytes, file: "rules.yml")
    if FileManager.default.createFile(atPath: configurationPath, contents: Data(bytes)) {
        _ = try? Configuration.load(path: configurationPath)
    }
    return 0
}
