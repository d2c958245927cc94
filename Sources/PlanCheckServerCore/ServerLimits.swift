/// What one request may cost. Every limit answers a clear 4xx or 503 when crossed; none is a
/// crash or a hang (docs/server.md, "Limits").
public struct ServerLimits: Sendable, Equatable {
    /// The whole multipart body; a larger body is refused with 413 before it is read to the end.
    public var maxRequestBytes = 32 << 20
    /// One uploaded file.
    public var maxFileBytes = 16 << 20
    /// Uploaded files in one request.
    public var maxFiles = 20
    /// A request that has not finished after this many seconds is answered 503; its check is
    /// left to finish on its worker (the engine cannot be interrupted) and its files are removed then.
    public var timeoutSeconds = 60.0
    /// Checks running at once; the rest wait their turn (the wait counts toward the timeout).
    public var maxConcurrentChecks = 4

    public init() {}

    static let keys = ["maxRequestBytes", "maxFileBytes", "maxFiles", "timeoutSeconds", "maxConcurrentChecks"]
}
