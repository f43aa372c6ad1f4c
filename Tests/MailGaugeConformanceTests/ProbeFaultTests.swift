import MailGaugeClient
import MailGaugeConformance
import MailGaugeReferenceServer
import MailGaugeResult
import MailGaugeRunner
import MailGaugeWire
import Testing

/// Every probe against the reference server: it fails when the server commits the fault the
/// probe is about, and passes when the server commits none. A probe of a SHOULD fails only
/// under `--strict`; without it, the fault is a warning on a passing step.
struct ProbeFaultTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var probe: any ConformanceProbe
        var fault: Fault
        var testDescription: String { "\(probe.id) vs \(fault.rawValue)" }
    }

    static let cases: [Case] = [MailProtocol.pop3, .imap].flatMap { mailProtocol in
        [Case(probe: StartTLSInjectionProbe(mailProtocol), fault: .startTLSInjection),
         Case(probe: StartTLSHandshakeProbe(mailProtocol), fault: .dataAfterStartTLSOK),
         Case(probe: StartTLSCapabilityProbe(mailProtocol), fault: .startTLSAdvertisedAfterTLS),
         Case(probe: StartTLSAfterLoginProbe(mailProtocol), fault: .startTLSAllowedAfterAuth)]
    } + [
        Case(probe: POP3StatListProbe(), fault: .statListMismatch),
        Case(probe: POP3MessageSizeProbe(), fault: .listSizeMismatch),
        Case(probe: POP3UniqueIDProbe(), fault: .duplicateUIDL),
        Case(probe: UIDOrderProbe(), fault: .uidsNotAscending),
        Case(probe: UIDOrderProbe(), fault: .uidNextTooLow),
        Case(probe: UIDValidityProbe(), fault: .uidValidityChanges),
        Case(probe: MailboxRecreationProbe(), fault: .recreatedMailboxReusesUIDs),
        Case(probe: ConcurrentFlagsProbe(), fault: .lostConcurrentFlags),
        Case(probe: ConcurrentFlagsProbe(), fault: .nonAtomicStore),
        Case(probe: ModSeqProbe(), fault: .modseqDecreases),
        Case(probe: RecentFlagProbe(), fault: .recentInTwoSessions),
        Case(probe: ExpungeDuringCommandProbe(), fault: .expungeDuringFetch),
        Case(probe: LoginDisabledEnforcedProbe(), fault: .loginDespiteLoginDisabled),
    ]

    /// The probes whose rule is a SHOULD: their fault is a warning unless the run is strict.
    static let shouldLevel: Set<String> = ["probes/pop3-starttls-not-offered-after-tls", "probes/imap-starttls-not-offered-after-tls",
                                           "probes/imap-logindisabled-enforced"]
    /// The probes about a server that refuses logins in clear: they run against one.
    static let needsTLSBeforeLogin: Set<String> = ["probes/imap-logindisabled-enforced"]

    private func run(_ probe: any ConformanceProbe, faults: Set<Fault>, strict: Bool = false) async throws -> ScenarioResult {
        try await ReferenceTarget.with(faults: faults, requireTLSForLogin: Self.needsTLSBeforeLogin.contains(probe.id)) { reference in
            let target = reference.target(probe.mailProtocol)
            var options = reference.options
            options.strict = strict
            let capabilities = try await CapabilityProbe.capabilities(of: target, options: options, account: reference.account)
            return await ProbeRunner(target: target, options: options).run(probe, as: reference.account, capabilities: capabilities)
        }
    }

    @Test(arguments: cases)
    func probeFailsOnItsFault(_ test: Case) async throws {
        let result = try await run(test.probe, faults: [test.fault], strict: Self.shouldLevel.contains(test.probe.id))
        #expect(result.status == .failed, "\(result.reason ?? "")")
        #expect(result.steps.contains { $0.status == .failed })
    }

    @Test(arguments: cases.filter { shouldLevel.contains($0.probe.id) })
    func aShouldLevelFaultIsAWarningWithoutStrict(_ test: Case) async throws {
        let result = try await run(test.probe, faults: [test.fault])
        #expect(result.status == .passed, "\(result.reason ?? "")")
        #expect(result.steps.contains { $0.findings.contains { $0.severity == .warning } })
    }

    /// Over implicit TLS there is no upgrade to carry out: the greeting and CAPABILITY must not
    /// offer one (a warning; a failure under --strict), and a server that does not passes.
    @Test(arguments: [MailProtocol.pop3, .imap])
    func startTLSOfferedOnTheImplicitTLSPortIsFound(mailProtocol: MailProtocol) async throws {
        for (faults, strict, expected) in [(Set<Fault>(), true, ScenarioResult.Status.passed), ([.startTLSAdvertisedAfterTLS], true, .failed),
                                           ([.startTLSAdvertisedAfterTLS], false, .passed)] {
            let result = try await ReferenceTarget.with(faults: faults) { reference in
                let port = mailProtocol == .pop3 ? reference.server.ports.pop3s : reference.server.ports.imaps
                var options = reference.options
                options.strict = strict
                let target = Target(mailProtocol: mailProtocol, host: "127.0.0.1", port: port, security: .implicitTLS)
                return await ProbeRunner(target: target, options: options)
                    .run(StartTLSCapabilityProbe(mailProtocol), as: reference.account, capabilities: [])
            }
            #expect(result.status == expected, "\(faults) strict \(strict): \(result.reason ?? "")")
        }
    }

    /// The two-session flags probe catches a STORE that reads and writes in two steps only
    /// because both STOREs are in flight at once; it must do so every time.
    @Test func concurrentFlagsCatchesANonAtomicStoreEveryTime() async throws {
        for _ in 1...3 {
            let result = try await run(ConcurrentFlagsProbe(), faults: [.nonAtomicStore])
            #expect(result.status == .failed, "\(result.reason ?? "")")
            let clean = try await run(ConcurrentFlagsProbe(), faults: [])
            #expect(clean.status == .passed, "\(clean.reason ?? "")")
        }
    }

    @Test(arguments: SuiteCatalog.allProbes.map(\.id))
    func probePassesACorrectServer(id: String) async throws {
        let probe = try #require(SuiteCatalog.allProbes.first { $0.id == id })
        let result = try await run(probe, faults: [])
        #expect(result.status == .passed, "\(result.reason ?? "")")
    }

    /// No probe ships without a fault test above.
    @Test func everyProbeHasAFaultCase() {
        let covered = Set(Self.cases.map(\.probe.id))
        #expect(Set(SuiteCatalog.allProbes.map(\.id)) == covered)
    }
}
