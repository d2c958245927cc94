/// Which report goes where in one `check` run with several `--format`/`--output` options.
///
/// Formats and outputs pair up by position: the first `--output` receives the first
/// `--format`, and so on; a format without an output goes to standard output (as does an
/// `--output -`). Without any `--format` the format is `text`. At most one report may go to
/// standard output, more outputs than formats is an error, and two reports may not share a file.
///
///     --format text --format sarif --output - --output report.sarif
///     --format sarif --format junit --output r.sarif --output r.xml   (nothing on stdout)
public struct ReportDestination: Sendable, Equatable {
    public static let standardOutput = "-"

    public var format: String
    /// A file path, or `-` for standard output.
    public var output: String

    public var isStandardOutput: Bool { output == Self.standardOutput }

    public init(format: String, output: String) {
        self.format = format
        self.output = output
    }

    public static func pair(formats: [String], outputs: [String]) -> Result<[ReportDestination], PairingError> {
        let formats = formats.isEmpty ? [TextReport.identifier] : formats
        for format in formats where ReportFormats.named(format) == nil {
            return .failure(PairingError(message: "unknown format `\(format)`; available: \(ReportFormats.identifiers.joined(separator: ", "))"))
        }
        guard outputs.count <= formats.count else {
            return .failure(PairingError(message: "\(outputs.count) --output options but \(formats.count) --format: each --output belongs to the --format at the same position"))
        }
        let pairs = formats.enumerated().map { i, format in
            ReportDestination(format: format, output: i < outputs.count ? outputs[i] : standardOutput)
        }
        if pairs.filter(\.isStandardOutput).count > 1 {
            return .failure(PairingError(message: "only one report can go to standard output; give each other --format an --output FILE (formats pair with outputs by position)"))
        }
        var seen = Set<String>()
        for pair in pairs where !pair.isStandardOutput {
            if !seen.insert(FileSystem.normalize(pair.output)).inserted {
                return .failure(PairingError(message: "two reports would be written to `\(pair.output)`"))
            }
        }
        return .success(pairs)
    }

    public struct PairingError: Error, Sendable, Equatable {
        public var message: String
    }
}
