import MailGaugeResult

/// JUnit XML for CI systems: one `testcase` per scenario, failures carrying the reason and
/// the transcript, skips marked skipped. Rendered from the result model only.
public enum JUnitReport {
    public static func render(_ result: RunResult) -> String {
        let total = result.scenarios.reduce(0) { $0 + $1.durationSeconds }
        let bench = result.load.map(benchCases) ?? []
        let benchFailures = bench.filter { $0.failure != nil }.count
        var xml = #"<?xml version="1.0" encoding="UTF-8"?>"# + "\n"
        xml += "<testsuites name=\"mailgauge\" tests=\"\(result.scenarios.count + bench.count)\" failures=\"\(result.count(.failed) + benchFailures)\" "
        xml += "errors=\"\(result.count(.error))\" skipped=\"\(result.count(.skipped))\" time=\"\(seconds(total))\">\n"
        xml += "  <testsuite name=\"\(XMLText.escape(result.target))\" tests=\"\(result.scenarios.count)\" "
        xml += "failures=\"\(result.count(.failed))\" errors=\"\(result.count(.error))\" skipped=\"\(result.count(.skipped))\" "
        xml += "time=\"\(seconds(total))\" timestamp=\"\(result.startedAt.formatted(.iso8601))\">\n"
        if let server = result.server { xml += properties(server, defects: result.conformance?.defects ?? []) }
        for scenario in result.scenarios {
            xml += testcase(scenario)
        }
        xml += "  </testsuite>\n"
        if !bench.isEmpty {
            xml += "  <testsuite name=\"bench\" tests=\"\(bench.count)\" failures=\"\(benchFailures)\" errors=\"0\" skipped=\"0\">\n"
            for benchCase in bench {
                let name = XMLText.escape(benchCase.name)
                xml += benchCase.failure.map {
                    "    <testcase name=\"\(name)\" classname=\"bench\">\n      <failure message=\"\(XMLText.escape($0.message))\" type=\"\($0.type)\"/>\n    </testcase>\n"
                } ?? "    <testcase name=\"\(name)\" classname=\"bench\"/>\n"
            }
            xml += "  </testsuite>\n"
        }
        return xml + "</testsuites>\n"
    }

    /// A bench result's own testcases, so a CI system that counts testcases sees a failed run:
    /// "no measured session failed", then each threshold.
    private static func benchCases(_ load: LoadResult) -> [(name: String, failure: (message: String, type: String)?)] {
        let measured = load.sessions.passed + load.sessions.failed
        let kinds = load.errors.sorted { $0.key < $1.key }.map { "\($0.value.count) \($0.key.rawValue)" }.joined(separator: ", ")
        let sessions = (name: "no measured session failed", failure: load.sessions.failed == 0 ? nil
            : (message: "\(load.sessions.failed) of \(measured) measured sessions failed (\(kinds))", type: "sessions"))
        let thresholds = (load.thresholds ?? []).map { threshold in
            (name: threshold.name, failure: threshold.passed ? nil : (message: "measured \(threshold.observed)", type: "threshold"))
        }
        return [sessions] + thresholds
    }

    /// What the server said about itself, and the grammar defects behind several failed cases
    /// ("1 defect behind 13 cases"), as the suite's properties (shown by most CI systems).
    private static func properties(_ server: ServerInfo, defects: [Defect]) -> String {
        var pairs = [("server.greeting", server.greeting)]
        if let capabilities = server.capabilities { pairs.append(("server.capabilities", capabilities.joined(separator: ", "))) }
        if let tls = server.tls { pairs.append(("server.tls.version", tls.version)) }
        if let certificate = server.tls?.certificate {
            pairs += [("server.certificate.subject", certificate.subject), ("server.certificate.issuer", certificate.issuer),
                      ("server.certificate.notAfter", certificate.notAfter.formatted(.iso8601))]
        }
        for (index, defect) in defects.enumerated() {
            pairs.append(("defect.\(index + 1)", "1 defect behind \(defect.cases.count) cases: \(defect.rule) (\(defect.reference)) \"\(defect.example)\": "
                          + defect.cases.joined(separator: ", ")))
        }
        let lines = pairs.map { "      <property name=\"\($0.0)\" value=\"\(XMLText.escape($0.1))\"/>\n" }
        return "    <properties>\n" + lines.joined() + "    </properties>\n"
    }

    private static func testcase(_ scenario: ScenarioResult) -> String {
        let name = XMLText.escape(scenario.title)
        let className = XMLText.escape(scenario.file)
        var xml = "    <testcase name=\"\(name)\" classname=\"\(className)\" time=\"\(seconds(scenario.durationSeconds))\""
        let reason = XMLText.escape(scenario.reason ?? "")
        switch scenario.status {
        case .passed:
            return xml + "/>\n"
        case .skipped:
            return xml + ">\n      <skipped message=\"\(reason)\"/>\n    </testcase>\n"
        case .warned:
            // JUnit has no warning: the case passes, and says what it did not follow.
            return xml + ">\n      <system-out>WARNING: \(reason)</system-out>\n    </testcase>\n"
        case .failed, .error:
            let element = scenario.status == .failed ? "failure" : "error"
            xml += ">\n      <\(element) message=\"\(reason)\" type=\"\(scenario.status.rawValue)\">"
            xml += XMLText.escape(details(scenario))
            xml += "</\(element)>\n    </testcase>\n"
            return xml
        }
    }

    /// The failing step's expectation and reply, its findings, and the transcript.
    private static func details(_ scenario: ScenarioResult) -> String {
        var text = scenario.references.isEmpty ? "" : "See \(scenario.references.joined(separator: ", ")).\n"
        if let step = scenario.steps.last(where: { $0.status == .failed }) {
            text += "\(step.location) \(step.command ?? "(greeting)")\n"
            text += step.expected.map { "  expected: \($0)\n" }.joined()
            text += step.actual.map { "  actual:   \($0)\n" }.joined()
            text += step.findings.map { "  \($0.severity.rawValue): \($0.summary)\n" }.joined()
        }
        text += "Transcript:\n"
        text += scenario.transcript.map { "  \($0.connection) \($0.direction.rawValue): \($0.text)\n" }.joined()
        return text
    }

    private static func seconds(_ value: Double) -> String {
        String(format: "%.3f", value)
    }
}

import Foundation
