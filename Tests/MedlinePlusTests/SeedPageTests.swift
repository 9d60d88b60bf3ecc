import Testing

@testable import MedlinePlus

/// The built-in page, read from `osteonecrosis.seed.txt`: what issue 3 says the text-dump
/// reader must recover from it.
@Suite struct SeedPageTests {
  let page: Page

  init() throws {
    page = try Corpus.page("osteonecrosis.seed.txt")
  }

  @Test func builtInPageIsTheSeedByteForByte() throws {
    #expect(BuiltInPage.bytes == (try Corpus.bytes("osteonecrosis.seed.txt")))
  }

  @Test func headerFields() {
    #expect(page.format == .textDump)
    #expect(page.title == "Osteonecrosis")
    #expect(page.origin == "https://medlineplus.gov/osteonecrosis.html")
    #expect(
      page.summaryDescription?.hasPrefix("Osteonecrosis (Avascular Necrosis) is marked") == true)
    #expect(page.language == "en")
    #expect(page.alsoCalled == ["Aseptic necrosis", "Avascular necrosis", "Ischemic necrosis"])
  }

  @Test func outlineHasTheSixGroupsAndElevenEntries() {
    #expect(
      page.outline.map(\.title) == [
        "Basics", "Learn More", "See, Play and Learn", "Research", "Resources", "For You",
      ])
    let entries = page.outline.map { $0.entries.map(\.title) }
    #expect(
      entries == [
        ["Summary", "Start Here", "Diagnosis and Tests", "Treatments and Therapies"],
        ["Specifics", "Genetics"],
        [],
        ["Clinical Trials", "Journal Articles"],
        ["Find an Expert"],
        ["Children", "Patient Handouts"],
      ])
    #expect(page.outline[2].hasNoLinks)
    for entry in page.outline.flatMap(\.entries) {
      #expect(entry.section.map { page.sections[$0].title } == entry.title)
    }
  }

  @Test func sectionsInPageOrderWithTheFourUnnamedOnes() {
    #expect(
      page.sections.map(\.title) == [
        "Summary", "Start Here", "Diagnosis and Tests", "Treatments and Therapies", "Specifics",
        "Genetics", "Clinical Trials", "Journal Articles", "Find an Expert", "Children",
        "Patient Handouts", "Topic Image", "Medical Encyclopedia", "Related Health Topics",
        "National Institutes of Health",
      ])
    #expect(page.sectionsOutsideOutline.map { page.sections[$0].title }.count == 4)
    #expect(page.sections.map(\.id).prefix(3) == ["summary", "cat_51", "cat_92"])
  }

  @Test func wrappedJournalArticlesHeadingKeepsItsSubtitle() throws {
    let journal = try #require(page.section(titled: "Journal Articles"))
    #expect(
      journal.subtitle
        == "References and abstracts from MEDLINE/PubMed (National Library of Medicine)")
    let links = page.resources(in: "Journal Articles")
    #expect(links.count == 4)
    #expect(links.prefix(3).allSatisfy { $0.title.hasPrefix("Article: ") && $0.kind == .resource })
    #expect(links.last?.title == "Osteonecrosis -- see more articles")
    #expect(links.last?.kind == .more)
  }

  @Test func seventeenResourceLinksOutsideJournalArticles() {
    let menuSections = page.outline.flatMap(\.entries).compactMap(\.section)
    let resources = menuSections.flatMap { page.resources(in: page.sections[$0].title) }
      .filter { page.sections[$0.section ?? 0].title != "Journal Articles" }
    #expect(resources.count == 17)
    #expect(resources.allSatisfy { $0.url == nil })
    #expect(page.resources(in: "Medical Encyclopedia").map(\.title) == ["Osteonecrosis"])
    #expect(
      page.resources(in: "Related Health Topics").map(\.title) == ["Hip Injuries and Disorders"])
  }

  @Test func organizationsBadgesAndSpanishTwins() throws {
    let children = page.resources(in: "Children")
    #expect(
      children.map(\.title) == ["Avascular Necrosis", "Legg-Calvé-Perthes Disease (For Parents)"])
    #expect(
      children.map(\.organizations) == [
        ["CureSearch for Children's Cancer"], ["Nemours Foundation"],
      ])

    let diagnosis = page.resources(in: "Diagnosis and Tests")
    #expect(
      diagnosis.map(\.title) == ["Body CT (CAT Scan)", "Bone Scan", "Bone X-Ray (Radiography)"])
    #expect(
      diagnosis[0].organizations == [
        "American College of Radiology", "Radiological Society of North America",
      ])
    #expect(diagnosis[2].badges == [.video])
    #expect(diagnosis.allSatisfy { $0.alsoInSpanish })

    let startHere = page.resources(in: "Start Here")
    #expect(startHere[1].badges == [.nih])
    #expect(
      startHere[1].organizations == [
        "National Institute of Arthritis and Musculoskeletal and Skin Diseases"
      ])

    let expert = try #require(page.resources(in: "Find an Expert").first)
    #expect(expert.title == "National Institute of Arthritis and Musculoskeletal and Skin Diseases")
    #expect(expert.organizations.isEmpty)
    #expect(expert.badges == [.nih])
    #expect(expert.alsoInSpanish)

    let specifics = page.resources(in: "Specifics")
    #expect(specifics[0].title == "Kienböck's Disease")
    #expect(!specifics[0].alsoInSpanish)
    #expect(
      page.resources(in: "Genetics")[0].title
        == "Genetics Home Reference: Legg-Calvé-Perthes disease")
  }

  @Test func summaryKeepsItsListAndAttribution() throws {
    let summary = try #require(page.section(titled: "Summary"))
    guard case .attribution(let source)? = summary.blocks.last else {
      Issue.record("the summary does not end with its attribution")
      return
    }
    #expect(source == "NIH: National Institute of Arthritis and Musculoskeletal and Skin Diseases")
    let lists = summary.blocks.compactMap { block -> [[Block]]? in
      if case .list(_, let items) = block { return items }
      return nil
    }
    #expect(lists.count == 1)
    #expect(lists.first?.count == 4)
    #expect(summary.blocks.first?.allText.hasPrefix("Osteonecrosis is a disease caused") == true)
  }

  @Test func siteChromeIsNotContent() {
    let text = page.allText
    for chrome in [
      "Skip navigation", "Stay Connected", "Sign up for the My MedlinePlus", "Disclaimers",
      "Customer Support", "Return to top", "Page last updated",
      "U.S. National Library of Medicine 8600",
      "Search MedlinePlus", "You Are Here",
    ] {
      #expect(!text.contains(chrome), "chrome leaked into the page: \(chrome)")
    }
  }

  @Test func textIsRepairedAndClean() {
    let text = page.allText
    #expect(text.contains("Kienböck's"))
    #expect(text.contains("Calvé"))
    #expect(!text.contains("Ã"))
    #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
  }
}
