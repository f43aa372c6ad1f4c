/// A malformed scenario, reported as `file:line: what is wrong` before any connection is made.
public struct ScenarioError: Error, Sendable, Equatable, CustomStringConvertible {
    public var location: SourceLocation
    public var message: String

    /// Control characters in `message` (a NUL or CR from the file it quotes) are written as
    /// `\u{0}`, so the error stays one visible line.
    public init(_ message: String, at location: SourceLocation) {
        self.message = Self.visible(message)
        self.location = location
    }

    /// The file name is escaped too: an `@include` line may name a file with any bytes in it.
    public var description: String { "\(Self.visible(location.file)):\(location.line): \(message)" }

    private static func visible(_ text: String) -> String {
        text.unicodeScalars.map { $0.properties.generalCategory == .control ? "\\u{\(String($0.value, radix: 16))}" : String($0) }.joined()
    }
}
