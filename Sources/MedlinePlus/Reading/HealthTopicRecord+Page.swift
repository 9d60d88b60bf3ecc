/// Lays a topic record out as the MedlinePlus page shows it, so the browser cannot tell an
/// XML topic from a fetched page: Summary, one section per menu category in menu order,
/// then Medical Encyclopedia, Related Health Topics, National Institutes of Health and Other
/// Languages; the outline has all six menu groups, empty ones included.
extension HealthTopicRecord {
  private static let journalSubtitle =
    "References and abstracts from MEDLINE/PubMed (National Library of Medicine)"
  private static let journalMoreSuffix = " -- see more articles"

  /// The page for this topic. `fallbackOrigin` (the file) is used when the topic has no URL.
  func page(fallbackOrigin: String?) -> Page {
    let tag = Self.languageTag(language)
    let spanish = tag == "es"
    let fixed = spanish ? XMLCategoryMap.FixedTitles.spanish : .english
    let origin = url ?? fallbackOrigin
    var assembler = PageAssembler(baseURL: origin)
    var sections: [Section] = []

    func addSection(_ section: (inout PageAssembler) -> Section?) {
      assembler.currentSection = sections.count
      if let built = section(&assembler) { sections.append(built) }
    }

    let info = topicInfo()
    addSection { assembler in
      let twin = info.twin.flatMap { Self.twinParagraph($0, assembler: &assembler) }
      let blocks = (twin.map { [$0] } ?? []) + summaryBlocks(assembler: &assembler)
      return blocks.isEmpty ? nil : Section(id: "summary", title: fixed.summary, blocks: blocks)
    }

    let placed = placedSites()
    for category in MedlinePlusCatalog.categories {
      guard let indices = placed.menu[category.anchor] else { continue }
      let isJournal = category.anchor == "cat_59"
      addSection { assembler in
        let links = indices.map { index in
          assembler.add(
            link(for: sites[index], seeMoreArticles: isJournal && !spanish, spanishPage: spanish))
        }
        let sectionTitle =
          spanish
          ? XMLCategoryMap.spanishSectionTitles[category.anchor]
            ?? placed.spanishNames[category.anchor] ?? category.title
          : category.title
        return Section(
          id: category.anchor, title: sectionTitle,
          subtitle: isJournal && !spanish ? Self.journalSubtitle : nil,
          blocks: [.resources(links)])
      }
    }
    for (id, sectionTitle, indices) in [
      ("other", fixed.other, placed.other),
      ("medical-encyclopedia", fixed.encyclopedia, placed.encyclopedia),
    ] where !indices.isEmpty {
      addSection { assembler in
        let links = indices.map {
          assembler.add(link(for: sites[$0], seeMoreArticles: false, spanishPage: spanish))
        }
        return Section(id: id, title: sectionTitle, blocks: [.resources(links)])
      }
    }
    addSection { assembler in
      let links = relatedTopics.compactMap { topic -> Int? in
        guard !topic.name.isEmpty else { return nil }
        return assembler.add(Link(title: topic.name, url: assembler.resolve(topic.url)))
      }
      return links.isEmpty
        ? nil
        : Section(
          id: "related-health-topics", title: fixed.relatedTopics, blocks: [.resources(links)])
    }
    addSection { assembler in
      institutesSection(topicTitle: title, spanish: spanish, fixed: fixed, assembler: &assembler)
    }
    addSection { assembler in
      otherLanguagesSection(topicTitle: title, fixed: fixed, assembler: &assembler)
    }

    return Page(
      title: title.isEmpty ? "Untitled page" : title,
      alsoCalled: alsoCalled.filter { !$0.isEmpty },
      summaryDescription: metaDescription.flatMap { $0.isEmpty ? nil : $0 },
      origin: origin,
      language: tag,
      format: .healthTopicsXML,
      outline: Self.outline(for: sections, wording: .forLanguage(tag)),
      sections: sections,
      links: assembler.links,
      topic: info)
  }

