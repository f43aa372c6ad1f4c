// swift-tools-version:6.0
// libFuzzer programs, one per target of MailGaugeFuzzTargets. A package of its own, so that only
// Scripts/fuzz.sh builds it, with -sanitize=fuzzer: a plain build has no libFuzzer to link.
import PackageDescription

let targets = ["pop3-decoder", "imap-framer", "imap-parser", "scenario-parser", "pattern-matcher"]

let package = Package(
    name: "MailGaugeFuzz",
    dependencies: [.package(name: "MailGauge", path: "..")],
    targets: [.target(name: "LibFuzzerDriver")] + targets.map { name in
        .executableTarget(name: "fuzz-\(name)", dependencies: [
            "LibFuzzerDriver", .product(name: "MailGaugeFuzzTargets", package: "MailGauge"),
        ], path: "Sources/fuzz-\(name)")
    }
)
