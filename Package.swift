// swift-tools-version:6.0
//
// ssm-contract: record and replay AWS Systems Manager traffic through libcurl, and check the documented
// field semantics of GetCommandInvocation / ListCommandInvocations against recordings, mocks or live AWS.
//
// Each target declares exactly the targets and products its sources import, nothing more. The graph is a DAG,
// not a chain (e.g. AWSWire does not depend on Cassettes; ContractEngine does not depend on SSMOperations); it is
// drawn, with what each target owns and must not import, in docs/architecture.md. `make test` runs
// Scripts/check-dependencies.py, which fails on an undeclared or unused dependency and on a docs/architecture.md
// that no longer draws this file's graph.
import PackageDescription

let package = Package(
    name: "ssm-contract",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "HTTPTransport", targets: ["HTTPTransport"]),
        .library(name: "Cassettes", targets: ["Cassettes"]),
        .library(name: "AWSWire", targets: ["AWSWire"]),
        .library(name: "SSMOperations", targets: ["SSMOperations"]),
        .library(name: "ContractEngine", targets: ["ContractEngine"]),
        .library(name: "ContractRunners", targets: ["ContractRunners"]),
        .library(name: "LoopbackServer", targets: ["LoopbackServer"]),
        .library(name: "SSMEmulator", targets: ["SSMEmulator"]),
        .executable(name: "ssm-contract", targets: ["ssm-contract"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.0"..<"5.0.0"),
        .package(url: "https://github.com/jpsim/Yams", "5.0.0"..<"7.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.5.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.0.0"),
    ],
    targets: [
        // MARK: Layer 0: libcurl and JSON
        // libcurl's headers (Debian `libcurl4-openssl-dev`; macOS: the SDK's), and libcurl opened at first use.
        .target(name: "CCurl"),
        .target(name: "RawJSON"),
        // A YAML document as a plain tree with lines (parsed by Yams), and its compact form compiled into the binary.
        .target(name: "YAMLTree", dependencies: [.product(name: "Yams", package: "Yams")]),

        // MARK: Layer 1: HTTP transport on libcurl
        .target(
            name: "HTTPTransport",
            dependencies: ["CCurl"]
        ),

        // MARK: Layer 2: cassettes (record / replay)
        .target(
            name: "Cassettes",
            dependencies: ["HTTPTransport", "RawJSON", .product(name: "Crypto", package: "swift-crypto")]
        ),

        // MARK: Layer 3: AWS wire (SigV4, credentials, awsJson1_1, retries)
        .target(
            name: "AWSWire",
            dependencies: [
                "HTTPTransport", "RawJSON",
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),

        // MARK: Layer 4: typed SSM operations
        .target(
            name: "SSMOperations",
            dependencies: ["AWSWire", "HTTPTransport", "RawJSON"],
            exclude: ["EmbeddedFiles.list"],
            plugins: ["EmbedFiles"]  // compiles in Contracts/model/ssm-model.json
        ),

        // MARK: Layer 5: contract catalog and engine
        .target(
            name: "ContractEngine",
            dependencies: [
                "SSMOperations", "AWSWire", "Cassettes", "HTTPTransport", "RawJSON", "YAMLTree",
            ],
            exclude: ["EmbeddedFiles.list"],
            plugins: ["EmbedFiles"]  // compiles in the built-in catalog: Contracts/*.yaml (parsed), deviations, seeds
        ),

        // MARK: Layer 6: servers and runners
        .target(
            name: "LoopbackServer",
            dependencies: [
                "HTTPTransport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                // Only to see the requests the HTTP/1.1 decoder refuses (MalformedRequestObserver).
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
        // A local SSM that really runs AWS-RunShellScript (`ssm-contract emulate`, and a library for tests).
        .target(name: "SSMEmulator", dependencies: ["LoopbackServer", "HTTPTransport", "AWSWire", "RawJSON"]),
        .target(
            name: "ContractRunners",
            dependencies: [
                "ContractEngine", "SSMOperations", "AWSWire", "Cassettes", "HTTPTransport", "RawJSON",
                "LoopbackServer", "SSMEmulator",
                .product(name: "Yams", package: "Yams"),
            ]
        ),

        // MARK: Layer 7: the thin CLI
        .executableTarget(
            name: "ssm-contract",
            dependencies: [
                "ContractRunners", "Cassettes",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // swiftc exports every Swift symbol of an executable on Linux (33,000 here), and the Swift runtime's
            // start looks its own address up among them (dladdr: a linear scan, 0.45 ms of every start). Nothing
            // looks symbols of the executable up by name, so it exports none.
            linkerSettings: [.unsafeFlags(["-Xlinker", "--no-export-dynamic"], .when(platforms: [.linux]))]
        ),

        // `make bench-serve`'s floor: the loopback server answering one constant response (never shipped).
        .executableTarget(
            name: "serve-floor",
            dependencies: ["LoopbackServer", "HTTPTransport"],
            path: "Benchmarks/ServeFloor"
        ),

        // MARK: Build tools: files of the package compiled into targets (a copied binary needs no checkout)
        .executableTarget(name: "embed-files", dependencies: ["YAMLTree"], path: "Tools/embed-files"),
        .plugin(name: "EmbedFiles", capability: .buildTool(), dependencies: ["embed-files"]),

        // MARK: Test support and tests
        .target(
            name: "TestSupport",
            dependencies: ["HTTPTransport", "LoopbackServer"],
            path: "Tests/TestSupport"
        ),
        .testTarget(name: "RawJSONTests", dependencies: ["RawJSON"]),
        .testTarget(name: "HTTPTransportTests", dependencies: ["HTTPTransport", "LoopbackServer", "TestSupport"]),
        // Saves large cassettes in a loop; CassettesTests SIGKILLs it mid-write (atomic-save acceptance test).
        .executableTarget(
            name: "cassette-write-probe",
            dependencies: ["Cassettes", "HTTPTransport", "RawJSON"],
            path: "Tests/CassetteWriteProbe"
        ),
        .testTarget(
            name: "CassettesTests",
            dependencies: ["Cassettes", "HTTPTransport", "LoopbackServer", "TestSupport", "RawJSON"]
        ),
        .testTarget(
            name: "AWSWireTests",
            dependencies: ["AWSWire", "HTTPTransport", "LoopbackServer", "TestSupport", "RawJSON"],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "SSMOperationsTests",
            dependencies: ["SSMOperations", "AWSWire", "Cassettes", "HTTPTransport", "TestSupport", "RawJSON"]
        ),
        .testTarget(
            name: "ContractEngineTests",
            dependencies: [
                "ContractEngine", "Cassettes", "HTTPTransport", "AWSWire", "TestSupport", "RawJSON", "YAMLTree",
            ]
        ),
        .testTarget(name: "DocumentationTests", dependencies: ["TestSupport"]),
        .testTarget(
            name: "SSMEmulatorTests",
            dependencies: [
                "SSMEmulator", "ContractRunners", "ContractEngine", "Cassettes", "HTTPTransport", "AWSWire",
                "TestSupport", "RawJSON",
            ]
        ),
        .testTarget(
            name: "ContractRunnersTests",
            dependencies: [
                "ContractRunners", "ContractEngine", "SSMOperations", "SSMEmulator", "AWSWire", "Cassettes",
                "HTTPTransport", "LoopbackServer", "TestSupport", "RawJSON",
            ]
        ),
    ]
)

// MARK: Fuzz targets (only with SSM_CONTRACT_FUZZ=1, as `make fuzz` sets: the normal build never sees them)
// `make fuzz` builds them in .build-fuzz with `-sanitize=fuzzer,address -DFUZZING` and runs each under libFuzzer.
if Context.environment["SSM_CONTRACT_FUZZ"] == "1" {
    package.targets.append(
        .executableTarget(
            name: "ssm-contract-fuzz",
            dependencies: ["RawJSON", "Cassettes", "HTTPTransport", "AWSWire", "ContractEngine"],
            path: "Tests/Fuzz/ssm-contract-fuzz"
        )
    )
}
