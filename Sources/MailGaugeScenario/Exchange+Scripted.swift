/// Exchanges written in code — a conformance probe's commands — rather than read from a file,
/// so they are replayed by the same dialects, with the same guards, as a scenario's.
extension Exchange {
    /// `command` as a `C:` line reads (`${name}` substitutes; `\{`, `\}`, `\$`, `\\` escape),
    /// with `literal`'s lines, if any, sent as one synchronising literal after it (IMAP
    /// APPEND); `expected` as `S:` lines read. Nil `command`: read only (a greeting, or
    /// untagged responses the server sends unasked).
    package static func scripted(_ command: String?, literal: [String]? = nil, expecting expected: [String],
                                 at location: SourceLocation) throws(ScenarioError) -> Exchange {
        var scripted: Command?
        if let command {
            let literals = try literal.map { lines throws(ScenarioError) in
                Command.Literal(lines: try lines.map { line throws(ScenarioError) in try Template(Substring(line), at: location) },
                                nonSynchronizing: false, declaredSize: nil, then: .empty(at: location))
            }
            // The literal's announcement follows the text after a space, as `C: APPEND INBOX {*}` reads.
            let text = literal == nil ? command : command + " "
            scripted = Command(tag: nil, text: try Template(Substring(text), at: location), literals: literals.map { [$0] } ?? [],
                               location: location)
        }
        let lines = try expected.map { line throws(ScenarioError) in
            ExpectedLine(.pattern(try LinePattern(Substring(line), at: location)), at: location)
        }
        return Exchange(command: scripted, expected: lines, location: location)
    }
}

extension Template {
    /// `text` escaped so that a scripted `C:` line sends it exactly (`\`, `$`, `{`, `}`
    /// escaped): a value from the server, such as a mailbox name, put into a command.
    package static func literalText(_ text: String) -> String {
        var escaped = ""
        for character in text {
            if SegmentLexer.escapable.contains(character) { escaped.append("\\") }
            escaped.append(character)
        }
        return escaped
    }
}
