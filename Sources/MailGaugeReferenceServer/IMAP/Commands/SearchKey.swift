/// A `search-key` (RFC 9051 §6.4.4); a list of keys means all of them must match.
indirect enum SearchKey: Sendable, Equatable {
    case all
    case flag(String, present: Bool)
    case new, old, recent
    case header(field: String, value: String)
    case body(String), text(String)
    case before(CivilDate), on(CivilDate), since(CivilDate)
    case sentBefore(CivilDate), sentOn(CivilDate), sentSince(CivilDate)
    case larger(Int), smaller(Int)
    case uid(SequenceSet)
    case sequence(SequenceSet)
    case modSeq(UInt64)
    case not(SearchKey)
    case or(SearchKey, SearchKey)
    case and([SearchKey])
}
