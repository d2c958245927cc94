import Foundation

/// The workbook-level parts of an XLSX file: the sheet list, the date system, the shared
/// strings and the number format of each cell style.
final class XLSXWorkbook {
    struct Sheet { var name: String; var part: String }

    let archive: XLSXArchive
    var file: String { archive.file }
    private(set) var sheets: [Sheet] = []
    /// True when the workbook counts dates from 1904 (old Mac Excel files).
    private(set) var date1904 = false
    private(set) var sharedStrings: [String] = []
    /// Per cell style (`s` attribute): how its number format shows numbers.
    private(set) var styleKinds: [SpreadsheetDates.FormatKind] = []

    init(bytes: [UInt8], file: String, limits: XLSXLimits = .default) throws(LoadError) {
        archive = try XLSXArchive(bytes: bytes, file: file, limits: limits)
        let workbookPart = try officeDocumentPart()
        guard let workbookData = try archive.read(workbookPart) else {
            throw LoadError(file: file, line: 1, column: 1, message: "not an XLSX workbook: the archive has no \(workbookPart) (is it a .docx, .ods or another ZIP file?)")
        }
        let base = Self.folder(of: workbookPart)
        let relations = try self.relations(of: workbookPart)
        let workbook = WorkbookHandler()
        try XMLEvents.parse(workbookData, part: workbookPart, file: file, limits: archive.limits, into: workbook)
        date1904 = workbook.date1904
        sheets = workbook.sheets.compactMap { sheet in
            guard let target = relations[sheet.relation]?.target else { return nil }
            return Sheet(name: sheet.name, part: Self.resolve(target, base: base))
        }
        if sheets.isEmpty {
            throw LoadError(file: file, line: 1, column: 1, message: "the workbook lists no worksheets")
        }
        let shared = relations.values.first { $0.type.hasSuffix("/sharedStrings") }.map { Self.resolve($0.target, base: base) } ?? base + "sharedStrings.xml"
        if let data = try archive.read(shared) {
            let handler = SharedStringsHandler()
            try XMLEvents.parse(data, part: shared, file: file, limits: archive.limits, into: handler)
            sharedStrings = handler.strings
        }
        let styles = relations.values.first { $0.type.hasSuffix("/styles") }.map { Self.resolve($0.target, base: base) } ?? base + "styles.xml"
        if let data = try archive.read(styles) {
            let handler = StylesHandler()
            try XMLEvents.parse(data, part: styles, file: file, limits: archive.limits, into: handler)
            styleKinds = handler.cellFormats.map { id in
                handler.customFormats[id].map(SpreadsheetDates.kind(code:)) ?? SpreadsheetDates.kind(builtIn: id)
            }
        }
    }

    /// The workbook part named by the package's root relationships (normally xl/workbook.xml).
    private func officeDocumentPart() throws(LoadError) -> String {
        let rels = try relations(of: "")
        if let main = rels.values.first(where: { $0.type.hasSuffix("/officeDocument") }) {
            return Self.resolve(main.target, base: "")
        }
        return "xl/workbook.xml"
    }

    /// The relationships of `part` (from `folder/_rels/name.rels`), by id.
    private func relations(of part: String) throws(LoadError) -> [String: (target: String, type: String)] {
        let folder = Self.folder(of: part)
        let name = part.split(separator: "/").last.map(String.init) ?? ""
        let path = folder + "_rels/" + name + ".rels"
        guard let data = try archive.read(path) else { return [:] }
        let handler = RelationshipsHandler()
        try XMLEvents.parse(data, part: path, file: file, limits: archive.limits, into: handler)
        return handler.relations
    }

    static func folder(of part: String) -> String {
        guard let slash = part.lastIndex(of: "/") else { return "" }
        return String(part[...slash])
    }

    /// A relationship target: absolute (`/xl/worksheets/sheet1.xml`) or relative to the part's folder.
    static func resolve(_ target: String, base: String) -> String {
        if target.hasPrefix("/") { return String(target.dropFirst()) }
        return FileSystem.normalize(base + target)
    }
}

private final class RelationshipsHandler: XMLHandler {
    var relations: [String: (target: String, type: String)] = [:]
    func start(_ name: Substring, _ a: [String: String]) {
        if name == "Relationship", let id = a["Id"], let target = a["Target"] {
            relations[id] = (target, a["Type"] ?? "")
        }
    }
}

private final class WorkbookHandler: XMLHandler {
    var sheets: [(name: String, relation: String)] = []
    var date1904 = false
    func start(_ name: Substring, _ a: [String: String]) {
        switch name {
        case "workbookPr":
            date1904 = a["date1904"] == "1" || a["date1904"] == "true"
        case "sheet":
            // The relationship id is `r:id` in the officeDocument relationships namespace,
            // whatever prefix the writer chose.
            let relation = a.first { $0.key.hasSuffix(":id") }?.value ?? a["id"] ?? ""
            sheets.append((a["name"] ?? "Sheet\(sheets.count + 1)", relation))
        default: break
        }
    }
}

/// `<si>` items: plain `<t>` or rich-text runs `<r><t>`; phonetic guides (`<rPh>`, furigana or
/// pinyin) are not part of the cell's text.
private final class SharedStringsHandler: XMLHandler {
    var strings: [String] = []
    var current = ""
    var inText = false
    var phonetic = 0
    func start(_ name: Substring, _ a: [String: String]) {
        switch name {
        case "si": current = ""
        case "t": inText = phonetic == 0
        case "rPh": phonetic += 1
        default: break
        }
    }
    func end(_ name: Substring) {
        switch name {
        case "si": strings.append(current)
        case "t": inText = false
        case "rPh": phonetic -= 1
        default: break
        }
    }
    func characters(_ text: String) { if inText { current += text } }
}

private final class StylesHandler: XMLHandler {
    var customFormats: [Int: String] = [:]
    /// numFmtId of each `<xf>` in `<cellXfs>`, in order: a cell's `s` indexes this list.
    var cellFormats: [Int] = []
    var inCellXfs = false
    func start(_ name: Substring, _ a: [String: String]) {
        switch name {
        case "numFmt":
            if let id = a["numFmtId"].flatMap({ Int($0) }) { customFormats[id] = a["formatCode"] ?? "" }
        case "cellXfs": inCellXfs = true
        case "xf" where inCellXfs:
            cellFormats.append(a["numFmtId"].flatMap { Int($0) } ?? 0)
        default: break
        }
    }
    func end(_ name: Substring) { if name == "cellXfs" { inCellXfs = false } }
}
