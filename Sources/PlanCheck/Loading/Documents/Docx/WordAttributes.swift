/// Attribute lookup by local name: the XML reader hands attributes over with their prefixes
/// (`w:val`), and documents written by other tools may bind WordprocessingML to another prefix.
enum WordAttributes {
    static func value(_ attributes: [String: String], _ local: String) -> String? {
        if let value = attributes["w:" + local] ?? attributes[local] { return value }
        for (key, value) in attributes {
            if let colon = key.lastIndex(of: ":"), key[key.index(after: colon)...] == local { return value }
        }
        return nil
    }

    /// A decimal number attribute. WordprocessingML's numbers are 32-bit (ST_DecimalNumber as
    /// Word writes it), so values outside Int32 are clamped to it: a hostile `w:start` of
    /// Int.min or Int.max must not overflow the list counters that count on from it.
    static func int(_ attributes: [String: String], _ local: String) -> Int? {
        value(attributes, local).flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
            .map { min(max($0, Int(Int32.min)), Int(Int32.max)) }
    }

    /// On/off properties (`<w:vanish/>`, `<w:vanish w:val="false"/>`): on unless the value says off.
    static func isOn(_ attributes: [String: String]) -> Bool {
        guard let v = value(attributes, "val") else { return true }
        return !(v == "0" || v == "false" || v == "off")
    }
}
