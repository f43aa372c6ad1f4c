import MailGaugeWire

/// The POP3 decoder must give the same responses however the stream is split (its own
/// promise), and never more responses than there are line ends.
enum POP3DecoderFuzzing {
    /// The first byte picks the command answered and where the stream is cut; the rest is
    /// what the server sent.
    static func run(_ input: [UInt8]) -> [String] {
        guard let selector = input.first else { return [] }
        let stream = Array(input.dropFirst())
        let contexts: [POP3ReplyContext] = [.greeting, .authContinuation, .singleLine(verb: "STAT"), .multiLine(verb: "RETR"),
                                            .multiLine(verb: "LIST"), .multiLine(verb: "UIDL"), .multiLine(verb: "CAPA")]
        let context = contexts[Int(selector) % contexts.count]
        let limits = POP3Limits(maxLineLength: 64, maxBodyBytes: 256)
        let cut = stream.isEmpty ? 0 : Int(selector) * 7 % stream.count
        let whole = decode([stream[...]], context, limits)
        let split = decode([stream[..<cut], stream[cut...]], context, limits)
        var broken: [String] = []
        if whole != split { broken.append("responses differ when the stream is cut at \(cut)") }
        if whole.count > stream.count(where: { $0 == 10 }) { broken.append("\(whole.count) responses from fewer line ends") }
        return broken
    }

    private static func decode(_ pieces: [ArraySlice<UInt8>], _ context: POP3ReplyContext, _ limits: POP3Limits) -> [POP3Response] {
        var decoder = POP3ResponseDecoder(limits: limits)
        var responses: [POP3Response] = []
        for piece in pieces {
            decoder.append(piece)
            while let response = decoder.nextResponse(for: context) { responses.append(response) }
        }
        _ = decoder.finish(for: context)
        return responses
    }
}
