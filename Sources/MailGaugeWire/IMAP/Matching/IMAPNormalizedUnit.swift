/// One unit of a normalised line: what `IMAPLineNormalizer` writes.
package enum IMAPNormalizedUnit: Sendable, Hashable {
    case octet(UInt8)
    /// A hole of the input, in place.
    case hole(UInt16)
    /// A DQUOTE around a string that holds a hole: whether the string is written as an atom
    /// or quoted depends on the value the hole takes, so the caller decides when it fills it.
    /// They come in pairs, opening and closing the string.
    case quoteIfNeeded

    package var octet: UInt8? {
        if case .octet(let byte) = self { byte } else { nil }
    }
}
