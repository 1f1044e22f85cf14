// swift-tools-version: 6.0
import PackageDescription

let package = Package(
  name: "JointCredit",
  platforms: [.macOS(.v15)],
  products: [
    .library(name: "JointCredit", targets: ["JointCredit"]),
    .executable(name: "jointcredit", targets: ["jointcredit"]),
  ],
  dependencies: [],
  targets: [
    // Library: reading, validation, exact allocation and statements.
    .target(name: "JointCredit"),

    // Command line: argument parsing and presentation over the library.
    .target(name: "JointCreditCLI", dependencies: ["JointCredit"]),
    .executableTarget(name: "jointcredit", dependencies: ["JointCreditCLI"]),

    // Benchmark of the apportionment core (make bench, release mode).
    .executableTarget(
      name: "JointCreditBenchmarks", dependencies: ["JointCredit"],
      path: "Benchmarks/JointCreditBenchmarks"),

    // Tests (Swift Testing).
    .testTarget(name: "JointCreditTests", dependencies: ["JointCredit"]),
    .testTarget(
      name: "JointCreditCLITests",
      dependencies: ["JointCreditCLI", "jointcredit"]
    ),
  ],
  swiftLanguageModes: [.v6]
)
