import Testing

@testable import MedlinePlus

/// Medical codes as people type them, and MedlinePlus Connect's JSON answers in the
/// documented shape (Tests/Corpus/service/connect-*.json, written by us).
@Suite struct ConnectAnswerTests {
  @Test(arguments: [
    ("icd10cm:m87.05", "icd10cm:M87.05"), ("ICD-10-CM:M8705", "icd10cm:M87.05"),
    ("icd10cm:E11", "icd10cm:E11"), ("icd9cm:250.33", "icd9cm:250.33"),
    ("icd9:25033", "icd9cm:250.33"), ("icd9cm:E8809", "icd9cm:E880.9"),
    ("icd9cm:V45.1", "icd9cm:V45.1"), ("snomed:22298006", "snomed:22298006"),
    ("rxnorm:197361", "rxnorm:197361"), ("loinc:2345-7", "loinc:2345-7"),
    (" SNOMEDCT : 22298006 ", "snomed:22298006"),
  ])
  func codesAreForgivenTheirCaseAndStops(typed: String, meant: String) throws {
    #expect(try MedicalCode(parsing: typed).description == meant)
  }

  @Test(arguments: [
    "M87.05", "foo:1", "icd10cm:", "icd10cm:M87..05", "icd10cm:87.05", "icd10cm:M8.705",
    "icd10cm:M87.05123", "icd9cm:25A", "snomed:123", "rxnorm:1234567890", "loinc:2345",
    "loinc:23-45", "icd10cm:M87.0\u{1B}[2J",
  ])
  func malformedCodesAreRefusedWithAReason(typed: String) {
    #expect(throws: MedicalCode.Problem.self) { try MedicalCode(parsing: typed) }
    do {
      _ = try MedicalCode(parsing: typed)
    } catch {
      #expect(!error.message.unicodeScalars.contains { $0.value == 0x1B })
    }
  }

  @Test func theRequestNamesTheSystemByItsIdentifier() throws {
    let code = try MedicalCode(parsing: "icd10cm:M87.05")
    #expect(
      ConnectService.address(code: code, language: .spanish)
        == "https://connect.medlineplus.gov/service?mainSearchCriteria.v.cs=2.16.840.1.113883.6.90"
        + "&mainSearchCriteria.v.c=M87.05&informationRecipient.languageCode.c=es"
        + "&knowledgeResponseType=application/json")
  }

  @Test func theAnswerListsThePagesWithTheirSummaries() throws {
    let answer = try ConnectService.read(Corpus.bytes("service/connect-m8705.json"))
    #expect(answer.subtitle == "MedlinePlus Connect results for ICD-10-CM M87.05")
    #expect(answer.entries.map(\.title) == ["Osteonecrosis", "Hip Injuries and Disorders"])
    #expect(answer.entries[0].url.hasPrefix("https://medlineplus.gov/osteonecrosis.html"))
    let page = answer.entries[0].page(language: .english)
    #expect(page.title == "Osteonecrosis")
    #expect(page.links.last?.url == answer.entries[0].url)
    // The summary's text cannot drive the terminal.
    let hip = answer.entries[1].page(language: .english)
    #expect(!hip.allText.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 })
  }

  @Test func noEntriesAndBadAnswers() throws {
    #expect(try ConnectService.read(Corpus.bytes("service/connect-none.json")).entries.isEmpty)
    let service = "MedlinePlus Connect service"
    #expect(throws: ServiceAnswerError.empty(service: service)) {
      try ConnectService.read([])
    }
    #expect(throws: ServiceAnswerError.webPage(service: service)) {
      try ConnectService.read(Array("<html><body>Service Unavailable</body></html>".utf8))
    }
    #expect(throws: ServiceAnswerError.unexpected(service: service, what: "JSON with no feed")) {
      try ConnectService.read(Array("{\"error\": 1}".utf8))
    }
    #expect(throws: ServiceAnswerError.self) {
      try ConnectService.read(Corpus.bytes("service/connect-broken.json"))
    }
  }

  @Test func jsonIsReadStrictlyAndNoDeeperThanItsLimit() throws {
    let value = try JSONReader.read(
      Array(#"{"a": [1, -2.5e3, true, null, "\u00e9\ud83d\ude00\n"]}"#.utf8))
    #expect(value["a"]?.elements.count == 5)
    #expect(value["a"]?.elements.last?.stringValue == "é😀\n")
    for bad in ["{", "[1,]", "{\"a\" 1}", "\"\u{01}\"", "01x", "[1] 2", "tru", "\"\\q\""] {
      #expect(throws: JSONReader.Failure.self) { try JSONReader.read(Array(bad.utf8)) }
    }
    let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
    #expect(throws: JSONReader.Failure.self) { try JSONReader.read(Array(deep.utf8)) }
  }
}
