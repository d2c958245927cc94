import Foundation
import PlanCheck

/// Loads the input as a rule file and as a configuration (`.plancheck.yml`, written to a file
/// of this process's own, since configurations are read by path).
struct RulesTarget: FuzzTarget {
    let configurationPath = NSTemporaryDirectory() + "plancheck-fuzz-\(ProcessInfo.processInfo.processIdentifier).yml"
    let loader = RuleFileLoader()

    func run(_ bytes: [UInt8]) {
        _ = try? loader.load(bytes: bytes, file: "rules.yml")
        if FileManager.default.createFile(atPath: configurationPath, contents: Data(bytes)) {
            _ = try? Configuration.load(path: configurationPath)
        }
    }
}
