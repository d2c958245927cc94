import Foundation

/// Receives the SAX events of one OOXML part. Element names arrive without their namespace
/// prefix (some writers use `x:c` for `c`); attribute names arrive as written (`r:id`).
protocol XMLHandler: AnyObject {
    func start(_ name: Substring, _ attributes: [String: String]) throws(LoadError)
    func end(_ name: Substring) throws(LoadError)
    func characters(_ text: String)
}

extension XMLHandler {
    func characters(_ text: String) {}
    func end(_ name: Substring) throws(LoadError) {}
}

/// Parses an OOXML part with the project's own tokenizer (`XMLTokenizer`) and hands its events
/// to a handler. Foundation's XMLParser is not used: on Linux it traps on an element name that
/// is not valid UTF-8 and dereferences NULL on `<?e?>` (docs/reliability.md). There is no DTD
/// support at all (OPC forbids DTDs in package parts), so no entity expansion and no external
/// entity can be reached.
enum XMLEvents {
    static func parse(_ data: Data, part: String, file: String, into handler: some XMLHandler) throws(LoadError) {
        try parse(data, part: part, file: file, limits: .default, into: handler)
    }

    static func parse(_ data: Data, part: String, file: String, limits: XLSXLimits,
                      into handler: some XMLHandler) throws(LoadError) {
        var tokenizer = XMLTokenizer(part: part, file: file, maxDepth: limits.maxXMLDepth)
        // Read the part in place: a sheet can be hundreds of megabytes.
        var failure: LoadError?
        data.withUnsafeBytes { raw in
            do throws(LoadError) { try tokenizer.run(raw.bindMemory(to: UInt8.self), handler) } catch { failure = error }
        }
        if let failure { throw failure }
    }
}
