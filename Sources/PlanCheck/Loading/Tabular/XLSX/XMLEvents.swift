import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Receives the SAX events of one SpreadsheetML part. Element names arrive without their
/// namespace prefix (some writers use `x:c` for `c`).
protocol XMLHandler: AnyObject {
    func start(_ name: Substring, _ attributes: [String: String]) throws(LoadError)
    func end(_ name: Substring) throws(LoadError)
    func characters(_ text: String)
}

extension XMLHandler {
    func characters(_ text: String) {}
    func end(_ name: Substring) throws(LoadError) {}
}

/// Runs Foundation's XMLParser (libxml2 on Linux) over a part. External entities are never
/// resolved, so a workbook cannot make us read local files or the network.
enum XMLEvents {
    static func parse(_ data: Data, part: String, file: String, into handler: some XMLHandler) throws(LoadError) {
        // SpreadsheetML parts never have a DTD; one that does is an entity attack (XXE, billion
        // laughs), refused outright rather than parsed with its entities left out.
        if declaresDTD(data) {
            throw LoadError(file: file, line: 1, column: 1,
                            message: "\(part) declares a DTD (<!DOCTYPE …>), which workbooks never do; the file is refused (XML entity attack?)")
        }
        let parser = XMLParser(data: data)
        parser.shouldResolveExternalEntities = false
        parser.shouldProcessNamespaces = false
        let delegate = Delegate(handler: handler)
        parser.delegate = delegate
        let ok = parser.parse()
        if let failure = delegate.failure { throw failure }
        // swift-corelibs-foundation's parse() can return true after libxml2 reported an error,
        // and reports nothing for a document cut off inside its root element: check both.
        if let error = delegate.xmlError ?? (ok ? nil : parser.parserError.map { ($0 as NSError, parser.lineNumber, parser.columnNumber) }) {
            throw LoadError(file: file, line: 1, column: 1,
                            message: "\(part) is not well-formed XML (line \(error.1), column \(error.2): \(describe(error.0))); the workbook is damaged")
        }
        if !delegate.sawRoot || delegate.depth != 0 {
            throw LoadError(file: file, line: 1, column: 1,
                            message: "\(part) ends before its XML is complete (\(delegate.sawRoot ? "\(delegate.depth) element(s) left open" : "no root element")); the workbook is truncated or damaged")
        }
    }

    /// True when `<!DOCTYPE` comes before the first element (where XML allows it).
    static func declaresDTD(_ data: Data) -> Bool {
        let marker = Array("<!DOCTYPE".utf8)
        return data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> Bool in
            let bytes = raw.bindMemory(to: UInt8.self)
            var i = 0
            while i < bytes.count {
                if bytes[i] == UInt8(ascii: "<"), i + 1 < bytes.count {
                    let next = bytes[i + 1]
                    if (next >= 0x41 && next <= 0x5A) || (next >= 0x61 && next <= 0x7A) || next == UInt8(ascii: "_") { return false }
                    if i + marker.count <= bytes.count, (0..<marker.count).allSatisfy({ bytes[i + $0] == marker[$0] }) { return true }
                }
                i += 1
            }
            return false
        }
    }

    /// libxml2's error numbers, which corelibs Foundation passes on without a description.
    static func describe(_ error: NSError) -> String {
        let names: [Int: String] = [4: "empty document", 5: "content after the document or a premature end", 9: "invalid character",
                                    23: "expected `>`", 39: "attribute without a value", 41: "unescaped `<` in an attribute",
                                    64: "malformed XML declaration", 68: "malformed name", 73: "expected `>`",
                                    76: "end tag does not match the start tag", 77: "unclosed element"]
        return names[error.code].map { "\($0), libxml2 error \(error.code)" } ?? "libxml2 error \(error.code)"
    }

    private final class Delegate: NSObject, XMLParserDelegate {
        let handler: any XMLHandler
        var failure: LoadError?
        /// The first error libxml2 reported, with its line and column.
        var xmlError: (NSError, Int, Int)?
        var depth = 0
        var sawRoot = false

        init(handler: any XMLHandler) { self.handler = handler }

        static func local(_ name: String) -> Substring {
            guard let colon = name.lastIndex(of: ":") else { return name[...] }
            return name[name.index(after: colon)...]
        }

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                    qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
            depth += 1
            sawRoot = true
            guard failure == nil else { return }
            do { try handler.start(Self.local(elementName), attributeDict) } catch {
                failure = error
                parser.abortParsing()
            }
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
            depth -= 1
            guard failure == nil else { return }
            do { try handler.end(Self.local(elementName)) } catch {
                failure = error
                parser.abortParsing()
            }
        }

        func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
            if xmlError == nil { xmlError = (parseError as NSError, parser.lineNumber, parser.columnNumber) }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if failure == nil { handler.characters(string) }
        }
    }
}
