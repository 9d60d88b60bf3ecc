import Testing

@testable import MedlinePlus

/// The three docling renderings of real MedlinePlus pages (2025).
@Suite struct DoclingPageTests {
  @Test func diabetesMedicinesHasNoAlsoCalledAndAnEmptyGroup() throws {
    let page = try Corpus.page("diabetesmedicines.docling.md")
    #expect(page.format == .markdown)
    #expect(page.title == "Diabetes Medicines")
    #expect(page.alsoCalled.isEmpty)
    let see = try #require(page.outline.first { $0.title == "See, Play and Learn" })
    #expect(see.hasNoLinks)
    #expect(page.outline.flatMap(\.entries).allSatisfy { $0.section != nil })
  }

  @Test func menuAnchorsPointAtTheirSections() throws {
    let page = try Corpus.page("highbloodpressure.docling.md")
    #expect(page.outline.flatMap(\.entries).count == 21)
    for entry in page.outline.flatMap(\.entries) {
      let section = try #require(entry.section.map { page.sections[$0] })
      #expect(section.title == entry.title)
      let expected = MedlinePlusCatalog.category(titled: entry.title)?.anchor
      #expect(section.id == expected)
    }
    #expect(page.alsoCalled.last == "Hypertension")
  }

  @Test func summaryTableIsATable() throws {
    let page = try Corpus.page("highbloodpressure.docling.md")
    let summary = try #require(page.section(titled: "Summary"))
    let tables = summary.blocks.compactMap { block -> Table? in
      if case .table(let table) = block { return table }
      return nil
    }
    let table = try #require(tables.first)
    #expect(table.hasHeader)
    #expect(table.rows.count == 6)
    #expect(
      table.rows[0] == [
        "Blood Pressure Category", "Systolic Blood Pressure", "", "Diastolic Blood Pressure",
      ])
    #expect(table.rows[1] == ["Normal", "Less than 120", "and", "Less than 80"])
  }

  @Test func badgesOnTheirOwnLinesBelongToTheItemAbove() throws {
    let page = try Corpus.page("diabetesmedicines.docling.md")
    let startHere = page.resources(in: "Start Here")
    #expect(startHere.count == 5)
    let insulin = try #require(
      startHere.first { $0.title == "Insulin, Medicines, and Other Diabetes Treatments" })
    #expect(insulin.badges == [.nih, .easyToRead])
    #expect(
      insulin.spanishURL?.hasPrefix(
        "https://www.niddk.nih.gov/health-information/informacion-de-la-salud/") == true)
    let women = page.resources(in: "Women")
    #expect(women.map(\.badges) == [[.video]])
  }

  @Test func pdfMarkersSeeMoreLinksAndSpanishURLs() throws {
    let page = try Corpus.page("diabetesmedicines.docling.md")
    let related = page.resources(in: "Related Issues")
    let managing = try #require(related.first { $0.title == "Managing Your Medicines" })
    #expect(managing.badges == [.pdf])
    #expect(managing.organizations == ["American Diabetes Association"])
    let journal = page.resources(in: "Journal Articles")
    #expect(journal.last?.kind == .more)
    #expect(journal.last?.title == "Diabetes Medicines -- see more articles")
    #expect(journal.last?.url?.hasPrefix("https://pubmed.ncbi.nlm.nih.gov/?term=") == true)
    let expert = page.resources(in: "Find an Expert")
    #expect(expert.first?.organizations == [])
    #expect(expert.first?.url == "https://diabetes.org/")
  }

  @Test func unnamedSectionsAndInlineLinks() throws {
    let page = try Corpus.page("diabetes.docling.md")
    let unnamed = page.sectionsOutsideOutline.map { page.sections[$0].title }
    #expect(unnamed == MedlinePlusCatalog.unnamedSections)
    #expect(
      page.resources(in: "Related Health Topics").allSatisfy {
        $0.url?.hasPrefix("https://medlineplus.gov/") == true
      })
    let summaryLinks = page.links.filter { $0.section == 0 }
    #expect(summaryLinks.allSatisfy { $0.kind == .inline && $0.url != nil })
    #expect(!summaryLinks.isEmpty)
    #expect(!page.allText.contains("Show More"))
    #expect(!page.allText.contains("Learn how to cite"))
  }

  @Test func markdownWithoutMedlinePlusShapeGetsAHeadingOutline() throws {
    let page = try Corpus.page("PROVENANCE.md")
    #expect(page.outline.count == 1)
    #expect(page.title == "Corpus provenance (developer set)")
    #expect(page.outline[0].entries.map(\.title) == ["Corpus provenance (developer set)"])
  }
}
