import Testing

@testable import BrowserCore

/// What Go to makes of a typed line, as lynx reads one.
@Suite struct TypedAddressTests {
  private func parse(_ text: String, files: Set<String> = []) -> TypedAddress? {
    TypedAddress.parse(text) { path in files.contains(path) ? "file:///here/\(path)" : nil }
  }

  @Test func hostsWithoutASchemeAreHTTP() {
    #expect(parse("www.example.org") == .address("http://www.example.org"))
    #expect(parse("127.0.0.1:8765/x") == .address("http://127.0.0.1:8765/x"))
    #expect(parse("localhost:8080") == .address("http://localhost:8080"))
    #expect(parse("localhost") == .address("http://localhost"))
    #expect(parse("  medlineplus.gov/acne.html ") == .address("http://medlineplus.gov/acne.html"))
  }

  @Test func schemesInAnyCase() {
    #expect(parse("HTTP://Example.org/A") == .address("http://Example.org/A"))
    #expect(parse("HttpS://x.org") == .address("https://x.org"))
    #expect(parse("FILE:///tmp/x.md") == .address("file:///tmp/x.md"))
  }

  @Test func bracketedIPv6Hosts() {
    #expect(parse("[::1]:8080/page") == .address("http://[::1]:8080/page"))
    #expect(parse("http://[::1]/") == .address("http://[::1]/"))
    if case .refused(let message)? = parse("[::1/page") {
      #expect(message.contains("closing ]"))
    } else {
      Issue.record("an open bracket was taken")
    }
  }

  @Test func pathsAreFiles() {
    #expect(parse("./notes.md", files: ["./notes.md"]) == .address("file:///here/./notes.md"))
    #expect(parse("notes.md", files: ["notes.md"]) == .address("file:///here/notes.md"))
    if case .refused(let message)? = parse("/nowhere/x.md") {
      #expect(message == "/nowhere/x.md: no such file")
    } else {
      Issue.record("a missing file was taken")
    }
  }

  @Test func otherSchemesAndControlsAreRefused() {
    #expect(parse("javascript:alert(1)") == .refused("medterm does not open javascript: addresses"))
    #expect(parse("data:text/html,hi") == .refused("medterm does not open data: addresses"))
    #expect(parse("http://x.org/\u{1B}[2J") == .refused("an address has no control characters"))
    #expect(parse("http://") == .refused("http://: an address needs a host"))
  }

  @Test func wordsAreATopicToLookUp() {
    #expect(parse("knee pain") == .words("knee pain"))
    #expect(parse("diabetes") == .words("diabetes"))
    #expect(parse("   ") == nil)
  }
}
