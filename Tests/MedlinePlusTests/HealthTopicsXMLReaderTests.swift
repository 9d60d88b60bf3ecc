import Foundation
import Testing

@testable import MedlinePlus

#if canImport(Glibc)
  import Glibc
#endif

/// The health-topics XML reader on the real files of `Tests/Corpus` and on inline
/// fragments for each rule: both summary shapes, category mapping, whitespace, truncation,
/// malformed input, and that the external DTD is never fetched.
@Suite struct HealthTopicsXMLReaderTests {
  // MARK: - The 2024 A1C excerpt (summary as raw child elements)

  @Test func a1cTopicFields() throws {
    let collection = try XMLFixtures.collection("mplus_topics_2024-08-10.excerpt-A1C.xml")
    #expect(collection.declaredTotal == 2044)
    #expect(collection.dateGenerated == "08/10/2024 02:30:32")
    #expect(collection.truncation == nil)
    #expect(collection.topics.count == 1)
    let page = try #require(collection.topics.first)
    #expect(page.format == .healthTopicsXML)
    #expect(page.title == "A1C")
    #expect(page.origin == "https://medlineplus.gov/a1c.html")
    #expect(page.language == "en")
    #expect(page.alsoCalled == ["Glycohemoglobin", "HbA1C", "Hemoglobin A1C test"])
    #expect(
      page.summaryDescription?.hasPrefix("If you are being tested for Type 2 diabetes") == true)
    let topic = try #require(page.topic)
    #expect(topic.id == "6308")
    #expect(topic.dateCreated == "12/22/2015")
    #expect(topic.groups == ["Diagnostic Tests", "Diabetes Mellitus"])
    #expect(topic.seeReferences == ["Hemoglobin A1c"])
    #expect(topic.meshHeadings == ["Glycated Hemoglobin"])
    #expect(
      topic.twin
        == TopicReference(
          title: "Prueba de hemoglobina glicosilada (HbA1c)",
          url: "https://medlineplus.gov/spanish/a1c.html", id: "6309", language: "es"))
  }

  @Test func a1cSummaryFromRawChildren() throws {
    let page = try XMLFixtures.firstPage("mplus_topics_2024-08-10.excerpt-A1C.xml")
    let summary = try #require(page.sections.first)
    #expect(summary.id == "summary")
    #expect(summary.title == "Summary")
    // The first paragraph is the twin's link (twinIsALinkAtTheTopOfThePage); the summary
    // text follows it.
    let paragraphs = summary.blocks.dropFirst().compactMap { block -> [TextRun]? in
      if case .paragraph(let runs) = block { return runs }
      return nil
    }
    #expect(paragraphs.count == 2)
    #expect(
      paragraphs.first?.plainText.hasPrefix("A1C is a blood test for type 2 diabetes and") == true)
    let lists = summary.blocks.compactMap { block -> [[Block]]? in
      if case .list(false, let items) = block { return items }
      return nil
    }
    #expect(lists.count == 1)
    #expect(lists.first?.count == 4)
    #expect(
      summary.blocks.last
        == .attribution("NIH: National Institute of Diabetes and Digestive and Kidney Diseases"))
    // The links inside the summary are numbered next, after the twin, in reading order.
    let summaryLinks = page.links.dropFirst()
    #expect(
      summaryLinks.prefix(3).map(\.title) == ["type 2 diabetes", "prediabetes", "blood sugar"])
    #expect(summaryLinks.first?.url == "https://medlineplus.gov/diabetestype2.html")
    #expect(summaryLinks.first?.kind == .inline)
    #expect(summaryLinks.first?.section == 0)
  }

  @Test func a1cSitesGroupedByCategory() throws {
    let page = try XMLFixtures.firstPage("mplus_topics_2024-08-10.excerpt-A1C.xml")
    #expect(
      page.sections.map(\.id) == [
        "summary", "learn-more", "cat_27", "cat_59", "cat_69", "national-institutes-of-health",
      ])
    let trials = try XMLFixtures.links(in: "cat_27", of: page)
    #expect(trials.map(\.title) == ["ClinicalTrials.gov: Hemoglobin A1C"])
    let trial = try #require(trials.first)
    #expect(trial.url?.contains("%22Hemoglobin+A1C%22&aggFilters=status:not%20rec") == true)
    #expect(trial.url?.contains("&amp;") == false)
    #expect(trial.badges == [.nih])
    #expect(trial.organizations == ["National Institutes of Health"])
    #expect(trial.kind == .resource)

    let learnMore = try XMLFixtures.links(in: "learn-more", of: page)
    #expect(
      learnMore.map(\.title) == [
        "A1C and eAG", "A1C Test and Diabetes", "A1C Test and Race/Ethnicity",
        "Hemoglobin A1C (HbA1c) Test", "Understanding A1C",
      ])
    #expect(learnMore.filter { $0.badges == [.nih] }.count == 3)
    let diabetes = learnMore[1]
    #expect(diabetes.alsoInSpanish)
    #expect(
      diabetes.spanishURL
        == "https://www.niddk.nih.gov/health-information/informacion-de-la-salud/pruebas-diagnosticas/prueba-a1c-diabetes"
    )
    #expect(!learnMore[2].alsoInSpanish)
    #expect(learnMore[2].spanishURL == nil)

    let journal = try XMLFixtures.links(in: "cat_59", of: page)
    #expect(journal.count == 1)
    #expect(journal.first?.organizations == [])
    #expect(journal.first?.kind == .more)
    #expect(journal.first?.title == "A1C -- see more articles")
    #expect(journal.first?.url?.hasPrefix("https://pubmed.ncbi.nlm.nih.gov/?term=") == true)
    #expect(
      page.sections[page.sectionIndex(anchor: "cat_59") ?? 0].subtitle?.hasPrefix("References")
        == true)

    let handouts = try XMLFixtures.links(in: "cat_69", of: page)
    #expect(handouts.map(\.organizations) == [["Medical Encyclopedia"]])
    #expect(handouts.first?.spanishURL == "https://medlineplus.gov/spanish/ency/article/003640.htm")
  }

  @Test func a1cOutlineHasAllSixGroups() throws {
    let page = try XMLFixtures.firstPage("mplus_topics_2024-08-10.excerpt-A1C.xml")
    #expect(page.outline.map(\.title) == MedlinePlusCatalog.groups)
    #expect(
      page.outline.map { $0.entries.map(\.title) } == [
        ["Summary"], ["Learn More"], [], ["Clinical Trials", "Journal Articles"], [],
        ["Patient Handouts"],
      ])
    #expect(page.outline[2].hasNoLinks)
    #expect(page.outline[4].hasNoLinks)
    for entry in page.outline.flatMap(\.entries) {
      let index = try #require(entry.section)
      #expect(page.sections[index].title == entry.title)
    }
    let institutes = try #require(page.sectionIndex(anchor: "national-institutes-of-health"))
    #expect(page.sectionsOutsideOutline == [institutes])
  }

  @Test func a1cInstituteParagraphLinksTheInstitute() throws {
    let page = try XMLFixtures.firstPage("mplus_topics_2024-08-10.excerpt-A1C.xml")
    let index = try #require(page.sectionIndex(anchor: "national-institutes-of-health"))
    guard case .paragraph(let runs) = page.sections[index].blocks.first else {
      Issue.record("no paragraph in \(page.sections[index])")
      return
    }
    // The name spans two lines in the file.
    #expect(
      runs.plainText
        == "The primary NIH organization for research on A1C is the National Institute of "
        + "Diabetes and Digestive and Kidney Diseases")
    let link = try #require(runs.last?.link)
    #expect(page.links[link].url == "https://www.niddk.nih.gov")
    #expect(page.links[link].section == index)
  }

  @Test func escapedAndRawSummariesGiveTheSamePage() throws {
    let raw = try XMLFixtures.text("mplus_topics_2024-08-10.excerpt-A1C.xml")
    let open = try #require(raw.range(of: "<full-summary>"))
    let close = try #require(raw.range(of: "</full-summary>"))
    let inner = String(raw[open.upperBound..<close.lowerBound])
    let escaped =
      String(raw[..<open.upperBound]) + XMLFixtures.escaped(inner) + raw[close.lowerBound...]
    let fromRaw = try XMLFixtures.firstPage("mplus_topics_2024-08-10.excerpt-A1C.xml")
    let fromEscaped = try #require(XMLFixtures.read(escaped).topics.first)
    #expect(fromEscaped.sections.first == fromRaw.sections.first)
    #expect(fromEscaped == fromRaw)
  }

  // MARK: - The 2012 GSA fixture (escaped summary, old categories, re-indented)

  @Test func gsaFixtureHasTwoTopicsInBothLanguages() throws {
    let collection = try XMLFixtures.collection("mplus_topics_2012-07-21.gsa-fixture.xml")
    #expect(collection.declaredTotal == 2)
    #expect(collection.dateGenerated == "07/21/2012 02:32:56")
    #expect(collection.topics.map(\.title) == ["Abdominal Pain", "Dolor abdominal"])
    #expect(collection.topics.map(\.language) == ["en", "es"])
    #expect(collection.topics.map { $0.topic?.twin?.id } == ["3062", "3061"])
    #expect(collection.topics.map { $0.summaryDescription } == [nil, nil])
  }

  @Test func gsaEscapedSummary() throws {
    let page = try XMLFixtures.firstPage("mplus_topics_2012-07-21.gsa-fixture.xml")
    let summary = try #require(page.sections.first)
    #expect(summary.id == "summary")
    // After the twin's link (twinIsALinkAtTheTopOfThePage), the summary text.
    guard case .paragraph(let first) = summary.blocks.dropFirst().first else {
      Issue.record(
        "summary text starts with \(String(describing: summary.blocks.dropFirst().first))")
      return
    }
    #expect(first.plainText.hasPrefix("Your abdomen extends from below your chest to your groin."))
    #expect(!first.plainText.contains("<p>"))
    guard case .list(false, let items) = summary.blocks.last else {
      Issue.record("summary ends with \(String(describing: summary.blocks.last))")
      return
    }
    #expect(items.count == 5)
    // This summary has no source line: its last block is the list, not an attribution.
    #expect(!summary.blocks.contains { if case .attribution = $0 { true } else { false } })
  }

  @Test func gsaWhitespaceIsNormalisedEverywhere() throws {
    let collection = try XMLFixtures.collection("mplus_topics_2012-07-21.gsa-fixture.xml")
    let english = collection.topics[0]
    #expect(english.topic?.groups == ["Digestive System", "Symptoms"])
    #expect(english.topic?.twin?.title == "Dolor abdominal")
    #expect(
      english.links.contains {
        $0.title == "Abdominal Pain"
          && $0.organizations == ["Mayo Foundation for Medical Education and Research"]
      })
    for page in collection.topics {
      for text in XMLFixtures.allTexts(of: page) {
        #expect(text == text.trimmingSpaces, "untrimmed: \(text.debugDescription)")
        #expect(!text.contains("\n") && !text.contains("  "), "unfolded: \(text.debugDescription)")
      }
    }
  }

  @Test func gsaOldCategoriesAreMapped() throws {
    let page = try XMLFixtures.firstPage("mplus_topics_2012-07-21.gsa-fixture.xml")
    #expect(
      page.sections.map(\.id) == [
        "summary", "cat_51", "cat_92", "learn-more", "cat_47", "cat_42", "cat_94",
        "health-check-tools", "cat_27", "cat_59", "cat_83", "cat_8", "cat_24", "cat_69", "other",
        "medical-encyclopedia", "related-health-topics",
      ])
    // "Overviews" reads as today's "Learn More"; "Latest News" has no section today.
    #expect(
      try XMLFixtures.links(in: "learn-more", of: page).map(\.title) == [
        "Abdominal Pain", "Abdominal Pain Syndromes",
      ])
    let other = try XMLFixtures.links(in: "other", of: page)
    #expect(other.count == 2)
    #expect(other.allSatisfy { $0.url?.contains("news") == true })
    // "Diagnosis/Symptoms" → Diagnosis and Tests; "Specific Conditions" → Specifics.
    #expect(try XMLFixtures.links(in: "cat_92", of: page).count == 6)
    #expect(try XMLFixtures.links(in: "cat_42", of: page).count == 5)
    // "Tutorials" and "Videos" share one section; a site in both appears there once.
    let videos = try XMLFixtures.links(in: "cat_94", of: page)
    #expect(
      videos.map(\.title) == ["Diagnostic Laparoscopy", "If I Had - A Child with Abdominal Pain"])
    #expect(videos.first?.badges == [.interactiveTutorial])
    #expect(videos.last?.badges == [.video])
  }

  @Test func gsaEncyclopediaSitesFormTheirOwnSection() throws {
    let page = try XMLFixtures.firstPage("mplus_topics_2012-07-21.gsa-fixture.xml")
    let index = try #require(page.sectionIndex(anchor: "medical-encyclopedia"))
    #expect(page.sections[index].title == "Medical Encyclopedia")
    #expect(page.sectionsOutsideOutline.contains(index))
    let encyclopedia = try XMLFixtures.links(in: "medical-encyclopedia", of: page)
    #expect(encyclopedia.count == 13)
    #expect(encyclopedia.allSatisfy { $0.url?.contains("/ency/article/") == true })
    // A site in two categories appears in each.
    let handouts = try XMLFixtures.links(in: "cat_69", of: page)
    #expect(handouts.contains { $0.title == "Abdominal CT scan" })
    #expect(encyclopedia.contains { $0.title == "Abdominal CT scan" })
    #expect(page.links.filter { $0.title == "Abdominal CT scan" }.count == 2)
  }

  @Test func gsaSpanishTopicKeepsSpanishTitlesAndDropsNonDisplayCategories() throws {
    let collection = try XMLFixtures.collection("mplus_topics_2012-07-21.gsa-fixture.xml")
    let page = collection.topics[1]
    #expect(page.title == "Dolor abdominal")
    #expect(page.alsoCalled == ["Dolor de barriga", "Dolor de estómago", "Dolor de panza"])
    #expect(page.topic?.twin?.language == "en")
    #expect(
      page.sections.map(\.title) == [
        "Resumen", "Comience aquí", "Diagnóstico y exámenes", "Más información",
        "Asuntos específicos", "Interactivos y videos", "Niños/as", "Otros",
        "Temas de salud relacionados",
      ])
    #expect(page.outline.map(\.title) == MedlinePlusCatalog.groups)
    #expect(
      page.outline[0].entries.map(\.title) == [
        "Resumen", "Comience aquí", "Diagnóstico y exámenes",
      ])
    // "También en inglés" has no badge in the model, so Spanish topics carry no Spanish URL.
    #expect(page.links.allSatisfy { !$0.alsoInSpanish && $0.spanishURL == nil })
    // "NON-DISPLAY (Patient Handout)" and "Spanish/Español" make no section.
    #expect(page.sectionIndex(anchor: "cat_69") == nil)
    #expect(
      !page.sections.contains {
        $0.title.contains("NON-DISPLAY") || $0.title.contains("/") && $0.title.contains("Spanish")
      })
  }

  // MARK: - Inline rules

  @Test func categoriesMapToMenuSectionsOrOther() {
    #expect(XMLCategoryMap.placement(of: "Start Here") == .menu(anchor: "cat_51"))
    #expect(XMLCategoryMap.placement(of: "  start\n here ") == .menu(anchor: "cat_51"))
    #expect(XMLCategoryMap.placement(of: "Comience aquí") == .menu(anchor: "cat_51"))
    #expect(XMLCategoryMap.placement(of: "Viviendo con...") == .menu(anchor: "cat_77"))
    #expect(XMLCategoryMap.placement(of: "Encyclopedia") == .encyclopedia)
    #expect(XMLCategoryMap.placement(of: "Spanish/Español") == .hidden)
    #expect(XMLCategoryMap.placement(of: "NON-DISPLAY (Patient Handout)") == .hidden)
    #expect(XMLCategoryMap.placement(of: "Latest News") == .other)
    #expect(XMLCategoryMap.placement(of: "Something New in 2030") == .other)
    #expect(XMLCategoryMap.placement(of: "Summary") == .other)
  }

  @Test(arguments: [
    "", " ", "A1C", "  Mayo Foundation\n      for Medical Education  ", "\tTab\tand\nnewline\n",
    "Úlcera péptica", "¿Qué es?", "Niños/as", "EspaÃ±ol", "KienbÃ¶ck's", "café\u{301} au lait",
    "non\u{A0}breaking", "cr\r\nlf", "bell\u{7}", "esc\u{1B}[31mred", "c1\u{85}next",
    "bidi\u{202E}txt", "em\u{2003}space", "日本語", "«quoted»", "a \u{301}b", "ñé", "trailing é",
  ])
  func fastTextCleaningMatchesCleanText(sample: String) {
    #expect(XMLText.clean(Array(sample.utf8)) == PageAssembler.cleanText(sample))
  }

  @Test func sitesInOrderOfTheMenuNotOfTheFile() throws {
    let collection = try XMLFixtures.read(
      XMLFixtures.file(
        topics: XMLFixtures.topic(
          title: "Order",
          body: """
            <site title="Kids" url="https://example.org/k"><information-category>Children</information-category></site>
            <site title="Odd" url="https://example.org/o"><information-category>Brand New</information-category></site>
            <site title="Hidden" url="https://example.org/h"><information-category>Spanish/Español</information-category></site>
            <site title="Start" url="https://example.org/s"><information-category>Start Here</information-category>
              <organization>  Org
                One </organization><organization>Org Two</organization>
              <standard-description>Easy-to-Read</standard-description><standard-description>Unknown</standard-description></site>
            <site title="Bare" url="https://example.org/b"/>
            """)))
    let page = try #require(collection.topics.first)
    #expect(page.sections.map(\.id) == ["cat_51", "cat_8", "other"])
    #expect(page.links.map(\.title) == ["Start", "Kids", "Odd"])
    #expect(page.links[0].organizations == ["Org One", "Org Two"])
    #expect(page.links[0].badges == [.easyToRead])
    #expect(page.links.map(\.section) == [0, 1, 2])
    #expect(page.outline.map(\.entries.count) == [1, 0, 0, 0, 0, 1])
  }

  @Test func emptyHealthTopicsRoot() throws {
    let empty = try XMLFixtures.read("<?xml version=\"1.0\"?>\n<health-topics/>\n")
    #expect(empty == TopicCollection())
    let withTotal = try XMLFixtures.read(
      "<health-topics total=\"0\" date-generated=\"x\"></health-topics>")
    #expect(withTotal.topics.isEmpty)
    #expect(withTotal.declaredTotal == 0)
    #expect(withTotal.truncation == nil)
  }

  @Test func oneTopicIsStillACollection() throws {
    let bytes = Array(XMLFixtures.file(topics: XMLFixtures.topic(title: "Only", body: "")).utf8)
    guard case .collection(let collection) = try PageReader.read(bytes, name: "one.xml") else {
      Issue.record("a single topic must come back as a collection")
      return
    }
    #expect(collection.topics.map(\.title) == ["Only"])
    #expect(collection.topics.first?.sections == [])
    #expect(collection.topics.first?.outline.allSatisfy(\.hasNoLinks) == true)
  }

  @Test func byteOrderMarksAndUTF16() throws {
    let text = XMLFixtures.file(topics: XMLFixtures.topic(title: "Úlcera péptica", body: ""))
      .replacingOccurrences(of: "encoding=\"UTF-8\"", with: "")
    let utf8: [UInt8] = [0xEF, 0xBB, 0xBF] + Array(text.utf8)
    let utf16: [UInt8] =
      [0xFF, 0xFE]
      + text.utf16.flatMap { unit -> [UInt8] in [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
    for bytes in [utf8, utf16] {
      guard case .collection(let collection) = try PageReader.read(bytes, name: "topics.xml") else {
        Issue.record("not read as health topics")
        continue
      }
      #expect(collection.topics.map(\.title) == ["Úlcera péptica"])
    }
  }

  @Test func unknownChildElementsAreSkipped() throws {
    let collection = try XMLFixtures.read(
      """
      <health-topics total="1">
      <banner><health-topic title="Not a topic" id="0"/></banner>
      <health-topic title="Real" id="1" language="English">
        <future-field><site title="Inside" url="https://example.org"/></future-field>
        <also-called>Kept</also-called>
      </health-topic>
      </health-topics>
      """)
    #expect(collection.topics.map(\.title) == ["Real"])
    #expect(collection.topics.first?.alsoCalled == ["Kept"])
    #expect(collection.topics.first?.links == [])
  }

  // MARK: - Errors

  @Test func legacyVocabularyIsRefused() throws {
    let bytes = try XMLFixtures.bytes("mplus_vocab_2011-04-23.legacy-tiny.xml")
    #expect(throws: ReadError.legacyVocabularyXML) {
      try HealthTopicsXMLReader.read(bytes, origin: nil)
    }
    #expect(throws: ReadError.legacyVocabularyXML) {
      try PageReader.read(bytes, name: "mplus_vocab.xml")
    }
  }

  @Test func unknownRootIsRefused() {
    #expect(throws: ReadError.unknownXML(root: "rss")) {
      try HealthTopicsXMLReader.read(Array("<rss><channel/></rss>".utf8), origin: nil)
    }
  }

  @Test func garbageAfterTheRootIsMalformed() {
    for tail in ["<junk/>", "garbage", "<health-topic title=\"late\"/>"] {
      let text = XMLFixtures.file(topics: XMLFixtures.topic(title: "A", body: "")) + tail + "\n"
      #expect(throws: ReadError.self) { try XMLFixtures.read(text) }
      do {
        _ = try XMLFixtures.read(text)
      } catch {
        guard case .malformedXML(let line, let message)? = error as? ReadError else {
          Issue.record("expected malformedXML, got \(error)")
          continue
        }
        #expect(line == text.split(separator: "\n", omittingEmptySubsequences: false).count - 1)
        #expect(message.contains("Extra content"))
      }
    }
  }

  @Test func malformedTopicReportsItsLine() throws {
    let text = XMLFixtures.file(
      topics: XMLFixtures.topic(title: "Good", body: "")
        + XMLFixtures.topic(title: "Bad", body: "<also-called>x</also-kalled>")
        + XMLFixtures.topic(title: "After", body: ""))
    let expectedLine =
      try #require(
        text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex {
          $0.contains("</also-kalled>")
        }) + 1
    do {
      let collection = try XMLFixtures.read(text)
      Issue.record("read \(collection.topics.count) topics from malformed XML")
    } catch {
      guard case .malformedXML(let line, let message)? = error as? ReadError else {
        Issue.record("expected malformedXML, got \(error)")
        return
      }
      #expect(line == expectedLine)
      #expect(message.contains("also-called"))
    }
  }

  @Test func emptyInputIsRefused() {
    #expect(throws: ReadError.empty) { try HealthTopicsXMLReader.read([], origin: nil) }
  }

  // MARK: - Truncation

  @Test(arguments: [
    "mplus_topics_2024-08-10.excerpt-A1C.xml", "mplus_topics_2012-07-21.gsa-fixture.xml",
  ])
  func truncatedCopiesKeepTheCompleteTopics(name: String) throws {
    let bytes = try XMLFixtures.bytes(name)
    let full = try XMLFixtures.read(bytes)
    let rootEnd = try #require(XMLFixtures.offset(of: "<health-topics", in: bytes))
    var offsets = Array(stride(from: 0, to: bytes.count, by: 61))
    // Around the ends of topics, where a break is most likely to lose or duplicate one.
    for end in XMLFixtures.offsets(of: "</health-topic>", in: bytes) {
      offsets += [end - 1, end, end + 14, end + 15, end + 16, end + 30]
    }
    for offset in offsets where offset > 0 && offset < bytes.count - 1 {
      let cut = Array(bytes[..<offset])
      let complete = XMLFixtures.offsets(of: "</health-topic>", in: cut).filter {
        $0 + 15 <= offset
      }.count
      do {
        let collection = try XMLFixtures.read(cut)
        #expect(collection.topics.count == complete, "cut at \(offset)")
        #expect(Array(collection.topics) == Array(full.topics.prefix(collection.topics.count)))
        guard case .truncatedXML(let line, let topicsRead)? = collection.truncation else {
          Issue.record("no truncation reported at \(offset)")
          continue
        }
        #expect(topicsRead == complete)
        let lines = cut.filter { $0 == UInt8(ascii: "\n") }.count + 1
        #expect(line >= 1 && line <= lines, "cut at \(offset): line \(line) of \(lines)")
      } catch {
        // Before the root there is nothing to keep; a clear error is right.
        #expect(offset <= rootEnd + 60, "cut at \(offset) threw \(error)")
        guard case .truncatedXML(_, 0)? = error as? ReadError else {
          Issue.record("cut at \(offset) threw \(error)")
          continue
        }
      }
    }
  }

  // MARK: - No network

  @Test func externalDTDIsNeverFetched() throws {
    let text = XMLFixtures.file(
      doctype: "<!DOCTYPE health-topics SYSTEM \"http://127.0.0.1:9/x.dtd\">",
      topics: XMLFixtures.topic(title: "Offline", body: ""))
    #expect(try XMLFixtures.read(text).topics.map(\.title) == ["Offline"])
  }

  @Test func noConnectionIsMadeForTheDTDOrExternalEntities() throws {
    let listener = try LocalListener()
    let base = "http://127.0.0.1:\(listener.port)"
    let text = """
      <?xml version="1.0" encoding="UTF-8"?>
      <!DOCTYPE health-topics PUBLIC "-//NLM//DTD health-topics //EN" "\(base)/mplus_topics.dtd" [
        <!ENTITY remote SYSTEM "\(base)/entity.xml">
        <!ENTITY % parameter SYSTEM "\(base)/parameter.dtd">
        %parameter;
      ]>
      <health-topics total="1">
      <health-topic title="Offline" id="1" language="English" url="https://medlineplus.gov/x.html">
        <also-called>before &remote; after</also-called>
      </health-topic>
      </health-topics>
      """
    let collection = try XMLFixtures.read(text)
    #expect(collection.topics.map(\.title) == ["Offline"])
    #expect(collection.topics.first?.alsoCalled == ["before after"])
    #expect(!listener.hasPendingConnection)
  }

  // MARK: - The other-language twin and the Spanish menu

  @Test func twinIsALinkAtTheTopOfThePage() throws {
    let page = try XMLFixtures.firstPage("mplus_topics_2024-08-10.excerpt-A1C.xml")
    let twin = try #require(page.links.first)
    #expect(twin.title == "Prueba de hemoglobina glicosilada (HbA1c)")
    #expect(twin.url == "https://medlineplus.gov/spanish/a1c.html")
    #expect(twin.language == "es")
    #expect(twin.kind == .inline)
    #expect(twin.section == 0)
    #expect(
      page.sections.first?.blocks.first
        == .paragraph([
          TextRun("Also in Spanish: "),
          TextRun("Prueba de hemoglobina glicosilada (HbA1c)", link: 0),
        ]))
  }

  @Test func twinsLinkToEachOthersPagesInTheirOwnWords() throws {
    let collection = try XMLFixtures.collection("mplus_topics_2012-07-21.gsa-fixture.xml")
    let (english, spanish) = (collection.topics[0], collection.topics[1])
    // Each twin link is the other topic's own address, which is how the library finds it.
    #expect(english.links.first?.url == spanish.origin)
    #expect(spanish.links.first?.url == english.origin)
    #expect(english.links.first?.language == "es")
    #expect(spanish.links.first?.language == "en")
    guard case .paragraph(let runs)? = spanish.sections.first?.blocks.first else {
      Issue.record("the Spanish summary does not start with its twin")
      return
    }
    #expect(runs.plainText == "También en inglés: Abdominal Pain")
    #expect(runs.last?.link == 0)
  }

  @Test func spanishTopicLabelsItsMenuInSpanishAndKeepsTheGroupsIdentity() throws {
    let collection = try XMLFixtures.collection("mplus_topics_2012-07-21.gsa-fixture.xml")
    let (english, spanish) = (collection.topics[0], collection.topics[1])
    #expect(english.outline.map(\.label) == MedlinePlusCatalog.groups)
    #expect(spanish.outline.map(\.title) == MedlinePlusCatalog.groups)
    #expect(
      spanish.outline.map(\.label) == [
        "Lo básico", "Aprenda más", "Vea, juegue y aprenda", "Investigación", "Recursos",
        "Para usted",
      ])
    #expect(spanish.menuWording == .spanish)
    #expect(english.menuWording == .english)
  }

  @Test func spanishOutlineDumpHasNoEnglishLabels() throws {
    let copy = try XMLFixtures.bytes("mplus_topics_2024-08-10.19-topics.xmltodict.json")
    let (xml, _) = try TopicsJSONToXML.file(fromJSON: Data(copy))
    let collection = try XMLFixtures.read(xml)
    let peptic = try #require(collection.topics.first { $0.title == "Úlcera péptica" })
    let dump = PageOutlineDump.render(peptic)
    let lines = dump.split(separator: "\n").map(String.init)
    #expect(lines.contains("En esta página"))
    #expect(lines.contains("  Lo básico"))
    #expect(lines.contains("  Aprenda más"))
    #expect(lines.contains("  Para usted"))
    #expect(lines.contains("  Más en esta página"))
    for english in [
      "On this page", "More on this page", "Basics", "Learn More", "See, Play and Learn",
      "Research", "Resources", "For You", "no links available",
    ] {
      #expect(!lines.contains { $0.trimmingSpaces == english }, "\(english)")
      #expect(!dump.contains("(\(english))"), "\(english)")
    }
    if peptic.outline.contains(where: \.hasNoLinks) {
      #expect(lines.contains("    (no hay enlaces disponibles)"))
    }
    // The JSON keeps `title` as the group's identity and adds what the page shows.
    let json = Data(PageJSON.value(peptic).serialized().utf8)
    let object = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
    let first = try #require((object["outline"] as? [[String: Any]])?.first)
    #expect(first["title"] as? String == "Basics")
    #expect(first["label"] as? String == "Lo básico")
  }

  // MARK: - 19 topics of the 2024 file, from the JSON copy

  @Test func nineteenTopicsFromTheJSONCopy() throws {
    let json = try XMLFixtures.bytes("mplus_topics_2024-08-10.19-topics.xmltodict.json")
    let (xml, titles) = try TopicsJSONToXML.file(fromJSON: Data(json))
    #expect(titles.count == 19)
    let collection = try XMLFixtures.read(xml)
    #expect(collection.truncation == nil)
    #expect(collection.topics.map(\.title) == titles)
    #expect(collection.topics.contains { $0.title == "Úlcera péptica" && $0.language == "es" })
    #expect(collection.topics.contains { $0.title == "Acné" })
    #expect(collection.topics.filter { $0.language == "es" }.count == 12)
    for page in collection.topics {
      #expect(page.sections.first?.id == "summary", "\(page.title)")
      #expect(page.outline.count == 6, "\(page.title)")
      #expect(!page.links.isEmpty, "\(page.title)")
      #expect(page.sections.allSatisfy { !$0.blocks.isEmpty }, "\(page.title)")
    }
    let acne = try #require(collection.topics.first { $0.title == "Acne" })
    #expect(acne.sectionIndex(anchor: "other-languages") != nil)
    let peptic = try #require(collection.topics.first { $0.title == "Úlcera péptica" })
    #expect(
      peptic.sections.first?.blocks.last.map { block in
        if case .attribution(let text) = block { return text.hasPrefix("NIH: Instituto Nacional") }
        return false
      } == true)
  }
}