  /// The six menu groups with an entry per section present, in catalog order, labelled in
  /// the page's language.
  private static func outline(for sections: [Section], wording: MenuWording) -> [OutlineGroup] {
    var entries: [String: [OutlineEntry]] = [:]
    for (index, section) in sections.enumerated() {
      guard let category = MedlinePlusCatalog.category(anchor: section.id) else { continue }
      entries[category.group, default: []].append(
        OutlineEntry(title: section.title, section: index))
    }
    return MedlinePlusCatalog.groups.map { group in
      OutlineGroup(
        title: group, label: wording.label(forGroup: group), entries: entries[group] ?? [])
    }
  }

  private func topicInfo() -> TopicInfo {
    let twin = self.twin.flatMap { twin -> TopicReference? in
      guard !twin.name.isEmpty || twin.url != nil else { return nil }
      return TopicReference(
        title: twin.name, url: twin.url, id: twin.id,
        language: Self.languageTag(twin.language) ?? twin.language)
    }
    return TopicInfo(
      id: id,
      dateCreated: dateCreated,
      groups: groups.filter { !$0.isEmpty },
      twin: twin,
      seeReferences: seeReferences.filter { !$0.isEmpty },
      meshHeadings: meshDescriptors.filter { !$0.isEmpty })
  }

  // MARK: - The other-language twin

  /// The twin as a link at the top of the page, where MedlinePlus puts its language switch,
  /// worded as the page words its resources' twins ("Also in Spanish"): the browser opens it
  /// from the same file like any topic link, and `/` finds it.
  private static func twinParagraph(
    _ twin: TopicReference, assembler: inout PageAssembler
  ) -> Block? {
    guard let url = assembler.resolve(twin.url) else { return nil }
    let lead =
      switch twin.language {
      case "es": "Also in Spanish: "
      case "en": "También en inglés: "
      default: "Also in \(twin.language ?? "another language"): "
      }
    let text = twin.title.isEmpty ? url : twin.title
    let link = assembler.add(Link(title: text, url: url, kind: .inline, language: twin.language))
    return .paragraph([TextRun(lead), TextRun(text, link: link)])
  }

  // MARK: - Summary

  private func summaryBlocks(assembler: inout PageAssembler) -> [Block] {
    guard let html = summaryHTML, html.contains(where: { !$0.isSpaceLike }) else { return [] }
    var markup = HTMLReader.markup(fragment: html)
    Self.markAttribution(&markup, lastParagraphHasAttributes: Self.lastParagraphHasAttributes(html))
    return assembler.blocks(markup)
  }

  /// The summary's last paragraph names its source ("NIH: National Institute of …"). The
  /// files mark it with `class=""`, `class="attribution"` or a style attribute depending on
  /// the year, which only shows in the HTML text, so both the markup and its text decide.
  private static func markAttribution(
    _ markup: inout [MarkupBlock], lastParagraphHasAttributes: Bool
  ) {
    guard markup.count > 1, case .paragraph(let inlines, .body)? = markup.last else { return }
    let text = inlines.plainText.collapsingWhitespace
    let short = text.count < 160 && !text.hasSuffix(".") && !text.hasSuffix(":")
    if text.hasPrefix("NIH:") || (short && lastParagraphHasAttributes) {
      markup[markup.count - 1] = .paragraph(inlines, role: .attribution)
    }
  }

  /// True when the last `<p` tag of the HTML carries attributes.
  private static func lastParagraphHasAttributes(_ html: String) -> Bool {
    let bytes = Array(html.utf8)
    var index = bytes.count - 2
    while index >= 0 {
      if bytes[index] == UInt8(ascii: "<"), bytes[index + 1] | 0x20 == UInt8(ascii: "p") {
        let next = index + 2 < bytes.count ? bytes[index + 2] : 0
        if next == UInt8(ascii: ">") { return false }
        if next == UInt8(ascii: " ") || next == UInt8(ascii: "\t") || next == UInt8(ascii: "\n") {
          return true
        }
      }
      index -= 1
    }
    return false
  }

  // MARK: - Sites

