/// `envelope` and `date-time` (RFC 9051 §9).
extension IMAPGrammarParser {
    // envelope        = "(" env-date SP env-subject SP env-from SP
    //                   env-sender SP env-reply-to SP env-to SP env-cc SP
    //                   env-bcc SP env-in-reply-to SP env-message-id ")"
    // env-date        = nstring
    // env-subject     = nstring
    // env-in-reply-to = nstring
    // env-message-id  = nstring
    mutating func envelope() throws(IMAPGrammarError) -> IMAPEnvelope {
        try expect(UInt8(ascii: "("), .envelope)
        let date = try ntext(of: .envelope)
        try expectSP(.envelope)
        let subject = try ntext(of: .envelope)
        var lists: [[IMAPAddress]] = []
        for rule in [IMAPGrammarRule.envFrom, .envSender, .envReplyTo, .envTo, .envCc, .envBcc] {
            try expectSP(.envelope)
            lists.append(try addressList(rule))
        }
        try expectSP(.envelope)
        let inReplyTo = try ntext(of: .envelope)
        try expectSP(.envelope)
        let messageID = try ntext(of: .envelope)
        try expect(UInt8(ascii: ")"), .envelope)
        return IMAPEnvelope(date: date, subject: subject, from: lists[0], sender: lists[1], replyTo: lists[2],
                            to: lists[3], cc: lists[4], bcc: lists[5], inReplyTo: inReplyTo, messageID: messageID)
    }

    // env-from        = "(" 1*address ")" / nil      (likewise env-sender, env-reply-to,
    //                                                 env-to, env-cc, env-bcc)
    private mutating func addressList(_ rule: IMAPGrammarRule) throws(IMAPGrammarError) -> [IMAPAddress] {
        if consumeKeyword("NIL") { return [] }
        if current == UInt8(ascii: "("), byte(at: position + 1) == UInt8(ascii: ")") {
            // Leniency: "()" for an empty address list where the grammar says NIL.
            note(rule, .warning, "\"()\" where the grammar requires NIL for no addresses")
            position += 2
            return []
        }
        return try parenthesized(rule, minimumCount: 1, separator: false) { (p) throws(IMAPGrammarError) in try p.address() }
    }

    // address         = "(" addr-name SP addr-adl SP addr-mailbox SP
    //                   addr-host ")"
    // addr-adl        = nstring
    // addr-host       = nstring
    // addr-mailbox    = nstring
    // addr-name       = nstring
    private mutating func address() throws(IMAPGrammarError) -> IMAPAddress {
        try expect(UInt8(ascii: "("), .address)
        let name = try ntext(of: .address)
        try expectSP(.address)
        let adl = try ntext(of: .address)
        try expectSP(.address)
        let mailbox = try ntext(of: .address)
        try expectSP(.address)
        let host = try ntext(of: .address)
        try expect(UInt8(ascii: ")"), .address)
        return IMAPAddress(name: name, adl: adl, mailbox: mailbox, host: host)
    }

    // date-time       = DQUOTE date-day-fixed "-" date-month "-" date-year
    //                   SP time SP zone DQUOTE
    // date-day-fixed  = (SP DIGIT) / 2DIGIT
    //                     ; Fixed-format version of date-day
    // date-month      = "Jan" / "Feb" / "Mar" / "Apr" / "May" / "Jun" /
    //                   "Jul" / "Aug" / "Sep" / "Oct" / "Nov" / "Dec"
    // date-year       = 4DIGIT
    // time            = 2DIGIT ":" 2DIGIT ":" 2DIGIT
    //                     ; Hours minutes seconds
    // zone            = ("+" / "-") 4DIGIT
    mutating func dateTime() throws(IMAPGrammarError) -> IMAPDateTime {
        try expect(UInt8(ascii: "\""), .dateTime)
        let day: Int
        if consume(UInt8(ascii: " ")) {
            day = try fixedDigits(1, .dateDayFixed)
        } else if let next = byte(at: position + 1), IMAPCharacterClass.isDigit(next) {
            day = try fixedDigits(2, .dateDayFixed)
        } else {
            // Leniency: a one-digit day without the padding space.
            note(.dateDayFixed, .warning, "one-digit day without a leading SP")
            day = try fixedDigits(1, .dateDayFixed)
        }
        try expect(UInt8(ascii: "-"), .dateTime)
        let month = try dateMonth()
        try expect(UInt8(ascii: "-"), .dateTime)
        let year = try fixedDigits(4, .dateTime)
        try expectSP(.dateTime)
        let hour = try fixedDigits(2, .time)
        try expect(UInt8(ascii: ":"), .time)
        let minute = try fixedDigits(2, .time)
        try expect(UInt8(ascii: ":"), .time)
        let second = try fixedDigits(2, .time)
        try expectSP(.dateTime)
        let sign: Int
        switch current {
        case UInt8(ascii: "+"): sign = 1
        case UInt8(ascii: "-"): sign = -1
        default: throw fail(.zone, expected: "\"+\" or \"-\"")
        }
        position += 1
        let zone = try fixedDigits(4, .zone)
        try expect(UInt8(ascii: "\""), .dateTime)
        return IMAPDateTime(day: day, month: month, year: year, hour: hour, minute: minute, second: second,
                            zoneMinutes: sign * (zone / 100 * 60 + zone % 100))
    }

    private mutating func dateMonth() throws(IMAPGrammarError) -> Int {
        let names: [StaticString] = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]
        for (index, name) in names.enumerated() where consumeKeyword(name) { return index + 1 }
        throw fail(.dateMonth, expected: "a three-letter month name")
    }

    /// Exactly `count` digits.
    private mutating func fixedDigits(_ count: Int, _ rule: IMAPGrammarRule) throws(IMAPGrammarError) -> Int {
        var value = 0
        for _ in 0..<count {
            guard let byte = current, IMAPCharacterClass.isDigit(byte) else { throw fail(rule, expected: "\(count) digits") }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
            position += 1
        }
        return value
    }
}