// MARK: - Helpers

/// Corpus files and small XML documents for these tests.
private enum XMLFixtures {
  static let directory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Corpus")

  static func bytes(_ name: String) throws -> [UInt8] {
    Array(try Data(contentsOf: directory.appendingPathComponent(name)))
  }

  static func text(_ name: String) throws -> String {
    String(decoding: try bytes(name), as: UTF8.self)
  }

  static func read(_ bytes: [UInt8]) throws -> TopicCollection {
    guard case .collection(let collection) = try HealthTopicsXMLReader.read(bytes, origin: nil)
    else { throw FixtureError.notACollection }
    return collection
  }

  static func read(_ text: String) throws -> TopicCollection {
    try read(Array(text.utf8))
  }

  static func collection(_ name: String) throws -> TopicCollection {
    guard case .collection(let collection) = try PageReader.read(bytes(name), name: name) else {
      throw FixtureError.notACollection
    }
    return collection
  }

  static func firstPage(_ name: String) throws -> Page {
    guard let page = try collection(name).topics.first else { throw FixtureError.noTopic }
    return page
  }

  /// The resource links of the section with this anchor.
  static func links(in anchor: String, of page: Page) throws -> [Link] {
    guard let index = page.sectionIndex(anchor: anchor) else {
      throw FixtureError.noSection(anchor)
    }
    return page.sections[index].blocks.flatMap { block -> [Link] in
      if case .resources(let indices) = block { return indices.map { page.links[$0] } }
      return []
    }
  }

