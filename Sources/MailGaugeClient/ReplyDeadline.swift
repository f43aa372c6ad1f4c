/// `Timeouts.reply` for one reply: started by its first bytes, checked after each read, so a
/// server trickling a byte at a time ends the wait at the limit instead of never.
struct ReplyDeadline {
    private let limit: Duration
    private var end: ContinuousClock.Instant?
    private var bytes = 0

    init(_ limit: Duration) {
        self.limit = limit
    }

    /// After a read of `count` bytes: throws once the reply has taken longer than the limit.
    mutating func received(_ count: Int, from endpoint: String) throws(ConnectionError) {
        bytes += count
        let now = ContinuousClock.now
        guard let end else {
            self.end = now + limit
            return
        }
        if now > end {
            throw ConnectionError(.readTimeout, endpoint: endpoint,
                                  "a reply still incomplete \(limit) after its first bytes (\(bytes) bytes so far): the server sends too slowly")
        }
    }
}
