// swift-tools-version: 6.0
import PackageDescription

let package = Package(
  name: "cardex",
  platforms: [.macOS(.v13)],
  products: [
    .library(name: "Cardex", targets: ["Cardex"]),
    .executable(name: "cardex", targets: ["CardexCLI"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.0")
  ],
  targets: [
    .systemLibrary(
      name: "CYaml",
      path: "Sources/CYaml",
      pkgConfig: "yaml-0.1",
      providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
    ),
    // glibc's mallopt, for `parse --jobs` (see Parse.swift); a header only.
    .systemLibrary(name: "CMalloc", path: "Sources/CMalloc"),
    // Sixteen bytes classified at once (SSE2) for the trigger scan; a
    // header of inline functions.
    .target(name: "CByteLanes"),
    .target(name: "Cardex", dependencies: ["CYaml", "CByteLanes"]),
    .executableTarget(
      name: "CardexCLI",
      dependencies: [
        "Cardex",
        "CMalloc",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    // Fuzz targets: libFuzzer entry points when built by scripts/fuzz.sh
    // (-sanitize=fuzzer -DFUZZING); otherwise replayers of saved inputs.
    .target(name: "CardexFuzzSupport"),
    .executableTarget(name: "cardex-fuzz-matcher", dependencies: ["Cardex", "CardexFuzzSupport"]),
    .executableTarget(name: "cardex-fuzz-rules", dependencies: ["Cardex", "CardexFuzzSupport"]),
    .executableTarget(name: "cardex-fuzz-validate", dependencies: ["Cardex", "CardexFuzzSupport"]),
    .testTarget(
      name: "CardexTests",
      dependencies: ["Cardex", "CardexCLI", "CByteLanes"]
    ),
  ]
)
