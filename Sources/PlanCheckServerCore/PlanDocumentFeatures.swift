import PlanCheck

/// The plan-document features of the library, called exactly as the CLI calls them so the
/// server's answers are the bytes `plancheck import --format json` and `plancheck review` write.
public struct PlanDocumentFeatures: DocumentFeatures {
    public init() {}

    /// Everything `DatasetLoader` reads as a plan document. A `.txt` goes to the library as is:
    /// it reads tab-separated text under a ledger header as a table and anything else as a plan,
    /// the same decision `plancheck check plan.txt` makes.
    public var checkableDocumentExtensions: Set<String> { PlanDocumentReader.extensions }

    /// `plancheck import FILES --format json`: one pretty JSON document per file, one after the
    /// other in the order given. A file that cannot be read makes the whole answer a 422 listing
    /// every such file's located error (the CLI prints those on standard error and exits 2).
    public func importJSON(files: [String], options: RequestOptions, project: Project) throws(APIError) -> String {
        var outputs: [String] = []
        var errors: [LoadError] = []
        for file in files {
            do throws(LoadError) {
                let bytes = try FileReader.read(file)
                outputs.append(String(decoding: PlanImport.json(document: try PlanImport.recognize(bytes: bytes, file: file)), as: UTF8.self))
            } catch {
                errors.append(error)
            }
        }
        if !errors.isEmpty {
            throw APIError(422, PlanCheckService.unreadable(errors.count), inputErrors: errors)
        }
        return outputs.joined()
    }

    /// `plancheck review PLAN.docx`: the copy with this file's findings as Word comments, in the
    /// request's language (Chinese by default, as the CLI's `--lang`).
    public func reviewedDocument(file: String, findings: CheckResult, options: RequestOptions, project: Project) throws(APIError) -> [UInt8] {
        let path = FileSystem.normalize(file)
        let own = findings.findings.filter { FileSystem.normalize($0.file) == path }
        do throws(LoadError) {
            let original = try FileReader.read(file)
            return try ReviewCopy.make(original: original, file: file, findings: own, language: options.language ?? .zh)
        } catch {
            throw APIError(422, PlanCheckService.unreadable(1), inputErrors: [error])
        }
    }
}
