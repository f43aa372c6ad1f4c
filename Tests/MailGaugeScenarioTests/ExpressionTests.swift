import Testing
@testable import MailGaugeScenario

/// `${count - 1}` and bounded numbers (`{k:number <= ${n}}`): parsed, checked for names before
/// any connection, evaluated and matched.
@Suite struct ExpressionTests {
    private func parse(_ text: String) throws(ScenarioError) -> Scenario {
        try ScenarioParser { _ in text }.parse(path: "main.scn")
    }

    private func pattern(_ line: String, after setup: String = "") throws -> LinePattern {
        let scenario = try parse("@protocol pop3\n" + setup + "C: NOOP\nS: " + line + "\n")
        for case .exchange(let exchange) in scenario.steps.reversed() {
            if case .pattern(let pattern) = exchange.expected.last?.match { return pattern }
        }
        throw ScenarioError("no pattern", at: SourceLocation(file: "main.scn", line: 0))
    }

    private func bindings(_ values: [String: String]) -> Bindings {
        var bindings = Bindings()
        for (name, value) in values { bindings.set(name, to: value) }
        return bindings
    }

    @Test(arguments: [("count - 1", 4), ("count*2 + 1", 11), ("1 + count * 2", 11), ("count - 10 - 1", -6), ("7", nil)])
    func anExpressionEvaluatesLeftToRightTimesFirst(text: String, value: Int?) throws {
        let expression = Expression.parse(Substring(text))
        #expect(try expression?.value(in: bindings(["count": "5"])) == value)
    }

    @Test func aCommandLineHoldsAnExpression() throws {
        let scenario = try parse("@protocol pop3\n@set count 3\nC: RETR ${count - 1}\nS: +OK{*}\n")
        let command = scenario.steps.compactMap { if case .exchange(let e) = $0 { e.command } else { nil } }.first
        #expect(try command?.text.render(bindings(["count": "3"])) == "RETR 2")
        #expect(throws: UndefinedVariable(name: "count", isNotANumber: true)) { try command?.text.render(bindings(["count": "three"])) }
    }

    @Test func aBoundHoldsOrTheLineDoesNotMatch() throws {
        let bounded = try pattern("+OK {n:number <= ${max}} {*}", after: "@set max 3\n")
        #expect(try bounded.match(Array("+OK 3 msgs".utf8), bindings(["max": "3"])) == ["n": "3"])
        #expect(try bounded.match(Array("+OK 4 msgs".utf8), bindings(["max": "3"])) == nil)
        let anonymous = try pattern("+OK {number > 0} {*}")
        #expect(try anonymous.match(Array("+OK 1 x".utf8), Bindings()) == [:])
        #expect(try anonymous.match(Array("+OK 0 x".utf8), Bindings()) == nil)
        let arithmetic = try pattern("+OK {n:number = ${max + 1}}", after: "@set max 3\n")
        #expect(try arithmetic.match(Array("+OK 4".utf8), bindings(["max": "3"])) == ["n": "4"])
        #expect(try arithmetic.matchIMAP(Array("+OK 4".utf8), bindings(["max": "3"])) == ["n": "4"])
    }

    @Test func aRunOfLinesCountsItsOctetsWithTheirLineEnds() throws {
        let scenario = try parse("@protocol pop3\nC: RETR 1\nS: +OK\nS: {...:octets}\nS: end\nS: .\n@assert ${octets} >= 0\n")
        guard case .exchange(let exchange)? = scenario.steps.first(where: { if case .exchange = $0 { true } else { false } }) else {
            Issue.record("no exchange")
            return
        }
        let outcome = try LinesMatcher.match(Array(exchange.expected.dropFirst().dropLast()), [Array("ab".utf8), Array("".utf8), Array("end".utf8)], Bindings())
        #expect(outcome == .matched(captures: ["octets": "6"]))
    }

    @Test func aRangeBoundsTheNumber() throws {
        let ranged = try pattern("+OK {k:number in 2..${n + 1}}", after: "@set n 3\n")
        #expect(ranged.counted?.name == "k")
        #expect(try ranged.match(Array("+OK 4".utf8), bindings(["n": "3"])) == ["k": "4"])
        #expect(try ranged.match(Array("+OK 5".utf8), bindings(["n": "3"])) == nil)
        #expect(try ranged.match(Array("+OK 1".utf8), bindings(["n": "3"])) == nil)
    }

    @Test(arguments: [
        ("C: RETR ${count -}\nS: +OK\n", "'${count -}' is not a variable name"),
        ("C: RETR ${nope + 1}\nS: +OK\n", "'${nope}' is not defined here"),
        ("C: NOOP\nS: +OK {atom > 3}\n", "only '{number}' takes a bound"),
        ("C: NOOP\nS: +OK {number >> 3}\n", "'{number >> 3}': a bound is a relation"),
        ("C: NOOP\nS: +OK {number < ${nope}}\n", "'${nope}' is not defined here"),
        ("C: NOOP\nS: +OK {k:number in 1-3}\n", "'{k:number in 1-3}': a range is 'in LOW..HIGH'"),
        ("C: NOOP\nS: +OK\n@assert ${nope} = 1\n", "'${nope}' is not defined here"),
        ("C: NOOP\nS: +OK {n:number}\n@assert ${n} == 1\n", "@assert compares two values"),
        ("C: RETR 1\nS: +OK\nS: {...:9x}\nS: .\n", "'9x' in '{...:9x}' is not a variable name"),
        ("C: NOOP\nS: +OK {k:number in 1..${nope}}\n", "'${nope}' is not defined here"),
    ])
    func mistakesAreFileAndLineErrors(lines: String, message: String) {
        do {
            _ = try parse("@protocol pop3\n" + lines)
            Issue.record("expected an error")
        } catch {
            #expect(error.location.line >= 2)
            #expect(error.message.hasPrefix(message), "got: \(error.message)")
        }
    }
}
