import MailGaugeClient

/// Watches replays from outside. Load runs watch the connections a replay opens (whose
/// meters give TCP connect, TLS handshake and byte counts) and the transport failure that
/// ended it, so errors are counted by their stable `ConnectionError.Kind` rather than by
/// message text; every command watches what the server said about itself, for the report's
/// `ServerInfo`. Each observer implements only what it watches.
public protocol ReplayObserver: Sendable {
    func opened(_ connection: Connection)
    /// The replay stopped on a transport failure; a scenario timeout arrives as `.readTimeout`.
    func failed(_ error: ConnectionError)
    /// The first line the server sent on `connection`, escaped and masked as in transcripts.
    /// Lazy, like `listed`: rendering it for each of thousands of load sessions would cost
    /// more than the session, and an observer wants only the first.
    func greeted(_ greeting: @autoclosure () -> String, on connection: Connection)
    /// A capability list the server sent on `connection` (IMAP CAPABILITY, POP3 CAPA lines),
    /// as listed, escaped and masked as in transcripts.
    func listed(capabilities: @autoclosure () -> [String], on connection: Connection)
}

extension ReplayObserver {
    public func opened(_ connection: Connection) {}
    public func failed(_ error: ConnectionError) {}
    public func greeted(_ greeting: @autoclosure () -> String, on connection: Connection) {}
    public func listed(capabilities: @autoclosure () -> [String], on connection: Connection) {}
}

extension ReplayObserver {
    /// `greeted` with the line rendered as `transcript` renders it: escaped, secrets masked.
    func greeted(_ line: some Sequence<UInt8>, on connection: Connection, renderedBy transcript: TranscriptRecorder) {
        greeted(transcript.render(line), on: connection)
    }

    /// `listed` with each entry rendered as `transcript` renders it: escaped, secrets masked.
    func listed<Entries: Sequence>(_ entries: Entries, on connection: Connection, renderedBy transcript: TranscriptRecorder)
        where Entries.Element: Sequence<UInt8> {
        listed(capabilities: entries.map { transcript.render($0) }, on: connection)
    }
}
