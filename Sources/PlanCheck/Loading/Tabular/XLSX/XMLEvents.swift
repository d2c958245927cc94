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
        let parser = XMLParser(data: data)
        parser.shouldResolveExternalEntities = false
        parser.shouldProcessNamespaces = false
        let delegate = Delegate(handler: handler)
        parser.delegate = delegate
        let ok = parser.parse()
        if let failure = delegate.failure { throw failure }
        if !ok {
            let reason = parser.parserError.map { ($0 as NSError).localizedDescription } ?? "malformed XML"
            throw LoadError(file: file, line: 1, column: 1,
                            message: "\(part) is not well-formed XML (line \(parser.lineNumber), column \(parser.columnNumber): \(reason)); the workbook is damaged")
        }
    }

    private final class Delegate: NSObject, XMLParserDelegate {
        let handler: any XMLHandler
        var failure: LoadError?

        init(handler: any XMLHandler) { self.handler = handler }

        static func local(_ name: String) -> Substring {
            guard let colon = name.lastIndex(of: ":") else { return name[...] }
            return name[name.index(after: colon)...]
        }

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                    qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
            guard failure == nil else { return }
            do { try handler.start(Self.local(elementName), attributeDict) } catch {
                failure = error
                parser.abortParsing()
            }
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
            guard failure == nil else { return }
            do { try handler.end(Self.local(elementName)) } catch {
                failure = error
                parser.abortParsing()
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if failure == nil { handler.characters(string) }
        }
    }
}
