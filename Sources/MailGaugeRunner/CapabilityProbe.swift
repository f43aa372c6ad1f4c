import MailGaugeClient
import MailGaugeResult
import MailGaugeScenario
import MailGaugeWire

/// Asks a server what it supports, on a connection of its own, so that scenarios needing a
/// capability the server lacks are skipped rather than failed; and, before a `check`, whether
/// the account can be used at all. It is a scripted replay like any probe: the greeting and
/// every reply are grammar-checked and recorded, and no secret crosses a connection where the
/// server forbids it.
public enum CapabilityProbe {
    /// What the survey found: its own result (a case like any other), the capabilities it
    /// learnt, and why the account cannot be used through this target, if it cannot.
    package struct Survey: Sendable {
        package var result: ScenarioResult
        package var capabilities: Set<String>
        /// One line, `host:port: what is wrong; what to do`: the run cannot test anything.
        package var setupError: String?
        /// The error that kept any connection from being made.
        package var unreachable: ConnectionError?
        /// The account as it was before any case, when asked for and the login worked.
        package var snapshot: AccountSnapshot?
        /// The personal namespace's prefix, under which replays name their own mailboxes
        /// (`RunnerOptions.mailboxPrefix`); empty for POP3 and at the top level.
        package var mailboxPrefix: String
    }

    /// What the survey's session learns on its way.
    private struct Learnt {
        var capabilities: Set<String> = []
        var snapshot: AccountSnapshot?
        var mailboxPrefix = ""
    }

    package static let caseID = "setup/capabilities"

    /// The capabilities as the scenario's session will see them: after STARTTLS when the
    /// target uses it; for IMAP also after logging in as `account`, since servers announce
    /// most extensions only then (RFC 9051 §6.2.3). An `observer` sees the greeting and the
    /// lists as the server sent them, as a replay's observer does. Throws only when no
    /// connection could be made at all.
    public static func capabilities(of target: Target, options: RunnerOptions, account: Account? = nil,
                                    observer: (any ReplayObserver)? = nil) async throws(ConnectionError) -> Set<String> {
        let survey = await survey(ScenarioRunner(target: target, options: options), account: account, observer: observer)
        if let unreachable = survey.unreachable { throw unreachable }
        return survey.capabilities
    }

    /// The survey as a case of its own; with `snapshot`, it also takes the account's snapshot
    /// after logging in (see `AccountGuard`).
    package static func survey(_ runner: ScenarioRunner, account: Account?, snapshot: Bool = false,
                               observer: (any ReplayObserver)? = nil) async -> Survey {
        var learnt = Learnt()
        var setupError: String?
        var unreachable: ConnectionError?
        let identity = CaseIdentity(file: caseID, title: "What the server advertises, and whether the account can log in",
                                    references: ["RFC 9051 §6.1.1", "RFC 9051 §6.2.3", "RFC 2449 §5", "RFC 2595 §4"])
        let result = await runner.drive(identity, as: account ?? Account(user: "", password: ""), observer: observer) { replay in
            do {
                switch runner.target.mailProtocol {
                case .imap:
                    let connection = try await replay.openIMAP(login: false)
                    setupError = try await imap(connection, logIn: account != nil, snapshot: snapshot, into: &learnt)
                    await connection.logout()
                case .pop3:
                    let connection = try await replay.openPOP3(login: false)
                    setupError = try await pop3(connection, logIn: account != nil, snapshot: snapshot, into: &learnt)
                    await connection.quit()
                }
            } catch let error as ConnectionError where !replay.context.hasConnected {
                unreachable = error
                throw error
            }
        }
        var surveyed = result
        if let setupError, result.status != .failed {
            // Nothing can be tested: the case says why, as an error, not as a pass.
            (surveyed.status, surveyed.reason) = (.error, setupError)
        } else if result.status == .error {
            setupError = result.reason
        }
        return Survey(result: surveyed, capabilities: learnt.capabilities, setupError: setupError, unreachable: unreachable,
                      snapshot: setupError == nil ? learnt.snapshot : nil, mailboxPrefix: learnt.mailboxPrefix)
    }

