/// A password held by a mechanism until it is needed.
///
/// Mechanisms are values that callers may `print`, `dump` or interpolate while debugging a
/// run; this wrapper keeps the password out of every such rendering and out of reports.
struct RedactedSecret: Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The secret's UTF-8 bytes.
    let bytes: [UInt8]

    init(_ text: String) {
        bytes = Array(text.utf8)
    }

    var description: String { "<redacted>" }
    var debugDescription: String { "<redacted>" }
    var customMirror: Mirror { Mirror(self, children: [], displayStyle: .struct) }
}
