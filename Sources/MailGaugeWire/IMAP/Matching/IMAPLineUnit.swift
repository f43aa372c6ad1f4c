/// One unit of a response line to be normalised: an octet, or a hole.
///
/// Holes let the same normaliser read a scenario's `S:` pattern, whose wildcards are not text
/// yet: each wildcard is a hole, which lexing reads as atom text and normalising keeps in place.
package enum IMAPLineUnit: Sendable, Hashable {
    case octet(UInt8)
    /// A part the caller fills in later, numbered by the caller.
    case hole(UInt16)

    package static func octets(_ bytes: some Sequence<UInt8>) -> [IMAPLineUnit] {
        bytes.map(IMAPLineUnit.octet)
    }

    /// The same for the collections a load session converts on every reply, without the
    /// generic call, which cost a session more than matching the units did.
    package static func octets(_ bytes: ArraySlice<UInt8>) -> [IMAPLineUnit] {
        bytes.map(IMAPLineUnit.octet)
    }

    package static func octets(_ bytes: [UInt8]) -> [IMAPLineUnit] {
        bytes.map(IMAPLineUnit.octet)
    }

    package static func octets(_ bytes: String.UTF8View) -> [IMAPLineUnit] {
        bytes.map(IMAPLineUnit.octet)
    }

    var octet: UInt8? {
        if case .octet(let byte) = self { byte } else { nil }
    }
}
