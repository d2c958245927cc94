import Foundation

/// Sizes in the server configuration: a number of bytes, or a number with a unit
/// (`512KiB`, `16MiB`, `1GiB`; `KB`/`MB`/`GB` are read as the same powers of 1024).
enum ByteSize {
    static let units: [(suffix: String, factor: Int)] = [
        ("KiB", 1 << 10), ("MiB", 1 << 20), ("GiB", 1 << 30), ("KB", 1 << 10), ("MB", 1 << 20), ("GB", 1 << 30), ("B", 1),
    ]

    static func parse(_ text: String) -> Int? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let plain = Int(trimmed) { return plain >= 0 ? plain : nil }
        for (suffix, factor) in units where trimmed.hasSuffix(suffix) {
            let number = trimmed.dropLast(suffix.count).trimmingCharacters(in: .whitespaces)
            guard let value = Int(number), value >= 0, value <= Int.max / factor else { return nil }
            return value * factor
        }
        return nil
    }
}