  /// Every text value of a page that came from the file.
  static func allTexts(of page: Page) -> [String] {
    var texts = [page.title] + page.alsoCalled + page.sections.map(\.title)
    texts += page.outline.flatMap { $0.entries.map(\.title) }
    texts += page.links.flatMap { [$0.title] + $0.organizations }
    if let topic = page.topic {
      texts += topic.groups + topic.seeReferences + topic.meshHeadings
      texts += [topic.twin?.title].compactMap { $0 }
    }
    for section in page.sections {
      for block in section.blocks {
        switch block {
        case .paragraph(let runs): texts.append(runs.plainText)
        case .attribution(let text): texts.append(text)
        case .list(_, let items):
          for case .paragraph(let runs) in items.flatMap({ $0 }) { texts.append(runs.plainText) }
        default: break
        }
      }
    }
    return texts
  }

  static func file(
    doctype: String =
      "<!DOCTYPE health-topics PUBLIC \"-//NLM//DTD health-topics //EN\" \"https://medlineplus.gov/xml/mplus_topics.dtd\">",
    topics: String
  ) -> String {
    """
    <?xml version="1.0" encoding="UTF-8"?>
    \(doctype)
    <health-topics total="1" date-generated="01/01/2025 00:00:00">
    \(topics)</health-topics>

    """
  }

