import Foundation
import MailGaugeReport
import MailGaugeResult
import Testing

@Suite struct ReportRenderingTests {
    @Test func jsonMatchesItsGoldenFile() throws {
        try GoldenFile.check(String(decoding: try JSONReport.encode(ReportFixture.result), as: UTF8.self) + "\n", against: "report.json")
    }

    @Test func jsonRoundTrips() throws {
        let decoded = try JSONReport.decode(try JSONReport.encode(ReportFixture.result))
        #expect(decoded == ReportFixture.result)
    }

    /// Results written before `server` existed still read, without it.
    @Test func resultWithoutServerInformationStillDecodes() throws {
        var object = try #require(try JSONSerialization.jsonObject(with: try JSONReport.encode(ReportFixture.result)) as? [String: Any])
        object["server"] = nil
        let decoded = try JSONReport.decode(try JSONSerialization.data(withJSONObject: object))
        var expected = ReportFixture.result
        expected.server = nil
        #expect(decoded == expected)
    }

    @Test func junitMatchesItsGoldenFile() throws {
        try GoldenFile.check(JUnitReport.render(ReportFixture.result), against: "junit.xml")
    }

    @Test func junitCountsAndEscapes() {
        let xml = JUnitReport.render(ReportFixture.result)
        #expect(xml.contains(#"tests="4" failures="1" errors="1" skipped="1""#))
        #expect(xml.contains("RETR of a &lt;dot-stuffed&gt; message &amp; more"))
        #expect(xml.contains(#"<skipped message="the server does not advertise IDLE"/>"#))
        #expect(!xml.contains("\u{07}"))
    }

    /// A bench result counts its own testcases at the root, so a CI system that reads the
    /// totals sees a run whose sessions failed, or whose threshold was breached, as failed.
    /// (Before, a bench result with no scenarios gave tests="0" failures="0" whatever happened.)
    @Test func benchCountsFailedSessionsAndThresholdsAsTestcases() {
        var result = ReportFixture.extended
        result.scenarios = []
        #expect(JUnitReport.render(result).contains(#"<testsuites name="mailgauge" tests="2" failures="0""#))
        result.load!.sessions = SessionCounts(passed: 0, failed: 1426)
        result.load!.thresholds = [ThresholdResult(name: "p99 LOGIN <= 50.0ms", observed: "80.0ms", passed: false)]
        let xml = JUnitReport.render(result)
        #expect(xml.contains(#"<testsuites name="mailgauge" tests="2" failures="2""#))
        #expect(xml.contains(#"<failure message="1426 of 1426 measured sessions failed (1 NO LOGIN)" type="sessions"/>"#), "\(xml)")
        #expect(xml.contains(#"<failure message="measured 80.0ms" type="threshold"/>"#))
    }

    /// The JSON Schema in Schemas/ accepts what MailGauge writes, checked by an independent
    /// validator (Python's jsonschema, on Debian and in this image).
    @Test(.enabled("needs python3 with the jsonschema package") { await SchemaValidator.isAvailable })
    func jsonIsValidAgainstTheSchema() async throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("mailgauge-schema-\(UUID().uuidString).json")
        try JSONReport.encode(ReportFixture.result).write(to: file)
        #expect(try await SchemaValidator.validate(file.path) == "valid")
        try JSONReport.encode(ReportFixture.extended).write(to: file)
        #expect(try await SchemaValidator.validate(file.path) == "valid")
        var broken = ReportFixture.result
        broken.format = "mailgauge-report/0"
        try JSONReport.encode(broken).write(to: file)
        #expect(try await SchemaValidator.validate(file.path) != "valid")
    }
}
