/// A command to send: its first line, and for IMAP the literals that follow it.
///
/// `C: APPEND INBOX {*}` then `L:` lines then (optionally) `C+:` text: the runner sends the
/// first line, the literal's bytes once the server asks for them (or at once for `{n+}`,
/// LITERAL+), then the rest. `{*}` is replaced by the literal's size in octets.
public struct Command: Sendable, Equatable {
    /// An explicit tag, `C: [a17] NOOP`; IMAP commands without one get an automatic tag.
    public var tag: String?
    public var text: Template
    public var literals: [Literal]
    public var location: SourceLocation

    public struct Literal: Sendable, Equatable {
        /// Content lines; each is sent followed by CRLF.
        public var lines: [Template]
        /// `{n+}` / `{*+}`: sent without waiting for the server's continuation (RFC 7888).
        public var nonSynchronizing: Bool
        /// The size as written, or nil for `{*}` (computed from the content).
        public var declaredSize: Int?
        /// `{n!}`: the size is sent as written even where the content holds another, on
        /// purpose (a test of how the server meets a wrong count); otherwise the parser
        /// rejects a size the content does not have.
        public var sizeIsDeliberate = false
        /// The command text after the literal (`C+:`), possibly empty.
        public var then: Template
    }

    /// The first word of the first line, upper-cased: the command verb.
    public var verb: String { text.verb }
}

/// A literal announcement at the end of a command line: `{12}`, `{12+}`, `{*}`, `{*+}`, and
/// `{12!}` or `{12+!}` for a size sent as written whatever the content holds.
struct LiteralMarker: Equatable {
    var declaredSize: Int?
    var nonSynchronizing: Bool
    var sizeIsDeliberate: Bool
    /// The line without the marker.
    var prefix: Substring

    init?(endOf line: Substring) {
        guard line.hasSuffix("}"), let open = line.lastIndex(of: "{") else { return nil }
        var body = line[line.index(after: open)..<line.index(before: line.endIndex)]
        sizeIsDeliberate = body.hasSuffix("!")
        if sizeIsDeliberate { body = body.dropLast() }
        nonSynchronizing = body.hasSuffix("+")
        if nonSynchronizing { body = body.dropLast() }
        if body == "*", !sizeIsDeliberate {
            declaredSize = nil
        } else if !body.isEmpty, body.allSatisfy(\.isASCIIDigit), let size = Int(body) {
            declaredSize = size
        } else {
            return nil
        }
        prefix = line[..<open]
    }
}
