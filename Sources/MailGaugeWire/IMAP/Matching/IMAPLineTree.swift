/// A response line's tokens nested by their parentheses and brackets, for the normaliser to
/// read each list by what it holds.
enum IMAPLineNode: Equatable {
    enum Group { case paren, bracket }

    case space
    case word([IMAPLineUnit])
    case string([IMAPLineUnit])
    case literalAnnouncement([IMAPLineUnit])
    /// `(…)` or `[…]`; `closed` is false when the line ends first (a pattern may stop there).
    case group(Group, [IMAPLineNode], closed: Bool)
    /// A `)` or `]` that closes nothing.
    case stray(UInt8)

    /// The word upper-cased, when this is a word with no hole: what names a response or item.
    var keyword: String? {
        guard case .word(let units) = self else { return nil }
        let bytes = units.compactMap(\.octet)
        guard bytes.count == units.count else { return nil }
        return String(decoding: bytes.map(IMAPCharacterClass.upper), as: UTF8.self)
    }
}

enum IMAPLineTree {
    /// Lists nested deeper than this stay flat: their brackets are kept as bytes (`stray`).
    /// Nothing a real server sends nests this deep (the grammar parser reports it as
    /// `recursion-depth`), and a tree as deep as a hostile line (100,000 parentheses) would
    /// overflow the stack when rendered or freed, and cost time quadratic in its depth.
    static let maxDepth = 64

    static func nodes(_ tokens: [IMAPLineToken]) -> [IMAPLineNode] {
        var stack: [(IMAPLineNode.Group, [IMAPLineNode])] = [(.paren, [])]
        /// Brackets open below `maxDepth`, kept flat, innermost last.
        var flattened: [IMAPLineNode.Group] = []
        func open(_ group: IMAPLineNode.Group, byte: UInt8) {
            guard stack.count <= maxDepth else {
                flattened.append(group)
                stack[stack.count - 1].1.append(.stray(byte))
                return
            }
            stack.append((group, []))
        }
        func close(_ group: IMAPLineNode.Group, byte: UInt8) {
            if flattened.last == group {
                flattened.removeLast()
                stack[stack.count - 1].1.append(.stray(byte))
                return
            }
            guard flattened.isEmpty, stack.count > 1, stack[stack.count - 1].0 == group else {
                stack[stack.count - 1].1.append(.stray(byte))
                return
            }
            let (kind, children) = stack.removeLast()
            stack[stack.count - 1].1.append(.group(kind, children, closed: true))
        }
        for token in tokens {
            switch token {
            case .space: stack[stack.count - 1].1.append(.space)
            case .word(let units): stack[stack.count - 1].1.append(.word(units))
            case .string(let units): stack[stack.count - 1].1.append(.string(units))
            case .literalAnnouncement(let units): stack[stack.count - 1].1.append(.literalAnnouncement(units))
            case .openParen: open(.paren, byte: UInt8(ascii: "("))
            case .openBracket: open(.bracket, byte: UInt8(ascii: "["))
            case .closeParen: close(.paren, byte: UInt8(ascii: ")"))
            case .closeBracket: close(.bracket, byte: UInt8(ascii: "]"))
            }
        }
        while stack.count > 1 {
            let (kind, children) = stack.removeLast()
            stack[stack.count - 1].1.append(.group(kind, children, closed: false))
        }
        return stack[0].1
    }
}
