import Foundation
import MailGaugeLoad
import MailGaugeReferenceServer
import MailGaugeResult
import MailGaugeRunner
import NIOCore
import Testing

/// The load engine against the built-in reference server and a scripted server: session
/// counts of both models, the figures a session yields, and the shipped load scenarios.
struct LoadEngineTests {
    private static func withServer<R>(_ faults: Set<Fault> = [], _ body: (RunningReferenceServer) async throws -> R) async throws -> R {
        let server = try await ReferenceServer.start(.init(faults: faults, threads: 1))
        do {
            let result = try await body(server)
            try await server.stop()
            return result
        } catch {
            try await server.stop()
            throw error
        }
    }

    @Test func closedModelRunsExactlyTheIterationsWithBoundedConcurrency() async throws {
        let load = try await Self.withServer { server in
            let plan = try LoadFixtures.plan(try LoadFixtures.scenario("Scenarios/load/pop3-login.scn"),
                                             target: "pop3://127.0.0.1:\(server.ports.pop3)",
                                             model: .closed(sessions: 4, thinkTime: .zero), iterations: 40)
            return await LoadEngine(plan: plan).run()
        }
        #expect(load.sessions == SessionCounts(passed: 40))
        #expect(load.stoppedBy == .iterations)
        #expect(load.generator.peakActiveSessions <= 4)
        for phase in [LoadPhase.tcpConnect, .greeting, .authentication, .logout, .session] {
            #expect(load.phases[phase]?.count == 40, "\(phase)")
        }
        #expect(load.phases[.tlsHandshake] == nil)
        #expect(Set(load.commands.keys) == ["USER", "PASS", "QUIT"])
        #expect(load.commands.values.allSatisfy { $0.count == 40 })
        #expect(load.series.reduce(0) { $0 + $1.sessions } == 40)
        #expect(load.series.reduce(0) { $0 + $1.commands } == 120)
        #expect(load.series.reduce(0) { $0 + $1.bytesOut } > 40 * "USER user1\r\nPASS mg-pass-1\r\nQUIT\r\n".utf8.count - 80)
        #expect(load.series.reduce(0) { $0 + $1.bytesIn } > 0)
    }

    @Test func openModelStartsSessionsAtTheRate() async throws {
        let start = ContinuousClock.now
        let load = try await Self.withServer { server in
            let plan = try LoadFixtures.plan(try LoadFixtures.scenario("Scenarios/load/imap-login.scn"),
                                             target: "imap://127.0.0.1:\(server.ports.imap)",
                                             model: .open(ratePerSecond: 40, maxInFlight: 100), iterations: 30)
            return await LoadEngine(plan: plan).run()
        }
        // 30 arrivals at 40/s: the last is due 29/40 s after the start.
        #expect(start.duration(to: .now) >= .milliseconds(725))
        #expect(load.sessions == SessionCounts(passed: 30))
        #expect(load.model.kind == .open && load.model.ratePerSecond == 40)
        #expect(load.commands["LOGIN"]?.count == 30)
    }

    @Test func durationBoundsTheRunAndWarmupIsExcluded() async throws {
        let start = ContinuousClock.now
        let load = try await Self.withServer { server in
            var plan = try LoadFixtures.plan(try LoadFixtures.scenario("Scenarios/load/pop3-login.scn"),
                                             target: "pop3://127.0.0.1:\(server.ports.pop3)",
                                             model: .open(ratePerSecond: 20, maxInFlight: 50), duration: .seconds(1))
            plan.warmup = .seconds(1)
            return await LoadEngine(plan: plan).run()
        }
        #expect(start.duration(to: .now) < .seconds(30))
        #expect(load.stoppedBy == .duration)
        // 2 s at 20/s: at most 40 sessions (fewer only on a starved machine), each filed once.
        #expect((20...40).contains(load.sessions.warmup + load.sessions.passed), "\(load.sessions)")
        #expect(load.phases[.session]?.count == UInt64(load.sessions.passed))
        #expect(load.series.reduce(0) { $0 + $1.sessions } == load.sessions.passed)
        #expect(load.measuredSeconds >= 1)
    }

    /// Every shipped load profile replays cleanly against the reference server.
    @Test(arguments: ["pop3-login", "pop3-download", "pop3-download-delete", "imap-login", "imap-read", "imap-append", "imap-idle-hold"])
    func shippedLoadScenarioPasses(_ name: String) async throws {
        let scenario = try LoadFixtures.scenario("Scenarios/load/\(name).scn") {
            $0.replacingOccurrences(of: "@sleep 60", with: "@sleep 0.2")
        }
        let load = try await Self.withServer { server in
            let port = name.hasPrefix("pop3") ? server.ports.pop3 : server.ports.imap
            let plan = try LoadFixtures.plan(scenario, target: "\(scenario.mailProtocol.rawValue)://127.0.0.1:\(port)",
                                             model: .closed(sessions: 3, thinkTime: .zero), iterations: 6)
            return await LoadEngine(plan: plan).run()
        }
        #expect(load.sessions == SessionCounts(passed: 6), "\(load.errors)")
    }

    @Test func interruptStopsPromptlyAndKeepsWhatWasMeasured() async throws {
        let scenario = try LoadFixtures.scenario("Scenarios/load/imap-idle-hold.scn")
        let start = ContinuousClock.now
        let load = try await Self.withServer { server in
            let plan = try LoadFixtures.plan(scenario, target: "imap://127.0.0.1:\(server.ports.imap)",
                                             model: .closed(sessions: 5, thinkTime: .zero), iterations: 100)
            let engine = LoadEngine(plan: plan)
            async let result = engine.run()
            try await Task.sleep(for: .milliseconds(700))
            engine.interrupt()
            return await result
        }
        #expect(start.duration(to: .now) < .seconds(10))
        #expect(load.stoppedBy == .interrupt)
        #expect(load.sessions == SessionCounts(interrupted: 5), "\(load.sessions) \(load.errors)")
        // Sessions cut short are counted, never measured.
        #expect(load.commands.isEmpty)
    }
}
