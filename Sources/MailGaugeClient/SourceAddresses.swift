import NIOCore
import Synchronization

/// The local addresses connections are made from, in turn (`bench --source-address
/// 127.0.0.2-127.0.0.9`): one source address runs out of ephemeral ports near 28,000
/// connections to one server port, so a run holding more spreads them over several.
public final class SourceAddresses: Sendable {
    private let addresses: [SocketAddress]
    private let next = Atomic<Int>(0)

    /// `A.B.C.D-A.B.C.E` (a range of IPv4 addresses that differ in the last part), or addresses
    /// separated by commas (IPv6 too), or a mix.
    public init(_ spec: String) throws(SourceAddressError) {
        var addresses: [SocketAddress] = []
        for part in spec.split(separator: ",").map({ String($0.filter { !$0.isWhitespace }) }) {
            if let dash = part.firstIndex(of: "-"), !part.contains(":") {
                let (first, last) = (String(part[..<dash]), String(part[part.index(after: dash)...]))
                let (start, end) = (first.split(separator: "."), last.split(separator: "."))
                guard start.count == 4, end.count == 4, start.dropLast() == end.dropLast(),
                      let low = Int(start[3]), let high = Int(end[3]), low <= high, high <= 255 else {
                    throw SourceAddressError("'\(part)' is not a range of IPv4 addresses differing in the last part, e.g. 127.0.0.2-127.0.0.9")
                }
                for octet in low...high { addresses.append(try Self.address(start.dropLast().joined(separator: ".") + ".\(octet)")) }
            } else {
                addresses.append(try Self.address(part))
            }
        }
        guard !addresses.isEmpty else { throw SourceAddressError("no source address in '\(spec)'") }
        self.addresses = addresses
    }

    public var count: Int { addresses.count }

    /// The address the next connection binds to.
    public func take() -> SocketAddress {
        addresses[next.add(1, ordering: .relaxed).oldValue % addresses.count]
    }

    private static func address(_ text: String) throws(SourceAddressError) -> SocketAddress {
        do {
            return try SocketAddress(ipAddress: text, port: 0)
        } catch {
            throw SourceAddressError("'\(text)' is not an IP address")
        }
    }
}

public struct SourceAddressError: Error, CustomStringConvertible {
    public var description: String
    init(_ description: String) { self.description = "--source-address: " + description }
}
