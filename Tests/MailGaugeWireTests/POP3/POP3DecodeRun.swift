import MailGaugeWire

/// Everything a decoder makes of one input: its responses, then what `finish` reports.
struct POP3DecodeRun: Equatable {
    var responses: [POP3Response] = []
    var finishFindings: [Finding] = []

    /// Every rule reported, sorted, so a table can name them without caring about order.
    var rules: [String] {
        (responses.flatMap(\.findings) + finishFindings).map(\.rule).sorted()
    }

    /// Feeds `input` in pieces of `chunkSize` octets (the whole input when nil), taking every
    /// response as it completes, then finishes the stream.
    static func decode(
        _ input: [UInt8], context: POP3ReplyContext, limits: POP3Limits = .init(), chunkSize: Int? = nil
    ) -> POP3DecodeRun {
        var decoder = POP3ResponseDecoder(limits: limits)
        var run = POP3DecodeRun()
        var start = 0
        repeat {
            let end = min(input.count, start + (chunkSize ?? input.count))
            decoder.append(input[start..<end])
            start = end
            while let response = decoder.nextResponse(for: context) {
                run.responses.append(response)
            }
        } while start < input.count
        run.finishFindings = decoder.finish(for: context)
        return run
    }
}
