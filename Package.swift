// swift-tools-version: 6.0
import PackageDescription

let package = Package(
  name: "JointCredit",
  platforms: [.macOS(.v15)],
  products: [
    .library(name: "JointCredit", targets: ["JointCredit"]),
    .library(name: "ApportionmentModule", targets: ["ApportionmentModule"]),
    .executable(name: "jointcredit", targets: ["jointcredit"]),
  ],
  dependencies: [],
  targets: [
    // The exact apportionment core: standard library only (no Foundation), as swift-numerics
    // keeps RealModule apart; it knows nothing of bodies, tonnes or files.
    .target(name: "ApportionmentModule"),

    // Library: reading, validation, allocation and statements, over the core.
    .target(name: "JointCredit", dependencies: ["ApportionmentModule"]),

    // Command line: argument parsing and presentation over the library.
    .target(name: "JointCreditCLI", dependencies: ["JointCredit", "ApportionmentModule"]),
    .executableTarget(name: "jointcredit", dependencies: ["JointCreditCLI"]),

    // Benchmark of the apportionment core (make bench, release mode).
    .executableTarget(
      name: "JointCreditBenchmarks", dependencies: ["JointCredit", "ApportionmentModule"],
      path: "Benchmarks/JointCreditBenchmarks"),

    // Tests (Swift Testing).
    .testTarget(name: "JointCreditTests", dependencies: ["JointCredit", "ApportionmentModule"]),
    .testTarget(
      name: "JointCreditCLITests",
      dependencies: ["JointCreditCLI", "jointcredit"]
    ),
  ],
  swiftLanguageModes: [.v6]
)
