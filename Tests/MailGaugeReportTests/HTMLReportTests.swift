import Foundation
import MailGaugeReport
import MailGaugeResult
import MailGaugeTestSupport
import Testing

@Suite struct HTMLReportTests {
    @Test func pageIsSelfContained() throws {
        let page = try HTMLReport.render(ReportFixture.result)
        #expect(page.hasPrefix("<!DOCTYPE html>"))
        #expect(!page.contains("<link"))
        #expect(!page.contains(" src="))
        // The only URL is the SVG namespace, an identifier that is never fetched.
        let urls = page.ranges(of: "http").count
        #expect(urls == page.ranges(of: "http://www.w3.org/2000/svg").count)
    }

    @Test func pageCarriesTheResultItRenders() throws {
        let page = try HTMLReport.render(ReportFixture.result)
        let start = try #require(page.range(of: #"<script type="application/json" id="result">"#))
        let end = try #require(page[start.upperBound...].range(of: "</script>"))
        let json = String(page[start.upperBound..<end.lowerBound])
        #expect(try JSONReport.decode(Data(json.utf8)) == ReportFixture.result)
    }

    @Test func hostileServerTextCannotEndTheDataScript() throws {
        var result = ReportFixture.result
        result.scenarios[1].transcript.append(TranscriptLine(connection: "main", direction: .server, text: "</script><script>alert(1)</script>"))
        let page = try HTMLReport.render(result)
        #expect(page.ranges(of: "</script>").count == 2)
        #expect(!page.contains("<script>alert(1)"))
    }

    /// In a real browser: no console errors and the charts are drawn (needs Debian's chromium).
    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/usr/bin/chromium"), "needs chromium (apt-get install chromium)"))
    func pageRendersInHeadlessChromium() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mailgauge-html-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let page = folder.appendingPathComponent("report.html")
        try HTMLReport.render(ReportFixture.result).write(to: page, atomically: true, encoding: .utf8)
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Scripts/check-html-report.sh").path
        let output = try await ProcessOutput.run("/bin/bash", [script, page.path, folder.appendingPathComponent("report.png").path])
        #expect(output.exitCode == 0, "\(output.combined)")
        #expect(output.stdout.contains("4 scenario rows"))
        let extended = folder.appendingPathComponent("extended.html")
        try HTMLReport.render(ReportFixture.extended).write(to: extended, atomically: true, encoding: .utf8)
        let withLoad = try await ProcessOutput.run("/bin/bash", [script, extended.path, folder.appendingPathComponent("extended.png").path])
        #expect(withLoad.exitCode == 0, "\(withLoad.combined)")
        #expect(withLoad.stdout.contains("5 charts"), "the load section adds throughput and percentile charts")
    }

    /// What the page draws, as the browser leaves the DOM once its scripts ran.
    private func renderedDOM(_ result: RunResult) async throws -> String {
        let page = FileManager.default.temporaryDirectory.appendingPathComponent("mailgauge-dom-\(UUID().uuidString).html")
        defer { try? FileManager.default.removeItem(at: page) }
        try HTMLReport.render(result).write(to: page, atomically: true, encoding: .utf8)
        let output = try await ProcessOutput.run("/usr/bin/chromium", ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                                                                       "--virtual-time-budget=5000", "--dump-dom", page.absoluteString])
        #expect(output.stdout.contains(#"data-rendered="true""#), "\(output.stderr)")
        return output.stdout
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/usr/bin/chromium"), "needs chromium (apt-get install chromium)"))
    func serverBlockShowsGreetingTLSAndCapabilities() async throws {
        let dom = try await renderedDOM(ReportFixture.result)
        #expect(dom.contains("<h2>Server</h2>"))
        #expect(dom.contains("+OK MailGauge reference POP3 server ready &lt;4711.1764300000@localhost&gt;"))
        #expect(dom.contains("TLSv1.3"))
        #expect(dom.contains("<code>CN=localhost, O=MailGauge</code>"))
        #expect(dom.contains("valid until 2046-11-23"))
        #expect(dom.ranges(of: #"<span class="chip">"#).count == ReportFixture.server.capabilities!.count)
        var plain = ReportFixture.result
        plain.server?.tls = nil
        #expect(try await renderedDOM(plain).contains("none: the greeting came over a plain connection"))
    }

    /// The run's last second is cut short: it is left out of the lines, not drawn as a dip, and
    /// the caption says so; x ticks are whole seconds.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/usr/bin/chromium"), "needs chromium (apt-get install chromium)"))
    func partialLastSecondIsLeftOutAndSaidSo() async throws {
        var result = ReportFixture.extended
        result.load!.measuredSeconds = 4.4
        result.load!.series = (0...3).map { ThroughputSample(second: $0, sessions: 10, commands: 30) }
            + [ThroughputSample(second: 4, sessions: 2, commands: 6)]
        let dom = try await renderedDOM(result)
        #expect(dom.contains("not drawn: the final 0.40 s (2 sessions)"))
        let start = try #require(dom.firstRange(of: #"aria-label="Throughput per second""#)).upperBound
        let throughput = dom[start..<(try #require(dom[start...].firstRange(of: "</svg>")).lowerBound)]
        let xTicks = throughput.matches(of: /<text x="[^"]*" y="236" text-anchor="middle">([^<]*)<\/text>/).map { String($0.1) }
        #expect(xTicks == ["0", "1", "2", "3"])
        let sessions = try #require(throughput.firstMatch(of: /<polyline points="([^"]*)"[^>]*><title>sessions\/s<\/title>/))
        #expect(sessions.1.split(separator: " ").count == 4, "one point per whole second")
    }
}
