import Foundation
import Testing

@testable import TopicLibrary

@Suite struct LibraryLocationTests {
  @Test func dataDirectoryFollowsXDG() {
    #expect(
      LibraryLocation.dataDirectory(environment: ["XDG_DATA_HOME": "/x/data", "HOME": "/home/u"])
        == "/x/data/medterm")
    #expect(
      LibraryLocation.dataDirectory(environment: ["XDG_DATA_HOME": "/x/data/", "HOME": "/home/u"])
        == "/x/data/medterm")
    // Empty or relative XDG_DATA_HOME is ignored, as the specification says.
    #expect(
      LibraryLocation.dataDirectory(environment: ["XDG_DATA_HOME": "", "HOME": "/home/u"])
        == "/home/u/.local/share/medterm")
    #expect(
      LibraryLocation.dataDirectory(environment: ["XDG_DATA_HOME": "data", "HOME": "/home/u/"])
        == "/home/u/.local/share/medterm")
    #expect(LibraryLocation.dataDirectory(environment: [:]).hasSuffix("/.local/share/medterm"))
    #expect(
      LibraryLocation.indexCacheDirectory(environment: ["XDG_DATA_HOME": "/x"])
        == "/x/medterm/index")
  }

  @Test func rememberedLibraryOnlyWhenItExists() throws {
    let directory = try TemporaryDirectory()
    let environment = ["XDG_DATA_HOME": directory.path]
    #expect(LibraryLocation.rememberedLibrary(environment: environment) == nil)
    try FileManager.default.createDirectory(
      atPath: directory.file("medterm/mplus_topics.xml"), withIntermediateDirectories: true)
    // A directory by that name is not a library.
    #expect(LibraryLocation.rememberedLibrary(environment: environment) == nil)
    try FileManager.default.removeItem(atPath: directory.file("medterm/mplus_topics.xml"))
    _ = try directory.copy(
      Paths.corpusFile("mplus_topics_2024-08-10.excerpt-A1C.xml"), as: "medterm/mplus_topics.xml")
    #expect(
      LibraryLocation.rememberedLibrary(environment: environment)
        == directory.path + "/medterm/mplus_topics.xml")
  }
}
