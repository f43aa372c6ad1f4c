/// An ABNF rule a finding can name, with where each IMAP revision writes it down.
///
/// Base rules live in the formal syntax section of RFC 3501 and RFC 9051 (§9 in both);
/// extension rules name their own RFC, and RFC 9051 §9 when IMAP4rev2 absorbed them.
/// Made of static strings so that passing a rule around, as every parse function does, costs
/// no reference counting.
struct IMAPGrammarRule: Sendable {
    let name: StaticString
    private let rev1Reference: StaticString
    private let rev2Reference: StaticString

    /// A rule of the base grammar.
    init(_ name: StaticString) {
        self.init(name, rev1: "RFC 3501 §9", rev2: "RFC 9051 §9")
    }

    /// A rule from an extension; `core` when RFC 9051 made it part of IMAP4rev2.
    init(_ name: StaticString, extension reference: StaticString, core: Bool) {
        self.init(name, rev1: reference, rev2: core ? "RFC 9051 §9" : reference)
    }

    private init(_ name: StaticString, rev1: StaticString, rev2: StaticString) {
        self.name = name
        self.rev1Reference = rev1
        self.rev2Reference = rev2
    }

    func reference(_ version: IMAPGrammarVersion) -> String {
        (version == .rev1 ? rev1Reference : rev2Reference).description
    }
}

extension IMAPGrammarRule {
    // Lexical rules.
    static let crlf = IMAPGrammarRule("CRLF")
    static let atom = IMAPGrammarRule("atom")
    static let astring = IMAPGrammarRule("astring")
    static let string = IMAPGrammarRule("string")
    static let nstring = IMAPGrammarRule("nstring")
    static let quoted = IMAPGrammarRule("quoted")
    static let quotedChar = IMAPGrammarRule("QUOTED-CHAR")
    static let literal = IMAPGrammarRule("literal")
    static let literal8 = IMAPGrammarRule("literal8", extension: "RFC 3516 §5", core: true)
    static let number = IMAPGrammarRule("number")
    static let number64 = IMAPGrammarRule("number64", extension: "RFC 9051 §9", core: true)
    static let nzNumber = IMAPGrammarRule("nz-number")
    static let text = IMAPGrammarRule("text")
    static let textChar = IMAPGrammarRule("TEXT-CHAR")
    static let tag = IMAPGrammarRule("tag")
    static let base64 = IMAPGrammarRule("base64")
    static let sequenceSet = IMAPGrammarRule("sequence-set")
    static let modSequenceValue = IMAPGrammarRule("mod-sequence-value", extension: "RFC 7162 §7", core: false)
    static let recursionDepth = IMAPGrammarRule("recursion-depth", extension: "MailGauge parser limit", core: false)

    // Responses.
    static let greeting = IMAPGrammarRule("greeting")
    static let responseTagged = IMAPGrammarRule("response-tagged")
    static let responseData = IMAPGrammarRule("response-data")
    static let continueReq = IMAPGrammarRule("continue-req")
    static let respCondState = IMAPGrammarRule("resp-cond-state")
    static let respCondAuth = IMAPGrammarRule("resp-cond-auth")
    static let respText = IMAPGrammarRule("resp-text")
    static let respTextCode = IMAPGrammarRule("resp-text-code")
    static let respCodeApnd = IMAPGrammarRule("resp-code-apnd", extension: "RFC 4315 §4", core: true)
    static let respCodeCopy = IMAPGrammarRule("resp-code-copy", extension: "RFC 4315 §4", core: true)
    static let capabilityData = IMAPGrammarRule("capability-data")
    static let enableData = IMAPGrammarRule("enable-data", extension: "RFC 5161 §4", core: true)

    // Mailbox data.
    static let mailboxData = IMAPGrammarRule("mailbox-data")
    static let flagList = IMAPGrammarRule("flag-list")
    static let flag = IMAPGrammarRule("flag")
    static let flagPerm = IMAPGrammarRule("flag-perm")
    static let flagFetch = IMAPGrammarRule("flag-fetch")
    static let mailboxList = IMAPGrammarRule("mailbox-list")
    static let mbxListFlags = IMAPGrammarRule("mbx-list-flags")
    static let mailbox = IMAPGrammarRule("mailbox")
    static let mboxListExtended = IMAPGrammarRule("mbox-list-extended", extension: "RFC 5258 §6", core: true)
    static let taggedExtVal = IMAPGrammarRule("tagged-ext-val", extension: "RFC 4466 §3", core: true)
    static let statusAttList = IMAPGrammarRule("status-att-list")
    static let searchSortModSeq = IMAPGrammarRule("search-sort-mod-seq", extension: "RFC 7162 §7", core: false)
    static let esearchResponse = IMAPGrammarRule("esearch-response", extension: "RFC 4731 §4", core: true)
    static let namespaceResponse = IMAPGrammarRule("namespace-response", extension: "RFC 2342 §6", core: true)
    static let idResponse = IMAPGrammarRule("id-response", extension: "RFC 2971 §4", core: false)

    // Message data.
    static let messageData = IMAPGrammarRule("message-data")
    static let expungedResp = IMAPGrammarRule("expunged-resp", extension: "RFC 7162 §7", core: false)
    static let msgAtt = IMAPGrammarRule("msg-att")
    static let fetchModResp = IMAPGrammarRule("fetch-mod-resp", extension: "RFC 7162 §7", core: false)
    static let preview = IMAPGrammarRule("preview", extension: "RFC 8970 §7", core: false)
    static let section = IMAPGrammarRule("section")
    static let sectionPart = IMAPGrammarRule("section-part")
    static let sectionBinary = IMAPGrammarRule("section-binary", extension: "RFC 3516 §5", core: true)
    static let headerList = IMAPGrammarRule("header-list")
    static let dateTime = IMAPGrammarRule("date-time")
    static let dateDayFixed = IMAPGrammarRule("date-day-fixed")
    static let dateMonth = IMAPGrammarRule("date-month")
    static let time = IMAPGrammarRule("time")
    static let zone = IMAPGrammarRule("zone")
    static let envelope = IMAPGrammarRule("envelope")
    static let address = IMAPGrammarRule("address")
    static let envFrom = IMAPGrammarRule("env-from")
    static let envSender = IMAPGrammarRule("env-sender")
    static let envReplyTo = IMAPGrammarRule("env-reply-to")
    static let envTo = IMAPGrammarRule("env-to")
    static let envCc = IMAPGrammarRule("env-cc")
    static let envBcc = IMAPGrammarRule("env-bcc")

    // Body structure.
    static let body = IMAPGrammarRule("body")
    static let bodyType1Part = IMAPGrammarRule("body-type-1part")
    static let bodyTypeMpart = IMAPGrammarRule("body-type-mpart")
    static let bodyFields = IMAPGrammarRule("body-fields")
    static let bodyFldParam = IMAPGrammarRule("body-fld-param")
    static let bodyFldEnc = IMAPGrammarRule("body-fld-enc")
    static let bodyFldDsp = IMAPGrammarRule("body-fld-dsp")
    static let bodyFldLang = IMAPGrammarRule("body-fld-lang")
    static let bodyExtension = IMAPGrammarRule("body-extension")
}
