/// Message-number and UID sets (RFC 9051 §9, RFC 4315 §4).
extension IMAPGrammarParser {
    // sequence-set    = (seq-number / seq-range) ["," sequence-set]
    // seq-range       = seq-number ":" seq-number
    // seq-number      = nz-number / "*"
    mutating func sequenceSet(_ rule: IMAPGrammarRule = .sequenceSet) throws(IMAPGrammarError) -> IMAPSequenceSet {
        try numberSet(rule, allowsStar: true)
    }

    // uid-set         = (uniqueid / uid-range) *("," uid-set)
    // uid-range       = (uniqueid ":" uniqueid)
    // uniqueid        = nz-number
    mutating func uidSet(_ rule: IMAPGrammarRule) throws(IMAPGrammarError) -> IMAPSequenceSet {
        try numberSet(rule, allowsStar: false)
    }

    private mutating func numberSet(_ rule: IMAPGrammarRule, allowsStar: Bool) throws(IMAPGrammarError) -> IMAPSequenceSet {
        var ranges: [ClosedRange<UInt32>] = []
        repeat {
            let first = try setNumber(rule, allowsStar: allowsStar)
            let last = consume(UInt8(ascii: ":")) ? try setNumber(rule, allowsStar: allowsStar) : first
            ranges.append(min(first, last)...max(first, last))
        } while consume(UInt8(ascii: ","))
        return IMAPSequenceSet(ranges)
    }

    private mutating func setNumber(_ rule: IMAPGrammarRule, allowsStar: Bool) throws(IMAPGrammarError) -> UInt32 {
        if allowsStar && consume(UInt8(ascii: "*")) { return UInt32.max }
        return try nzNumber(rule)
    }

    // mod-sequence-value  = 1*DIGIT
    //                        ;; Positive unsigned 63-bit integer
    //                        ;; (mod-sequence)
    //                        ;; (1 <= n <= 9,223,372,036,854,775,807).
    mutating func modSequenceValue() throws(IMAPGrammarError) -> UInt64 {
        try number64(.modSequenceValue)
    }
}
