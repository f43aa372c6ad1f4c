@testable import MailGaugeScenario

/// Where the patterns and lines these tests write claim to come from.
let here = SourceLocation(file: "t.scn", line: 1)
