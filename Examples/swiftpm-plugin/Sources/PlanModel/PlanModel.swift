/// A stand-in for the code that ships with the plan datasets in `Plans/`.
public struct PlanTask: Sendable {
    public var id: String
    public var owner: String

    public init(id: String, owner: String) {
        self.id = id
        self.owner = owner
    }
}
