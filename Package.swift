// swift-tools-version: 6.1
import PackageDescription
import class Foundation.ProcessInfo

// Every target opts in to the same strictness (hummingbird `Package.swift`).
let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

var package = Package(
    name: "Stemma",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "StemmaCore", targets: ["StemmaCore"]),
        .library(name: "StemmaIO", targets: ["StemmaIO"]),
        .library(name: "StemmaWeb", targets: ["StemmaWeb"]),
        .library(name: "StemmaStore", targets: ["StemmaStore"]),
        .library(name: "StemmaServer", targets: ["StemmaServer"]),
        .library(name: "StemmaWatch", targets: ["StemmaWatch"]),
        .executable(name: "stemma", targets: ["StemmaCLI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/onevcat/Rainbow.git", from: "4.2.2"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/vapor/multipart-kit.git", from: "4.7.1"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.0"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "4.5.2"),
        // Hummingbird's own service runner; named so the server can bound its graceful shutdown.
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        // Fetching feeds and pages for `stemma watch`.
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        // The decompression limit of AsyncHTTPClient's gzip and deflate bodies.
        .package(url: "https://github.com/apple/swift-nio-extras.git", from: "1.35.2"),
    ],
    targets: [
        // The AVX2 MinHash kernel, chosen at run time, so that a plain release build is fast too.
        .target(name: "CStemmaKernels"),
        .target(name: "StemmaCore", dependencies: ["CStemmaKernels"], swiftSettings: swiftSettings),
        // The system zlib, for gzip-compressed inputs (Debian package zlib1g-dev).
        .systemLibrary(name: "CZlib", providers: [.apt(["zlib1g-dev"])]),
        .target(
            name: "StemmaIO",
            dependencies: [
                "StemmaCore", "CZlib", .product(name: "Rainbow", package: "Rainbow"),
                // SHA-256 of the texts in a diff report, which `stemma patch` checks.
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: swiftSettings
        ),
        // libxml2's HTML parser (Debian package libxml2-dev), which reads every web page.
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        // ICU's C API behind functions of our own: its headers rename every function with a
        // version suffix by macro, which Swift cannot import (Debian libicu-dev).
        .target(
            name: "CStemmaICU",
            linkerSettings: [.linkedLibrary("icuuc"), .linkedLibrary("icui18n")]
        ),
        // Web pages and archives as documents: HTML parsing and article extraction, charsets, WARC.
        .target(
            name: "StemmaWeb",
            dependencies: [
                "StemmaCore", "StemmaIO", "CLibXML2", "CZlib", "CStemmaICU",
                // SHA-1 of the blocks and payloads a WARC export writes, as warcio and Heritrix write them.
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "StemmaStore",
            dependencies: [
                "StemmaCore", "CStemmaKernels", .product(name: "GRDB", package: "GRDB.swift"),
                // The SQLite C API, for the all-integer statements on the add path.
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ],
            swiftSettings: swiftSettings
        ),
        // The HTTP API and web pages of `stemma serve`; a library so tests drive its router directly.
        .target(
            name: "StemmaServer",
            dependencies: [
                "StemmaCore", "StemmaIO", "StemmaStore", "StemmaWeb",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "MultipartKit", package: "multipart-kit"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            exclude: ["openapi.yaml"],  // documentation, served by no route
            swiftSettings: swiftSettings
        ),
        // `stemma watch`: feeds and pages fetched on a schedule, every changed article a new version.
        .target(
            name: "StemmaWatch",
            dependencies: [
                "StemmaCore", "StemmaIO", "StemmaWeb", "StemmaStore",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOHTTPCompression", package: "swift-nio-extras"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "StemmaCLI",
            dependencies: [
                "StemmaCore", "StemmaIO", "StemmaStore", "StemmaServer", "StemmaWeb", "StemmaWatch",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        // In-process timing of `VersionDiff` over many pairs, for Benchmarks/compare-diff.sh.
        .executableTarget(
            name: "stemma-diff-bench",
            dependencies: ["StemmaCore"],
            path: "Benchmarks/DiffPairs",
            swiftSettings: swiftSettings
        ),
        // Article extraction over the development pages, for Benchmarks/extract/score.py.
        .executableTarget(
            name: "stemma-extract-eval",
            dependencies: ["StemmaWeb"],
            path: "Benchmarks/ExtractEval",
            swiftSettings: swiftSettings
        ),
        // Warm in-process latency of `Store.matches`, for Benchmarks/index-bench.sh.
        .executableTarget(
            name: "stemma-match-latency",
            dependencies: ["StemmaStore"],
            path: "Benchmarks/MatchLatency",
            swiftSettings: swiftSettings
        ),
        // Generated corpora with known families, and their evaluation, for benchmarks.
        .executableTarget(
            name: "stemma-corpus",
            dependencies: ["StemmaCore", "StemmaTestSupport"],
            path: "Benchmarks/CorpusGenerator",
            swiftSettings: swiftSettings
        ),
        // `VersionDiff` scored against the hand-checked pairs of Benchmarks/diff-gold/, for
        // Benchmarks/diff-gold.sh.
        .executableTarget(
            name: "stemma-diff-gold",
            dependencies: ["StemmaTestSupport"],
            path: "Benchmarks/DiffGold",
            swiftSettings: swiftSettings
        ),
        .target(
            name: "StemmaTestSupport",
            dependencies: [
                "StemmaCore",
                // FixtureHTTPServer, which the watch tests fetch from.
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "StemmaCoreTests",
            dependencies: ["StemmaCore", "StemmaTestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "StemmaStoreTests",
            dependencies: ["StemmaStore", "StemmaCore", "StemmaTestSupport", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "StemmaIOTests",
            dependencies: ["StemmaIO", "StemmaCore", "StemmaTestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "StemmaWebTests",
            dependencies: ["StemmaWeb", "StemmaIO", "StemmaCore", "StemmaTestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "StemmaServerTests",
            dependencies: [
                "StemmaServer", "StemmaStore", "StemmaIO", "StemmaCore", "StemmaTestSupport",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "StemmaWatchTests",
            dependencies: [
                "StemmaWatch", "StemmaStore", "StemmaWeb", "StemmaIO", "StemmaCore", "StemmaTestSupport",
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "StemmaCLITests",
            dependencies: [
                "StemmaCLI", "StemmaTestSupport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            exclude: ["Fixtures"],  // golden outputs, read by path
            swiftSettings: swiftSettings
        ),
    ]
)

// The benchmark package is fetched only when asked for, so plain builds and CI never pay for it
// (hummingbird `Package.swift`): `Stemma_BENCHMARKS=1 swift package benchmark`.
if ProcessInfo.processInfo.environment["Stemma_BENCHMARKS"] != nil {
    package.dependencies.append(
        .package(url: "https://github.com/ordo-one/benchmark.git", from: "1.38.1", traits: ["MallocInterposer"])
    )
    package.targets.append(
        .executableTarget(
            name: "StemmaBenchmarks",
            dependencies: [
                "StemmaCore",
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/StemmaBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        )
    )
}

// libFuzzer targets (Fuzz/), added only for Fuzz/run.sh, which sets Stemma_FUZZ and builds with
// -sanitize=fuzzer: libFuzzer supplies their `main`, so a plain build could not link them.
if ProcessInfo.processInfo.environment["Stemma_FUZZ"] != nil {
    for name in ["FuzzJSONL", "FuzzCSV", "FuzzDiff", "FuzzHTML", "FuzzWARC"] {
        package.targets.append(
            .executableTarget(name: name, dependencies: ["StemmaIO", "StemmaWeb"], path: "Fuzz/\(name)", swiftSettings: swiftSettings)
        )
    }
}
