// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "MailGauge",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "mailgauge", targets: ["mailgauge"]),
        .library(name: "MailGaugeWire", targets: ["MailGaugeWire"]),
        .library(name: "MailGaugeScenario", targets: ["MailGaugeScenario"]),
        .library(name: "MailGaugeRunner", targets: ["MailGaugeRunner"]),
        .library(name: "MailGaugeReferenceServer", targets: ["MailGaugeReferenceServer"]),
        .library(name: "MailGaugeConformance", targets: ["MailGaugeConformance"]),
        // For the fuzzing package in Fuzz/ only.
        .library(name: "MailGaugeFuzzTargets", targets: ["MailGaugeFuzzTargets"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.65.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.27.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.0.0"),
        .package(url: "https://github.com/HdrHistogram/hdrhistogram-swift.git", from: "0.1.0"),
    ],
    targets: [
        // Pure: bytes in, responses and findings out. No I/O, no dependencies.
        .target(name: "MailGaugeWire"),
        // Pure: the scenario language (parsing, patterns, captures).
        .target(name: "MailGaugeScenario", dependencies: ["MailGaugeWire"]),
        // Pure: the Codable result model that every report reads.
        .target(name: "MailGaugeResult", dependencies: ["MailGaugeWire"]),
        // Renders the result model (terminal text, JSON); reads nothing else.
        .target(name: "MailGaugeReport", dependencies: ["MailGaugeResult", "MailGaugeWire"]),
        // Pure: credential proofs (APOP digest; SASL mechanisms later).
        .target(name: "MailGaugeAuth", dependencies: [
            .product(name: "Crypto", package: "swift-crypto"),
        ]),
        // Transport: SwiftNIO connections, TLS, STARTTLS. Knows nothing of scenarios.
        .target(name: "MailGaugeClient", dependencies: [
            "MailGaugeWire",
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "NIOSSL", package: "swift-nio-ssl"),
            .product(name: "NIOTLS", package: "swift-nio"),
            .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        // Where expectations meet responses; shared by run, check and bench.
        .target(name: "MailGaugeRunner", dependencies: [
            "MailGaugeWire", "MailGaugeScenario", "MailGaugeResult", "MailGaugeClient", "MailGaugeAuth",
            .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        // Load: many concurrent replays through the one runner, HdrHistograms, schedulers.
        .target(name: "MailGaugeLoad", dependencies: [
            "MailGaugeRunner", "MailGaugeScenario", "MailGaugeResult", "MailGaugeClient",
            .product(name: "Histogram", package: "hdrhistogram-swift"),
            .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
        ]),
        // `check`: conformance suites (scenario folders), probes written in code, the baseline.
        .target(name: "MailGaugeConformance", dependencies: [
            "MailGaugeRunner", "MailGaugeScenario", "MailGaugeResult", "MailGaugeClient", "MailGaugeWire",
        ]),
        .testTarget(name: "MailGaugeConformanceTests", dependencies: [
            "MailGaugeConformance", "MailGaugeReferenceServer", "MailGaugeRunner", "MailGaugeScenario", "MailGaugeResult",
            "MailGaugeClient", "MailGaugeWire", "MailGaugeTestSupport",
        ]),
        // The in-memory POP3 + IMAP server for `demo` and tests, with fault switches. It shares no
        // code with the tester (no Wire, Client or Runner), so the two cannot share a bug.
        .target(name: "MailGaugeReferenceServer", dependencies: [
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            .product(name: "NIOSSL", package: "swift-nio-ssl"),
            .product(name: "NIOTLS", package: "swift-nio"),
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        .executableTarget(name: "mailgauge-reference-server", dependencies: [
            "MailGaugeReferenceServer",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .testTarget(name: "MailGaugeReferenceServerTests", dependencies: [
            "MailGaugeReferenceServer", "MailGaugeRunner", "MailGaugeScenario", "MailGaugeClient", "MailGaugeWire",
            .product(name: "NIOCore", package: "swift-nio"),
        ]),
        .executableTarget(name: "mailgauge", dependencies: [
            "MailGaugeRunner", "MailGaugeScenario", "MailGaugeResult", "MailGaugeClient", "MailGaugeReport",
            "MailGaugeReferenceServer", "MailGaugeConformance", "MailGaugeLoad",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        // Throughput of the IMAP framer and parser on a synthetic FETCH stream (build with -c release).
        .executableTarget(name: "imap-parser-bench", dependencies: ["MailGaugeWire"]),
        // Time of S: pattern matching on replies of 1 KB to 1 MB (build with -c release).
        .executableTarget(name: "pattern-match-bench", dependencies: ["MailGaugeScenario"]),
        // Fuzz targets over the pure modules: libFuzzer entry points in Fuzz/, corpus replay in tests.
        .target(name: "MailGaugeFuzzTargets", dependencies: ["MailGaugeWire", "MailGaugeScenario"]),
        .testTarget(name: "MailGaugeWireTests", dependencies: ["MailGaugeWire"], exclude: ["Fixtures"]),
        .testTarget(name: "MailGaugeClientTests", dependencies: [
            "MailGaugeClient", .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOEmbedded", package: "swift-nio"),
        ], exclude: ["Fixtures"]),
        // Helpers shared by test targets (running child processes, a scripted server).
        .target(name: "MailGaugeTestSupport", dependencies: [
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
        ], path: "Tests/MailGaugeTestSupport"),
        // The session engine on its own: the secret guards, stray tags, scripted replays.
        .testTarget(name: "MailGaugeRunnerTests", dependencies: [
            "MailGaugeRunner", "MailGaugeScenario", "MailGaugeClient", "MailGaugeResult", "MailGaugeWire", "MailGaugeTestSupport",
        ]),
        .testTarget(name: "MailGaugeReportTests", dependencies: ["MailGaugeReport", "MailGaugeResult", "MailGaugeWire", "MailGaugeTestSupport"],
                    exclude: ["Golden"]),
        .testTarget(name: "MailGaugeAuthTests", dependencies: [
            "MailGaugeAuth", .product(name: "Crypto", package: "swift-crypto"),
        ]),
        .testTarget(name: "MailGaugeScenarioTests", dependencies: ["MailGaugeScenario"]),
        .testTarget(name: "MailGaugeFuzzTargetsTests", dependencies: ["MailGaugeFuzzTargets"]),
        .testTarget(name: "MailGaugeLoadTests", dependencies: [
            "MailGaugeLoad", "MailGaugeReport", "MailGaugeRunner", "MailGaugeScenario", "MailGaugeResult", "MailGaugeClient",
            "MailGaugeReferenceServer",
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
        ]),
        .testTarget(name: "MailGaugeIntegrationTests", dependencies: [
            "MailGaugeRunner", "MailGaugeScenario", "MailGaugeClient", "MailGaugeWire", "MailGaugeAuth", "MailGaugeConformance",
            "MailGaugeReferenceServer", "MailGaugeResult", "MailGaugeReport", "MailGaugeTestSupport",
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
        ]),
    ]
)
