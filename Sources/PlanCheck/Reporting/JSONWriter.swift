/// A JSON value built by reporters and written with a fixed key order, so the same findings give
/// the same bytes.
public indirect enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONValue])
    /// Keys in the order they are written.
    case object([(String, JSONValue)])

    public static func == (a: JSONValue, b: JSONValue) -> Bool { a.text() == b.text() }

    /// Serialises with two-space indentation (`pretty`) or compactly.
    public func text(pretty: Bool = true) -> String {
        var writer = JSONTextWriter(pretty: pretty)
        write(to: &writer)
        return writer.text
    }

    func write(to writer: inout JSONTextWriter) {
        switch self {
        case .null: writer.null()
        case .bool(let b): writer.bool(b)
        case .int(let i): writer.int(i)
        case .double(let d): writer.double(d)
        case .string(let s): writer.string(s)
        case .array(let items):
            writer.beginArray()
            for item in items { item.write(to: &writer) }
            writer.endArray()
        case .object(let pairs):
            writer.beginObject()
            for (key, value) in pairs {
                writer.key(key)
                value.write(to: &writer)
            }
            writer.endObject()
        }
    }
}
