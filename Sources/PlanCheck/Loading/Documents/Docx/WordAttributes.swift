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

    static func int(_ attributes: [String: String], _ local: String) -> Int? {
        value(attributes, local).flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
    }

    /// On/off properties (`<w:vanish/>`, `<w:vanish w:val="false"/>`): on unless the value says off.
    static func isOn(_ attributes: [String: String]) -> Bool {
        guard let v = value(attributes, "val") else { return true }
        return !(v == "0" || v == "false" || v == "off")
    }
}
