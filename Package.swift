// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "medterm",
  products: [
    .library(name: "MedlinePlus", targets: ["MedlinePlus"]),
    .executable(name: "medterm", targets: ["medterm"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0")
  ],
  targets: [
    .systemLibrary(
      name: "CLibXML2",
      pkgConfig: "libxml-2.0",
      providers: [.apt(["libxml2-dev"])]
    ),
    .systemLibrary(
      name: "CCurl",
      pkgConfig: "libcurl",
      providers: [.apt(["libcurl4-openssl-dev"])]
    ),
    .systemLibrary(
      name: "CNcursesw",
      pkgConfig: "ncursesw",
      providers: [.apt(["libncurses-dev"])]
    ),
    .target(
      name: "MedlinePlus",
      dependencies: ["CLibXML2"]
    ),
    .target(
      name: "BrowserCore",
      dependencies: ["MedlinePlus"]
    ),
    .target(
      name: "CursesTerminal",
      dependencies: ["BrowserCore", "CNcursesw", "CCrashGuard"]
    ),
    .executableTarget(
      name: "medterm",
      dependencies: [
        "MedlinePlus",
        "BrowserCore",
        "CursesTerminal",
        "Fetching",
        "TopicLibrary",
        "LibraryUpdate",
        "BrowserMemory",
        "CFetchSupport",
        // Not linked: listed so that `swift build` / `swift run medterm` also builds the
        // helper that medterm spawns to fetch web pages.
        "medterm-fetch",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .executableTarget(
      name: "medterm-bench",
      dependencies: ["MedlinePlus", "TopicLibrary"]
    ),
    .target(
      name: "TopicLibrary",
      dependencies: ["MedlinePlus"]
    ),
    .target(
      name: "LibraryUpdate",
      dependencies: ["Fetching", "TopicLibrary", "MedlinePlus"]
    ),
    .target(name: "CFetchSupport"),
    .target(name: "CCrashGuard"),
    .target(
      name: "BrowserMemory",
      dependencies: ["BrowserCore", "MedlinePlus", "CFetchSupport"]
    ),
    .target(
      name: "Fetching",
      dependencies: ["MedlinePlus", "CFetchSupport"]
    ),
    .executableTarget(name: "medterm-fetch", dependencies: ["CCurl"]),
    .target(
      name: "TestSupport",
      path: "Tests/TestSupport",
      exclude: ["Server"]
    ),
    .testTarget(
      name: "MedlinePlusTests",
      dependencies: ["MedlinePlus"],
      exclude: ["Snapshots"]
    ),
    .testTarget(
      name: "BrowserCoreTests",
      dependencies: ["BrowserCore", "MedlinePlus"],
      exclude: ["Snapshots"]
    ),
    .testTarget(
      name: "CursesTerminalTests",
      dependencies: ["CursesTerminal", "BrowserCore", "MedlinePlus"]
    ),
    .testTarget(
      name: "EndToEndTests",
      dependencies: ["MedlinePlus", "TestSupport"],
      exclude: ["Bench"]
    ),
    .testTarget(
      name: "FetchingTests",
      dependencies: ["Fetching", "TestSupport"]
    ),
    .testTarget(
      name: "BrowserMemoryTests",
      dependencies: ["BrowserMemory", "BrowserCore"]
    ),
    .testTarget(
      name: "TopicLibraryTests",
      dependencies: ["TopicLibrary", "LibraryUpdate", "MedlinePlus", "TestSupport"]
    ),
  ]
)
