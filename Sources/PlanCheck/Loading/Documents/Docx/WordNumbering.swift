import Foundation

/// `word/numbering.xml`: the list definitions (abstractNum levels, num instances and their
/// overrides), and the counters that render each numbered paragraph's label as Word shows it.
final class WordNumbering: XMLHandler {
    struct Level {
        var start: Int?
        var format: String?
        var text: String?
        /// `w:lvlRestart`: 0 = never restart; n = restart after a level above n is used.
        var restart: Int?
        var isLegal = false
        var suffix: String?
        var style: String?

        /// `other`'s settings where it has them, this level's elsewhere (a `lvlOverride`'s
        /// `w:lvl` may give only what it changes).
        func overridden(by other: Level) -> Level {
            Level(start: other.start ?? start, format: other.format ?? format, text: other.text ?? text,
                  restart: other.restart ?? restart, isLegal: other.isLegal || isLegal, suffix: other.suffix ?? suffix, style: other.style ?? style)
        }
    }

    struct Instance {
        var abstractId: Int?
        var startOverrides: [Int: Int] = [:]
        var levelOverrides: [Int: Level] = [:]
    }

    static let levels = 9
    /// Characters of a level text (`w:lvlText`) rendered.
    static let maxLevelText = 256

    private(set) var abstracts: [Int: [Int: Level]] = [:]
    private(set) var abstractStyleLinks: [Int: String] = [:]
    private(set) var instances: [Int: Instance] = [:]
    /// Counters per list: keyed by the abstract definition, or by the instance when the instance
    /// restarts numbering (`startOverride`), as Word keeps them.
    private var counters: [String: [Int?]] = [:]

    // Parsing state.
    /// The document, for errors.
    private let file: String
    private var abstractId: Int?
    private var numId: Int?
    private var levelIndex: Int?
    private var overrideIndex: Int?
    private var level = Level()
    private var changeDepth = 0

    init(file: String) { self.file = file }

    func start(_ name: Substring, _ attributes: [String: String]) throws(LoadError) {
        if name == "pPrChange" || name == "rPrChange" || name == "numberingChange" { changeDepth += 1 }
        guard changeDepth == 0 else { return }
        switch name {
        case "abstractNum": abstractId = WordAttributes.int(attributes, "abstractNumId")
        case "num": numId = WordAttributes.int(attributes, "numId")
        case "abstractNumId" where numId != nil:
            if let id = numId { instances[id, default: Instance()].abstractId = WordAttributes.int(attributes, "val") }
        case "lvlOverride": overrideIndex = WordAttributes.int(attributes, "ilvl")
        case "startOverride":
            if let id = numId, let ilvl = overrideIndex, let value = WordAttributes.int(attributes, "val") {
                instances[id, default: Instance()].startOverrides[ilvl] = value
            }
        case "lvl":
            levelIndex = WordAttributes.int(attributes, "ilvl") ?? overrideIndex
            level = Level()
        case "start" where levelIndex != nil: level.start = WordAttributes.int(attributes, "val")
        case "numFmt" where levelIndex != nil: level.format = WordAttributes.value(attributes, "val")
        case "lvlText" where levelIndex != nil: level.text = WordAttributes.value(attributes, "val")
        case "lvlRestart" where levelIndex != nil: level.restart = WordAttributes.int(attributes, "val")
        case "isLgl" where levelIndex != nil: level.isLegal = WordAttributes.isOn(attributes)
        case "suff" where levelIndex != nil: level.suffix = WordAttributes.value(attributes, "val")
        case "pStyle" where levelIndex != nil: level.style = WordAttributes.value(attributes, "val")
        case "numStyleLink" where abstractId != nil:
            if let id = abstractId, let style = WordAttributes.value(attributes, "val") { abstractStyleLinks[id] = style }
        default: break
        }
    }

    func end(_ name: Substring) throws(LoadError) {
        if name == "pPrChange" || name == "rPrChange" || name == "numberingChange" { changeDepth -= 1; return }
        guard changeDepth == 0 else { return }
        switch name {
        case "lvl":
            // Word lists have nine levels; a definition past them (10 000 deep) is crafted.
            if let ilvl = levelIndex, !(0..<Self.levels).contains(ilvl) {
                throw LoadError(file: file, line: 1, column: 1, message: "word/numbering.xml defines list level \(ilvl) (w:ilvl); Word lists have levels 0–\(Self.levels - 1) — a damaged or crafted document; refusing to read it")
            }
            if let ilvl = levelIndex {
                if let id = numId, overrideIndex != nil {
                    instances[id, default: Instance()].levelOverrides[ilvl] = level
                } else if let id = abstractId {
                    abstracts[id, default: [:]][ilvl] = level
                }
            }
            levelIndex = nil
        case "lvlOverride": overrideIndex = nil
        case "abstractNum": abstractId = nil
        case "num": numId = nil
        default: break
        }
    }