  static func topic(title: String, body: String) -> String {
    """
    <health-topic title="\(title)" url="https://medlineplus.gov/\(title.lowercased()).html" id="1" language="English">
    \(body)
    </health-topic>

    """
  }

  static func escaped(_ text: String) -> String {
    text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
      .replacingOccurrences(of: ">", with: "&gt;")
  }

  static func offsets(of needle: String, in bytes: [UInt8]) -> [Int] {
    let pattern = Array(needle.utf8)
    guard bytes.count >= pattern.count else { return [] }
    return (0...(bytes.count - pattern.count)).filter { start in
      bytes[start] == pattern[0] && Array(bytes[start..<(start + pattern.count)]) == pattern
    }
  }

  static func offset(of needle: String, in bytes: [UInt8]) -> Int? {
    offsets(of: needle, in: bytes).first
  }

  enum FixtureError: Error {
    case notACollection
    case noTopic
    case noSection(String)
  }
}

/// Rebuilds `<health-topic>` XML from the xmltodict-style JSON copy of the 2024 file, the
/// summary escaped as in the official files. JSON loses the order of keys and of mixed
/// content, so children follow the schema's order and summary paragraphs come before lists,
/// the attribution paragraph (the one with a `class`) last.
private enum TopicsJSONToXML {
  static let children = [
    "also-called", "full-summary", "group", "language-mapped-topic", "mesh-heading",
    "other-language", "primary-institute", "related-topic", "see-reference", "site",
  ]

