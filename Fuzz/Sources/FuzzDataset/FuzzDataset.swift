import Foundation
import PlanCheck

/// Feeds bytes to `DatasetLoader.load(bytes:file:)` as a file with the extension in
/// `FUZZ_EXTENSION` (yaml, json, jsonl, csv, tsv, xlsx, and any other DatasetLoader reads),
/// then walks the document the way checkers do.
let fileName = "fuzz." + (ProcessInfo.processInfo.environment["FUZZ_EXTENSION"] ?? "yaml")
let everything = try! JSONPath("$..*")

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDataset(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let document = try? DatasetLoader.load(bytes: bytes, file: fileName) else { return 0 }
    for root in document.rootNodes {
        for node in everything.select(root).prefix(100_000) {
            _ = node.scalarText
            _ = node.location
            _ = node.normalizedPath
        }
    }
    return 0
}