  /// Site indices by where the page shows them. A site listed in several categories shows
  /// in each, but once per section when two of its categories map to the same section.
  private func placedSites() -> (
    menu: [String: [Int]], encyclopedia: [Int], other: [Int], spanishNames: [String: String]
  ) {
    var menu: [String: [Int]] = [:]
    var encyclopedia: [Int] = []
    var other: [Int] = []
    var spanishNames: [String: String] = [:]
    for (index, site) in sites.enumerated() {
      var seen: [XMLCategoryMap.Placement] = []
      for category in site.categories {
        let placement = XMLCategoryMap.placement(of: category)
        guard !seen.contains(placement) else { continue }
        seen.append(placement)
        switch placement {
        case .menu(let anchor):
          menu[anchor, default: []].append(index)
          if spanishNames[anchor] == nil { spanishNames[anchor] = category }
        case .encyclopedia: encyclopedia.append(index)
        case .other: other.append(index)
        case .hidden: continue
        }
      }
    }
    return (menu, encyclopedia, other, spanishNames)
  }

  private func link(for site: Site, seeMoreArticles: Bool, spanishPage: Bool) -> Link {
    var title = site.title
    let url = site.url
    var kind = Link.Kind.resource
    // The Journal Articles site is the PubMed search the page titles "<Topic> -- see more
    // articles"; the three "Article:" links above it on the page are not in the file.
    if seeMoreArticles, let url, url.contains("pubmed"), url.contains("term=") {
      kind = .more
      title += Self.journalMoreSuffix
    }
    var badges: [Badge] = []
    for description in site.standardDescriptions {
      if let badge = Badge(label: description.collapsingWhitespace), !badges.contains(badge) {
        badges.append(badge)
      }
    }
    // On a Spanish topic `language-mapped-url` is the English page, which the model has no
    // badge for, so only English topics get "Also in Spanish".
    let spanishURL = spanishPage ? nil : site.spanishURL
    return Link(
      title: title.isEmpty ? (url ?? "(untitled link)") : title,
      url: url,
      organizations: site.organizations.filter { !$0.isEmpty },
      badges: badges,
      alsoInSpanish: spanishURL != nil,
      spanishURL: spanishURL,
      kind: kind)
  }

  // MARK: - Closing sections

  private func institutesSection(
    topicTitle: String, spanish: Bool, fixed: XMLCategoryMap.FixedTitles,
    assembler: inout PageAssembler
  ) -> Section? {
    guard let institute = primaryInstitute else { return nil }
    let name = institute.name
    guard !name.isEmpty else { return nil }
    let lead =
      spanish
      ? "La organización principal de los NIH que investiga sobre \(topicTitle): "
      : "The primary NIH organization for research on \(topicTitle) is the "
    // The parts are cleaned already, so the runs are built here rather than by
    // `PageAssembler.runs`, which would clean them again; only the link is numbered there.
    var runs = [TextRun(lead)]
    if let url = institute.url {
      runs.append(TextRun(name, link: assembler.add(Link(title: name, url: url, kind: .inline))))
    } else {
      runs.append(TextRun(name))
    }
    return Section(
      id: "national-institutes-of-health", title: fixed.institutes, blocks: [.paragraph(runs)])
  }

  /// The page sends readers to one "languages" page for the topic; the file also names each
  /// language there, which the browser lists. The Spanish twin is not "another language".
  private func otherLanguagesSection(
    topicTitle: String, fixed: XMLCategoryMap.FixedTitles, assembler: inout PageAssembler
  ) -> Section? {
    let languages = otherLanguages.filter { language in
      Self.languageTag(language.name) != "es" && language.url != nil
    }
    guard let first = languages.first?.url else { return nil }
    let languagesPage = String(first.prefix { $0 != "#" })
    let linkText = "health information in languages other than English"
    let lead = [
      TextRun("Find "),
      TextRun(
        linkText, link: assembler.add(Link(title: linkText, url: languagesPage, kind: .inline))),
      TextRun(" on "), TextRun(topicTitle, style: .italic),
    ]
    let links = languages.map { language -> Int in
      let name = language.name
      let vernacular = language.vernacularName ?? ""
      let title = vernacular.isEmpty || vernacular == name ? name : "\(name) (\(vernacular))"
      return assembler.add(Link(title: title, url: language.url))
    }
    return Section(
      id: "other-languages", title: fixed.otherLanguages,
      blocks: [.paragraph(lead), .resources(links)])
  }
}
