/// Writes an IMAP response in a canonical form, in which encodings that mean the same read the
/// same, so a scenario's expectation and a server's reply compare by meaning, not by bytes.
///
/// - A string's value is written once: as an atom when it is a valid atom other than NIL, else
///   quoted. `"INBOX"`, `INBOX` and `{5}␍␊INBOX` read alike (RFC 9051 §4.3); NIL and `"NIL"` do not.
/// - Case-insensitive atoms are upper-cased: the status and data words (`OK`, `EXISTS`,
///   `FETCH`; RFC 9051 §9 note on case), response codes, capability names, FETCH and STATUS
///   item names, section specifiers, flags (`\Seen`), and the mailbox name INBOX (RFC 9051 §5.1).
///   Keywords and other mailbox names keep their case.
/// - A date-time's day reads with two digits: `" 1-Feb-2024 …"` as `"01-Feb-2024 …"`
///   (date-day-fixed, RFC 9051 §9).
/// - With `.sorted`, the items of a FETCH response (RFC 9051 §7.5.2: in any order) and the flags
///   of a flag list are sorted; `.asSent` keeps their order.
/// - Spaces stay as they are: IMAP separates with exactly one SP.
package struct IMAPLineNormalizer: Sendable {
    package enum Ordering: Sendable, CaseIterable {
        case asSent, sorted
    }

    package var ordering: Ordering

    package init(ordering: Ordering) {
        self.ordering = ordering
    }

    package func normalize(_ line: [IMAPLineUnit]) -> [IMAPNormalizedUnit] {
        let nodes = IMAPLineTree.nodes(IMAPLineLexer.tokens(line))
        let roles = Self.topLevelRoles(nodes)
        var output: [IMAPNormalizedUnit] = []
        var element = 0
        for node in nodes {
            if case .space = node {
                output.append(.octet(UInt8(ascii: " ")))
                continue
            }
            output += render(node, as: roles(element, node))
            element += 1
        }
        return output
    }

    /// What an element of a response means, by its place: RFC 9051 §7 lays out each response
    /// as a tag or `*`, a word naming it, and the data that word announces.
    private enum Role {
        /// Text whose case matters (flags aside): tags, strings, resp-text.
        case plain
        /// One case-insensitive atom: a status or data word, an item name.
        case keyword
        /// Everything inside is case-insensitive: capability names, a section specifier.
        case caseless
        /// A mailbox name: case matters except for INBOX.
        case mailbox
        /// A flag list: its flags in any order.
        case flags
        /// A FETCH list: name-value pairs in any order.
        case fetchItems
        /// A STATUS list: name-value pairs, names case-insensitive.
        case statusItems
        /// `[code args]`: the code's name case-insensitive, its arguments by code.
        case responseCode
    }

    private static func topLevelRoles(_ nodes: [IMAPLineNode]) -> (Int, IMAPLineNode) -> Role {
        let elements = nodes.filter { if case .space = $0 { false } else { true } }
        let first = elements.first?.keyword
        let second = elements.count > 1 ? elements[1].keyword : nil
        let isMessageData = second.map { !$0.isEmpty && $0.utf8.allSatisfy(IMAPCharacterClass.isDigit) } ?? false
        let dataWord = isMessageData ? (elements.count > 2 ? elements[2].keyword : nil) : second
        return { index, node in
            // A continuation request carries text or base64, no words to fold.
            if first == "+" || index == 0 { return .plain }
            if case .group(.bracket, _, _) = node { return .responseCode }
            if index == 1 || (isMessageData && index == 2) { return .keyword }
            switch (dataWord, index) {
            case ("FETCH", 3) where isMessageData: return .fetchItems
            case ("CAPABILITY", _), ("ENABLED", _): return .caseless
            case ("LIST", 2), ("LSUB", 2), ("FLAGS", 2): return .flags
            case ("LIST", 4), ("LSUB", 4), ("STATUS", 2): return .mailbox
            case ("STATUS", 3): return .statusItems
            default: return .plain
            }
        }
    }

    private func render(_ node: IMAPLineNode, as role: Role) -> [IMAPNormalizedUnit] {
        switch node {
        case .space: return [.octet(UInt8(ascii: " "))]
        case .stray(let byte): return [.octet(byte)]
        case .literalAnnouncement(let units): return units.map(Self.normalized)
        case .word(let units): return Self.word(units, as: role)
        case .string(let units): return Self.string(units, as: role)
        case .group(let kind, let children, let closed):
            let inner: [IMAPNormalizedUnit]
            switch (kind, role) {
            case (.paren, .flags): inner = flags(children)
            case (.paren, .fetchItems): inner = pairs(children, sortable: true)
            case (.paren, .statusItems): inner = pairs(children, sortable: false)
            case (.paren, .caseless), (.bracket, .caseless): inner = children.flatMap { render($0, as: .caseless) }
            case (.bracket, .responseCode): inner = responseCode(children)
            // Brackets inside data are section specifiers (`BODY[HEADER.FIELDS (SUBJECT)]`):
            // their parts and header field names are case-insensitive.
            case (.bracket, _): inner = children.flatMap { render($0, as: .caseless) }
            case (.paren, _): inner = children.flatMap { render($0, as: .plain) }
            }
            let (open, close) = kind == .paren ? (UInt8(ascii: "("), UInt8(ascii: ")")) : (UInt8(ascii: "["), UInt8(ascii: "]"))
            return [.octet(open)] + inner + (closed ? [.octet(close)] : [])
        }
    }

    /// resp-text-code: the code's name, then arguments; CAPABILITY's are capability names,
    /// PERMANENTFLAGS' a flag list.
    private func responseCode(_ children: [IMAPLineNode]) -> [IMAPNormalizedUnit] {
        let code = children.first?.keyword
        return children.enumerated().flatMap { index, child in
            let role: Role = switch (index, code) {
            case (0, _): .keyword
            case (_, "CAPABILITY"): .caseless
            case (_, "PERMANENTFLAGS"): .flags
            default: .plain
            }
            return render(child, as: role)
        }
    }

    /// flag-list = "(" [flag *(SP flag)] ")"; also mbx-list-flags. Sorted only when every flag
    /// is known: a hole among them keeps the order written.
    private func flags(_ children: [IMAPLineNode]) -> [IMAPNormalizedUnit] {
        guard let items = Self.spaceSeparated(children) else { return children.flatMap { render($0, as: .plain) } }
        var rendered = items.map { $0.flatMap { render($0, as: .plain) } }
        if ordering == .sorted, rendered.allSatisfy(Self.isKnown) { rendered.sort(by: Self.precedes) }
        return Self.joined(rendered)
    }

    /// msg-att = "(" (msg-att-dynamic / msg-att-static) *(SP …) ")": names, each with its value.
    private func pairs(_ children: [IMAPLineNode], sortable: Bool) -> [IMAPNormalizedUnit] {
        guard let items = Self.spaceSeparated(children), items.count % 2 == 0 else {
            return children.flatMap { render($0, as: .plain) }
        }
        var pairs: [(name: [IMAPNormalizedUnit], value: [IMAPNormalizedUnit])] = stride(from: 0, to: items.count, by: 2).map { index in
            let name = items[index].flatMap { render($0, as: .keyword) }
            let valueRole: Role = items[index].first?.keyword == "FLAGS" ? .flags : .plain
            return (name, items[index + 1].flatMap { render($0, as: valueRole) })
        }
        if sortable, ordering == .sorted, pairs.allSatisfy({ Self.isKnown($0.name) }) {
            pairs.sort { Self.precedes($0.name, $1.name) }
        }
        return Self.joined(pairs.map { $0.name + [.octet(UInt8(ascii: " "))] + $0.value })
    }

    /// The items of a list separated by single spaces, or nil when the spacing is anything
    /// else: then the list is rendered as it came, spaces and all.
    private static func spaceSeparated(_ children: [IMAPLineNode]) -> [[IMAPLineNode]]? {
        var items: [[IMAPLineNode]] = [[]]
        for child in children {
            if case .space = child {
                guard !items[items.count - 1].isEmpty else { return nil }
                items.append([])
            } else {
                items[items.count - 1].append(child)
            }
        }
        if items == [[]] { return [] }
        return items.last!.isEmpty ? nil : items
    }

    private static func joined(_ items: [[IMAPNormalizedUnit]]) -> [IMAPNormalizedUnit] {
        Array(items.joined(separator: [.octet(UInt8(ascii: " "))]))
    }

    private static func isKnown(_ units: [IMAPNormalizedUnit]) -> Bool {
        units.allSatisfy { if case .octet = $0 { true } else { false } }
    }

    private static func precedes(_ a: [IMAPNormalizedUnit], _ b: [IMAPNormalizedUnit]) -> Bool {
        a.compactMap(\.octet).lexicographicallyPrecedes(b.compactMap(\.octet))
    }

    private static func word(_ units: [IMAPLineUnit], as role: Role) -> [IMAPNormalizedUnit] {
        let value = value(units, as: role)
        let rendered = value.map(normalized)
        return value.contains(where: \.isHole) ? [.quoteIfNeeded] + rendered + [.quoteIfNeeded] : rendered
    }

    private static func string(_ units: [IMAPLineUnit], as role: Role) -> [IMAPNormalizedUnit] {
        let value = paddingDay(of: value(units, as: role))
        // A loop, not a flatMap of one small array per unit: a literal's content may be megabytes.
        var escaped: [IMAPNormalizedUnit] = []
        escaped.reserveCapacity(value.count + 2)
        for unit in value {
            if unit == .octet(UInt8(ascii: "\"")) || unit == .octet(UInt8(ascii: "\\")) { escaped.append(.octet(UInt8(ascii: "\\"))) }
            escaped.append(normalized(unit))
        }
        if value.contains(where: \.isHole) { return [.quoteIfNeeded] + escaped + [.quoteIfNeeded] }
        if isAtom(value) { return escaped }
        return [.octet(UInt8(ascii: "\""))] + escaped + [.octet(UInt8(ascii: "\""))]
    }

    /// The value of a word or string with the case its role gives it.
    private static func value(_ units: [IMAPLineUnit], as role: Role) -> [IMAPLineUnit] {
        switch role {
        case .keyword, .caseless: return units.map(upper)
        case .mailbox where units.map(upper) == IMAPLineUnit.octets("INBOX".utf8): return units.map(upper)
        default: return upperFlags(units)
        }
    }

    /// flag = "\Answered" / … / flag-keyword / flag-extension: system flags and mailbox
    /// attributes (a backslash, then an atom) are case-insensitive; keywords are not.
    private static func upperFlags(_ units: [IMAPLineUnit]) -> [IMAPLineUnit] {
        var inFlag = false
        return units.map { unit in
            switch unit {
            case .hole: inFlag = false; return unit
            case .octet(UInt8(ascii: "\\")): inFlag = true; return unit
            case .octet: return inFlag ? upper(unit) : unit
            }
        }
    }

    /// date-time = DQUOTE date-day-fixed "-" date-month "-" date-year SP time SP zone DQUOTE;
    /// date-day-fixed = (SP DIGIT) / 2DIGIT. A one-digit day, padded or not, gets a leading zero.
    private static func paddingDay(of value: [IMAPLineUnit]) -> [IMAPLineUnit] {
        let bytes = value.compactMap(\.octet)
        // "-Feb-2024 12:00:00 +0000" follows the day.
        guard bytes.count == value.count, let dash = bytes.firstIndex(of: UInt8(ascii: "-")), bytes.count - dash == 24,
              bytes[dash + 4] == UInt8(ascii: "-"), bytes[dash + 9] == UInt8(ascii: " ") else { return value }
        let day = bytes[..<dash]
        guard day.count == 1 || (day.count == 2 && day.first == UInt8(ascii: " ")),
              let digit = day.last, IMAPCharacterClass.isDigit(digit) else { return value }
        return IMAPLineUnit.octets([UInt8(ascii: "0"), digit] + bytes[dash...])
    }

    /// Whether a string's value can be written as an atom that means the same: NIL cannot,
    /// it is nil, not the string.
    private static func isAtom(_ value: [IMAPLineUnit]) -> Bool {
        let bytes = value.compactMap(\.octet)
        return !bytes.isEmpty && bytes.allSatisfy(IMAPCharacterClass.isAtomChar) && bytes.map(IMAPCharacterClass.upper) != Array("NIL".utf8)
    }

    private static func upper(_ unit: IMAPLineUnit) -> IMAPLineUnit {
        unit.octet.map { .octet(IMAPCharacterClass.upper($0)) } ?? unit
    }

    private static func normalized(_ unit: IMAPLineUnit) -> IMAPNormalizedUnit {
        switch unit {
        case .octet(let byte): .octet(byte)
        case .hole(let index): .hole(index)
        }
    }
}

extension IMAPLineUnit {
    var isHole: Bool {
        if case .hole = self { true } else { false }
    }
}
