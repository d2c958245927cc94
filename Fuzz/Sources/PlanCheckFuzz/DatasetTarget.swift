import Foundation
import PlanCheck

/// Feeds bytes to `DatasetLoader.load(bytes:file:)` as a file with the given extension (yaml,
/// json, jsonl, csv, tsv, xlsx, docx, txt, md), then walks the document the way checkers do.
struct DatasetTarget: FuzzTarget {
    let fileName: String
    let everything = try! JSONPath("$..*")

    init(extension ext: String) { fileName = "fuzz." + ext }

    func run(_ bytes: [UInt8]) {
        guard let document = try? DatasetLoader.load(bytes: bytes, file: fileName) else { return }
        for root in document.rootNodes {
            for node in everything.select(root).prefix(100_000) {
                _ = node.scalarText
                _ = node.location
                _ = node.normalizedPath
            }
        }
    }
}