    /// The level of list `numId` whose `pStyle` is `style` (a heading style bound to a level).
    func level(of style: String, in numId: Int, styles: WordStyles?) -> Int? {
        guard let abstract = abstractLevels(of: numId, styles: styles) else { return nil }
        return abstract.first { $0.value.style == style }?.key
    }

    private func abstractLevels(of numId: Int, styles: WordStyles?) -> [Int: Level]? {
        abstractKey(of: numId, styles: styles).flatMap { abstracts[$0] }
    }

    /// The abstract definition list `numId` renders with. A list style (`numStyleLink`) points
    /// at the style whose numPr names the real list.
    private func abstractKey(of numId: Int, styles: WordStyles?) -> Int? {
        guard var id = instances[numId]?.abstractId else { return nil }
        var hops = 0
        while let link = abstractStyleLinks[id], hops < 4, let linked = styles?.properties(of: link).numId,
              let target = instances[linked]?.abstractId, target != id {
            id = target
            hops += 1
        }
        return id
    }

    /// Advances the counters for a paragraph of list `numId` at level `ilvl` and returns its
    /// label as rendered (`（二）`, `3.`, `①`), plus whether it is a bullet; nil when the
    /// paragraph is not numbered (numId 0, an unknown list, a level without text).
    func next(numId: Int, ilvl rawLevel: Int, styles: WordStyles?) -> (label: String, isBullet: Bool)? {
        guard numId != 0, let instance = instances[numId], let abstractId = abstractKey(of: numId, styles: styles),
              let base = abstracts[abstractId] else { return nil }
        let ilvl = min(max(rawLevel, 0), Self.levels - 1)
        func definition(_ k: Int) -> Level? {
            let plain = base[k]
            guard let over = instance.levelOverrides[k] else { return plain }
            return plain.map { $0.overridden(by: over) } ?? over
        }
        func start(_ k: Int) -> Int { instance.startOverrides[k] ?? definition(k)?.start ?? 1 }
        guard let current = definition(ilvl) else { return nil }
        let key = instance.startOverrides.isEmpty ? "a\(abstractId)" : "n\(numId)"
        var values = counters[key] ?? Array(repeating: nil, count: Self.levels)
        values[ilvl] = (values[ilvl] ?? start(ilvl) - 1) + 1
        for k in (ilvl + 1)..<Self.levels {
            let restart = definition(k)?.restart
            if restart != 0, ilvl < (restart ?? k) { values[k] = nil }
        }
        counters[key] = values
        let format = current.format ?? "decimal"
        var label = ""
        if format == "bullet" {
            label = current.text ?? ""
        } else {
            // Word's level texts are a few characters (`（%2）`); a hostile one of millions of
            // `%1` would make every paragraph's label that long.
            let text = Array((current.text ?? "%\(ilvl + 1).").unicodeScalars.prefix(Self.maxLevelText))
            var i = 0
            while i < text.count {
                if text[i] == "%", i + 1 < text.count, let n = Int(String(text[i + 1])), (1...Self.levels).contains(n) {
                    let k = n - 1
                    let value = values[k] ?? start(k)
                    let levelFormat = current.isLegal ? "decimal" : (definition(k)?.format ?? "decimal")
                    label += WordNumberFormat.render(value, format: levelFormat)
                    i += 2
                } else {
                    label.unicodeScalars.append(text[i])
                    i += 1
                }
            }
        }
        guard !label.isEmpty else { return nil }
        // Word puts a tab after the label unless told otherwise; a reader sees a space, and
        // none after a label that ends in its own punctuation (`一、`, `（一）`) or is a
        // self-contained sign (`①`, `⑴`).
        if current.suffix != "nothing", let last = label.unicodeScalars.last, !"、.．)）]】:：".unicodeScalars.contains(last),
           !(0x2460...0x24FF).contains(last.value), !(0x3251...0x32BF).contains(last.value) {
            label += " "
        }
        return (label, format == "bullet")
    }
}