  /// The whole file and the topic titles in file order.
  static func file(fromJSON data: Data) throws -> (String, [String]) {
    let root = try JSONSerialization.jsonObject(with: data) as? [String: Any]
    let file = root?["health-topics"] as? [String: Any] ?? [:]
    let topics = list(file["health-topic"]).compactMap { $0 as? [String: Any] }
    var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<health-topics\(attributes(file))>\n"
    for topic in topics {
      xml += "<health-topic\(attributes(topic))>\n"
      for name in children {
        for value in list(topic[name]) {
          xml +=
            name == "full-summary"
            ? "<full-summary>\(escape(summary(value)))</full-summary>\n"
            : element(name, value) + "\n"
        }
      }
      xml += "</health-topic>\n"
    }
    return (xml + "</health-topics>\n", topics.map { text($0["@title"]) })
  }

  static func summary(_ value: Any) -> String {
    guard let object = value as? [String: Any] else { return "<p>\(escape(text(value)))</p>" }
    var body = ""
    var attribution = ""
    for value in list(object["h3"]) { body += element("h3", value) }
    for value in list(object["p"]) {
      if (value as? [String: Any])?["@class"] != nil {
        attribution += element("p", value)
      } else {
        body += element("p", value)
      }
    }
    for key in object.keys.sorted()
    where !["h3", "p"].contains(key) && !key.hasPrefix("@") && key != "#text" {
      for value in list(object[key]) { body += element(key, value) }
    }
    return body + attribution
  }

