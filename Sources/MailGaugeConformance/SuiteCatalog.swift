import Foundation
import MailGaugeScenario
import MailGaugeWire

/// Where the shipped suites are: scenario files under a conformance root
/// (`Scenarios/conformance`) and the probes written in code. Case ids — what baselines name —
/// are paths relative to that root (`imap/fetch-envelope.scn`) or `probes/<name>`.
public struct SuiteCatalog: Sendable {
    public let root: String

    public init(root: String = "Scenarios/conformance") {
        self.root = root
    }

    /// The scenario files of `suites`, each once, in a stable order.
    public func scenarioFiles(_ suites: [SuiteName]) -> [String] {
        var files: [String] = []
        for folder in suites.flatMap(\.folders) {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: "\(root)/\(folder)")) ?? []
            for name in names.sorted() where name.hasSuffix(".scn") && !files.contains("\(root)/\(folder)/\(name)") {
                files.append("\(root)/\(folder)/\(name)")
            }
        }
        return files
    }

    /// The probes of `suites`' protocols.
    public func probes(_ suites: [SuiteName]) -> [any ConformanceProbe] {
        Self.allProbes.filter { probe in suites.contains { $0.mailProtocol == probe.mailProtocol } }
    }

    /// Every probe MailGauge ships, POP3 first.
    public static let allProbes: [any ConformanceProbe] = [MailProtocol.pop3, .imap].flatMap { mailProtocol -> [any ConformanceProbe] in
        [StartTLSInjectionProbe(mailProtocol), StartTLSHandshakeProbe(mailProtocol), StartTLSCapabilityProbe(mailProtocol),
         StartTLSAfterLoginProbe(mailProtocol)]
    } + [POP3StatListProbe(), POP3MessageSizeProbe(), POP3UniqueIDProbe(),
         LoginDisabledEnforcedProbe(), UIDOrderProbe(), UIDValidityProbe(), MailboxRecreationProbe(), ConcurrentFlagsProbe(), ModSeqProbe(), RecentFlagProbe(), ExpungeDuringCommandProbe()]

    /// The baseline id of a result's file: relative to the root, or the probe id as it is.
    public func caseID(of file: String) -> String {
        guard let range = file.range(of: root.hasSuffix("/") ? root : root + "/") else { return file }
        return String(file[range.upperBound...])
    }
}
