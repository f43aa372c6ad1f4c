/// A probe does not apply to this server or target; the result is *skipped*, with the reason.
struct ProbeSkipped: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
