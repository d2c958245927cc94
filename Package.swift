// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "PlanCheck",
    products: [
        .executable(name: "plancheck", targets: ["PlanCheckCLI"]),
        // The library third parties import to write their own checkers.
        .library(name: "PlanCheck", targets: ["PlanCheck"]),
        // `swift package plancheck …` in packages that depend on PlanCheck.
        .plugin(name: "PlanCheckCommandPlugin", targets: ["PlanCheckCommandPlugin"]),
        // Checks a target's datasets (*.plan.yaml) on every build; errors fail the build.
        .plugin(name: "PlanCheckBuildToolPlugin", targets: ["PlanCheckBuildToolPlugin"]),
        // The web page and HTTP API a plan office runs on its intranet (docs/server.md). Its own
        // product so the `plancheck` CLI neither builds nor links the web framework.
        .executable(name: "plancheck-server", targets: ["PlanCheckServer"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // Writes the review copy's .docx (reading untrusted archives is Loading/OOXML's own reader).
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        // plancheck-server only: the HTTP server and its in-process test client.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
        // Hummingbird's header types (HTTPField names), already resolved by Hummingbird.
        .package(url: "https://github.com/apple/swift-http-types", from: "1.0.0"),
        // plancheck-server only: the multipart/form-data parser (a streaming state machine).
        .package(url: "https://github.com/vapor/multipart-kit", from: "4.7.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
        ),
        // zlib's inflate and crc32 for the ZIP reader of XLSX/DOCX files (Loading/OOXML).
        .systemLibrary(
            name: "CZlibSystem",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"]), .brew(["zlib"])]
        ),
        .target(
            name: "PlanCheck",
            dependencies: ["CYAML", "CZlibSystem", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            swiftSettings: [.enableUpcomingFeature("InternalImportsByDefault")]
        ),
        .executableTarget(
            name: "PlanCheckCLI",
            dependencies: [
                "PlanCheck",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .plugin(
            name: "PlanCheckCommandPlugin",
            capability: .command(intent: .custom(verb: "plancheck", description: "Run plancheck (check, baseline, rules, init) on this package.")),
            dependencies: ["PlanCheckCLI"]
        ),
        .plugin(
            name: "PlanCheckBuildToolPlugin",
            capability: .buildTool(),
            dependencies: ["PlanCheckCLI"]
        ),
        // What the server does that needs no socket: configuration, multipart parsing, running a
        // check on uploaded bytes, the JSON answers and the page. Tested without a live server.
        .target(
            name: "PlanCheckServerCore",
            dependencies: ["PlanCheck", .product(name: "MultipartKit", package: "multipart-kit")],
            // The page's CSS and script and the OpenAPI document are compiled into the binary
            // (EmbeddedAssets.generated.swift, by Scripts/generate-server-assets.py): one file to deploy.
            exclude: ["Assets"]
        ),
        .executableTarget(
            name: "PlanCheckServer",
            dependencies: [
                "PlanCheckServerCore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "PlanCheckServerTests",
            dependencies: [
                "PlanCheckServerCore",
                "PlanCheckServer",
                // The live tests speak HTTP/1.1 over a plain socket (LiveServer.swift) rather than
                // through HummingbirdTesting, whose HTTP client would add TLS (BoringSSL) to every build.
                .product(name: "Hummingbird", package: "hummingbird"),
                // Builds hostile workbooks (XXE) in memory.
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            // The Chromium driver the page test runs (docs/server.md, "Screenshots").
            exclude: ["page_screenshot.py"]
        ),
        .testTarget(
            name: "PlanCheckTests",
            dependencies: ["PlanCheck"],
            resources: [.copy("Fixtures")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