  static func element(_ name: String, _ value: Any) -> String {
    guard let object = value as? [String: Any] else {
      return "<\(name)>\(escape(text(value)))</\(name)>"
    }
    var content = escape(text(object["#text"]))
    for key in object.keys.sorted() where !key.hasPrefix("@") && key != "#text" {
      for child in list(object[key]) { content += " " + element(key, child) }
    }
    return "<\(name)\(attributes(object))>\(content)</\(name)>"
  }

  static func attributes(_ object: [String: Any]) -> String {
    object.keys.filter { $0.hasPrefix("@") }.sorted().map {
      " \($0.dropFirst())=\"\(escape(text(object[$0])).replacingOccurrences(of: "\"", with: "&quot;"))\""
    }.joined()
  }

  static func list(_ value: Any?) -> [Any] {
    if let array = value as? [Any] { return array }
    return value.map { [$0] } ?? []
  }

  static func text(_ value: Any?) -> String { value as? String ?? "" }

  static func escape(_ text: String) -> String { XMLFixtures.escaped(text) }
}

/// A TCP listener on 127.0.0.1 that never accepts: a connection attempt would wait in its
/// queue, where `hasPendingConnection` sees it.
private final class LocalListener {
  let port: UInt16
  private let socketDescriptor: Int32

  init() throws {
    #if canImport(Glibc)
      let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    #else
      let descriptor = socket(AF_INET, SOCK_STREAM, 0)
    #endif
    guard descriptor >= 0 else { throw ListenerError.failed("socket") }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = 0
    let bound = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    guard bound == 0, listen(descriptor, 8) == 0 else {
      close(descriptor)
      throw ListenerError.failed("bind/listen")
    }
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let named = withUnsafeMutablePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        getsockname(descriptor, $0, &length)
      }
    }
    guard named == 0 else {
      close(descriptor)
      throw ListenerError.failed("getsockname")
    }
    port = UInt16(bigEndian: address.sin_port)
    socketDescriptor = descriptor
    _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
  }

  deinit { close(socketDescriptor) }

  var hasPendingConnection: Bool {
    var descriptor = pollfd(fd: socketDescriptor, events: Int16(POLLIN), revents: 0)
    return poll(&descriptor, 1, 50) > 0
  }

  enum ListenerError: Error {
    case failed(String)
  }
}
