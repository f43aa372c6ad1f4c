@testable import MailGaugeLoad
import MailGaugeResult
import Testing

/// The small parts of a load run's set-up: account templates, check modes and sampling,
/// and when open-model arrivals are due.
struct LoadOptionsTests {
    @Test func templateExpandsUsersAndPasswords() throws {
        let accounts = try AccountTemplate.expand("user%d@3-5", passwordTemplate: "mg-pass-%d")
        #expect(accounts.map(\.user) == ["user3", "user4", "user5"])
        #expect(accounts.map(\.password) == ["mg-pass-3", "mg-pass-4", "mg-pass-5"])
        #expect(AccountTemplate.isTemplate("user%d@1-20"))
        #expect(!AccountTemplate.isTemplate("users.csv"))
    }

    @Test(arguments: ["user@1-3", "user%d@5-1", "user%d@1", "user%d@a-b"])
    func malformedTemplateIsRefused(_ text: String) {
        #expect(throws: AccountTemplate.Error.self) { try AccountTemplate.expand(text, passwordTemplate: "x") }
    }

    @Test func checkModesParseAndPrint() {
        #expect(CheckMode("full") == .full)
        #expect(CheckMode("off") == .off)
        #expect(CheckMode("sample=10%") == .sample(percent: 10))
        #expect(CheckMode("sample=2.5%")?.description == "sample=2.5%")
        for bad in ["sample=0%", "sample=101%", "sample=10", "some"] { #expect(CheckMode(bad) == nil) }
    }

    @Test func sampleChecksAnEvenShare() {
        let sampler = CheckSampler(mode: .sample(percent: 10))
        let checked = (0..<1000).filter(sampler.isChecked)
        #expect(checked.count == 100)
        #expect(zip(checked, checked.dropFirst()).allSatisfy { $1 - $0 == 10 })
        #expect((0..<10).allSatisfy(CheckSampler(mode: .full).isChecked))
        #expect(!(0..<10).contains(where: CheckSampler(mode: .off).isChecked))
    }

    @Test func openModelArrivalsFollowTheRateAndTheRamp() {
        let steady = OpenModelScheduler(ratePerSecond: 100, maxInFlight: 10, ramp: .zero)
        #expect(steady.dueOffset(0) == .zero)
        #expect(abs(steady.dueOffset(250).seconds - 2.5) < 1e-9)
        // A 2 s linear ramp to 100/s admits 100 sessions during the ramp, then 100 a second.
        let ramped = OpenModelScheduler(ratePerSecond: 100, maxInFlight: 10, ramp: .seconds(2))
        #expect(abs(ramped.dueOffset(25).seconds - 1.0) < 1e-9)
        #expect(abs(ramped.dueOffset(100).seconds - 2.0) < 1e-9)
        #expect(abs(ramped.dueOffset(150).seconds - 2.5) < 1e-9)
    }
}