    /// CAPABILITY (RFC 9051 §6.1.1), upper-cased, before and after LOGIN. A plain connection
    /// under LOGINDISABLED is a setup error: the password would never be sent.
    private static func imap(_ connection: IMAPScriptedConnection, logIn: Bool, snapshot: Bool, into learnt: inout Learnt) async throws -> String? {
        let replay = connection.replay
        learnt.capabilities = try await connection.capabilities()
        if replay.target.security == .plain, learnt.capabilities.contains("LOGINDISABLED") {
            return "\(replay.target.endpoint): the server requires TLS before login: it advertises LOGINDISABLED on this plain connection (RFC 9051 §6.2.3); use --starttls or imaps://"
        }
        guard logIn else { return nil }
        let login = try await connection.command("LOGIN ${quoted_user} ${quoted_password}", expecting: nil)
        guard login.last?.response?.status == .ok else {
            let answer = login.last.map { ByteEscaping.escape($0.firstLine) } ?? "no answer"
            return "\(replay.target.endpoint): LOGIN as \(replay.context.bindings["user"] ?? "") was refused: \(answer)"
        }
        learnt.capabilities.formUnion(try await connection.capabilities())
        learnt.mailboxPrefix = try await personalPrefix(connection, capabilities: learnt.capabilities)
        if snapshot { learnt.snapshot = try await AccountSnapshot.take(over: connection) }
        return nil
    }

    /// The prefix of the first personal namespace NAMESPACE lists (RFC 2342 §5, RFC 9051
    /// §6.3.10): where the user's own mailboxes are made, `INBOX.` on servers that keep them
    /// under INBOX. Without NAMESPACE, the top level. A prefix that cannot go in an atom is left
    /// aside (top level), said in the transcript, since scenarios write `${box}` bare.
    private static func personalPrefix(_ connection: IMAPScriptedConnection, capabilities: Set<String>) async throws -> String {
        guard capabilities.contains("NAMESPACE") else { return "" }
        let responses = try await connection.command("NAMESPACE")
        for case .untagged(.namespace(let namespaces))? in responses.map(\.response) {
            guard let prefix = namespaces.personal.first?.prefix else { return "" }
            guard prefix.utf8.allSatisfy(IMAPCharacterClass.isAtomChar) else {
                connection.note("the personal namespace \(prefix.debugDescription) cannot be written as an atom; the run's mailboxes go to the top level")
                return ""
            }
            return prefix
        }
        return ""
    }

    /// POP3: the CAPA tags (RFC 2449 §5), upper-cased, with `SASL` arguments as `SASL=MECH`;
    /// `APOP` stands for a greeting that carries an APOP timestamp (RFC 1939 §7). With an
    /// account it logs in with USER and PASS: an `-ERR` to USER saying TLS is required (the
    /// password never sent) or a refused PASS is a setup error. QUIT ends it; nothing was
    /// marked, so nothing is deleted (RFC 1939 §6).
    private static func pop3(_ connection: POP3ScriptedConnection, logIn: Bool, snapshot: Bool, into learnt: inout Learnt) async throws -> String? {
        let replay = connection.replay
        learnt.capabilities = try await connection.capabilities()
        if replay.context.bindings["apop_digest"] != nil { learnt.capabilities.insert("APOP") }
        guard logIn else { return nil }
        let endpoint = replay.target.endpoint
        if !learnt.capabilities.isEmpty, !learnt.capabilities.contains("USER") {
            // An empty list is a server without CAPA, which has told nothing either way.
            if learnt.capabilities.contains("STLS"), replay.target.security == .plain {
                return "\(endpoint): the server requires TLS before login: CAPA lists STLS but not USER on this plain connection (RFC 2449 §6.3, RFC 2595 §2.2); use --starttls or pop3s://"
            }
            return "\(endpoint): CAPA does not list USER (RFC 2449 §6.3), and the POP3 suite logs in with USER and PASS"
        }
        let user = try await connection.command("USER ${user}", expecting: nil)
        let answer = ByteEscaping.escape(user.statusLine)
        if user.status != .ok {
            guard POP3SecretGuard.saysTLSRequired(answer), replay.target.security == .plain else {
                return "\(endpoint): USER \(replay.context.bindings["user"] ?? "") was refused: \(answer)"
            }
            return "\(endpoint): the server requires TLS before login: it answered '\(answer)' to USER on this plain connection (RFC 2595 §2.2); use --starttls or pop3s://"
        }
        let pass = try await connection.command("PASS ${password}", expecting: nil)
        guard pass.status == .ok else { return "\(endpoint): PASS for \(replay.context.bindings["user"] ?? "") was refused: \(ByteEscaping.escape(pass.statusLine))" }
        if snapshot { learnt.snapshot = try await AccountSnapshot.take(over: connection) }
        return nil
    }
}
