import Foundation

/// A conformance fixture (`Scenarios/conformance/fixtures/NAME.eml`) as `check --seed-via`
/// delivers it: its lines are templates, and `${run}` in its Message-ID makes each run's copy
/// one that nothing else in the account can carry, which is how the run finds it again and
/// how it knows what it may delete.
package struct SeedFixture: Sendable {
    package let name: String
    /// The file's lines, without line ends; sent with CRLF.
    package let lines: [String]
    /// The Message-ID header's value as written, `${run}` still in it.
    let messageIDTemplate: String

    static let runVariable = "${run}"

    package init(name: String, lines: [String]) throws(SeedError) {
        guard let header = lines.prefix(while: { !$0.isEmpty }).first(where: { $0.lowercased().hasPrefix("message-id:") }) else {
            throw SeedError("fixture \(name) has no Message-ID header: the run could not tell its copy from the account's mail")
        }
        let value = header.dropFirst("message-id:".count).trimmingCharacters(in: .whitespaces)
        guard value.contains(Self.runVariable) else {
            throw SeedError("fixture \(name)'s Message-ID has no ${run}: every run's copy would look the same")
        }
        self.name = name
        self.lines = lines
        messageIDTemplate = value
    }

    /// Reads `folder/NAME.eml` for each name.
    package static func load(_ names: [String], from folder: String) throws(SeedError) -> [SeedFixture] {
        var fixtures: [SeedFixture] = []
        for name in names {
            let path = "\(folder)/\(name).eml"
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { throw SeedError("\(path): cannot read the fixture") }
            var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { String($0.last == "\r" ? $0.dropLast() : $0) }
            // The newline that ends the file's last line starts no line of its own.
            if text.hasSuffix("\n") { lines.removeLast() }
            fixtures.append(try SeedFixture(name: name, lines: lines))
        }
        return fixtures
    }

    /// The Message-ID of the copy delivered with `token` as its `${run}`.
    func messageID(token: String) -> String {
        messageIDTemplate.replacing(Self.runVariable, with: token)
    }
}

/// Why seeding cannot go on, in one line.
package struct SeedError: Error, CustomStringConvertible, Sendable {
    package var description: String
    package init(_ description: String) { self.description = description }
}
