/// `esearch-response` (RFC 4731, RFC 9051 §7.3.4).
public struct IMAPESearchResponse: Sendable, Hashable {
    /// The tag of the command this answers (`search-correlator`).
    public var correlator: String?
    public var isUID: Bool
    /// `search-return-data`: MIN, MAX, ALL, COUNT, MODSEQ or an extension, as tag and value.
    public var returnData: [IMAPTaggedExtension]

    public init(correlator: String?, isUID: Bool, returnData: [IMAPTaggedExtension]) {
        self.correlator = correlator
        self.isUID = isUID
        self.returnData = returnData
    }
}
