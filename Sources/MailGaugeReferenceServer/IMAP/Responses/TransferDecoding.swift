import Foundation

/// Undoes a Content-Transfer-Encoding (RFC 2045 §6) for BINARY[…] (RFC 3516 §4.2).
enum TransferDecoding {
    /// Nil for an encoding this server does not know (answered NO [UNKNOWN-CTE]).
    static func decode(_ body: ArraySlice<UInt8>, encoding: String?) -> [UInt8]? {
        switch (encoding ?? "7bit").lowercased() {
        case "7bit", "8bit", "binary": Array(body)
        case "base64": Data(base64Encoded: Data(body), options: .ignoreUnknownCharacters).map { Array($0) }
        case "quoted-printable": quotedPrintable(body)
        default: nil
        }
    }

    /// RFC 2045 §6.7: `=XX` octets, soft line breaks `=` CRLF removed.
    private static func quotedPrintable(_ body: ArraySlice<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        var index = body.startIndex
        func hex(_ byte: UInt8) -> UInt8? {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
            case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
            case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
            default: nil
            }
        }
        while index < body.endIndex {
            let byte = body[index]
            if byte == UInt8(ascii: "="), index + 2 < body.endIndex || index + 1 < body.endIndex {
                let next = body[index + 1]
                if next == 13 || next == 10 {
                    index += next == 13 && index + 2 < body.endIndex && body[index + 2] == 10 ? 3 : 2
                    continue
                }
                if index + 2 < body.endIndex, let high = hex(next), let low = hex(body[index + 2]) {
                    out.append(high << 4 | low)
                    index += 3
                    continue
                }
            }
            out.append(byte)
            index += 1
        }
        return out
    }
}
