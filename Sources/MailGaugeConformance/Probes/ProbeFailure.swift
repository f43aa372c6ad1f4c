/// A probe cannot go on: the server refused a command the probe needs as a precondition.
struct ProbeFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
