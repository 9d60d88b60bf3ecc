/// Where a `site`'s `information-category` puts the link on a topic page, and the labels a
/// Spanish page shows.
///
/// The XML names categories in the topic's own language and has renamed them over the years
/// (2012's "Overviews", "Specific Conditions"), while a page shows one fixed set of menu
/// sections (`MedlinePlusCatalog.categories`). Names that clearly mean a menu section map to
/// its anchor; the rest land in an "Other" section, so a new name never loses a link.
enum XMLCategoryMap {
  /// Where the links of one category go.
  enum Placement: Hashable {
    /// A menu section, by its catalog anchor (`cat_51`).
    case menu(anchor: String)
    /// The "Medical Encyclopedia" section after the menu sections.
    case encyclopedia
    /// A category no page section matches.
    case other
    /// Bookkeeping categories the pages never show (`Spanish/Español`).
    case hidden
  }

  /// The placement of a category name, whatever its case and white space.
  static func placement(of category: String) -> Placement {
    // Categories are a few dozen names repeated a million times in a full file: the exact
    // spelling is looked up first, before any case folding.
    if let known = exactPlacements[category] { return known }
    let key = category.collapsingWhitespace.lowercased()
    if let known = placements[key] { return known }
    if key.hasPrefix("non-display") { return .hidden }
    if let category = MedlinePlusCatalog.category(titled: key), category.anchor != "summary" {
      return .menu(anchor: category.anchor)
    }
    return .other
  }

  /// The table with the spellings the files use: catalog titles and capitalised names.
  private static let exactPlacements: [String: Placement] = {
    var table: [String: Placement] = [:]
    for category in MedlinePlusCatalog.categories where category.anchor != "summary" {
      table[category.title] = .menu(anchor: category.anchor)
    }
    for (key, placement) in placements {
      table[key.prefix(1).uppercased() + key.dropFirst()] = placement
    }
    table["Spanish/Español"] = .hidden
    table["NON-DISPLAY (Patient Handout)"] = .hidden
    return table
  }()

  private static let placements: [String: Placement] = {
    var table: [String: Placement] = [
      "encyclopedia": .encyclopedia,
      "enciclopedia": .encyclopedia,
      "enciclopedia médica": .encyclopedia,
      "spanish/español": .hidden,
      "spanish/espanol": .hidden,
      // 2012 news feeds have no section on today's pages.
      "latest news": .other,
      "últimas noticias": .other,
    ]
    let menu: [(String, String)] = [
      // Spanish names seen in the 2024 file.
      ("comience aquí", "cat_51"),
      ("síntomas", "cat_95"),
      ("diagnóstico y exámenes", "cat_92"),
      ("prevención y factores de riesgo", "cat_93"),
      ("tratamientos y terapias", "cat_78"),
      ("más información", "learn-more"),
      ("viviendo con...", "cat_77"),
      ("viviendo con", "cat_77"),
      ("asuntos relacionados", "cat_47"),
      ("asuntos específicos", "cat_42"),
      ("genética", "cat_46"),
      ("interactivos y videos", "cat_94"),
      ("imágenes", "images"),
      ("estadísticas e investigación", "cat_79"),
      ("ensayos clínicos", "cat_27"),
      ("especialistas", "cat_83"),
      ("niños/as", "cat_8"),
      ("niños", "cat_8"),
      ("adolescentes", "cat_24"),
      ("hombres", "men"),
      ("mujeres", "cat_7"),
      ("personas mayores", "cat_23"),
      // 2012 English names, mapped where today's section is plainly the same thing.
      ("overviews", "learn-more"),
      ("diagnosis/symptoms", "cat_92"),
      ("specific conditions", "cat_42"),
      ("treatment", "cat_78"),
      ("prevention/screening", "cat_93"),
      ("coping", "cat_77"),
      ("tutorials", "cat_94"),
      ("interactive tutorials", "cat_94"),
      ("videos", "cat_94"),
      ("pictures & photographs", "images"),
      ("statistics", "cat_79"),
      ("research", "cat_79"),
      ("dictionaries/glossaries", "cat_82"),
      ("organizations", "cat_83"),
      ("directories", "cat_83"),
      ("seniors", "cat_23"),
      // 2012 Spanish names.
      ("resúmenes", "learn-more"),
      ("diagnósticos/síntomas", "cat_92"),
      ("condiciones específicas", "cat_42"),
      ("tutoriales", "cat_94"),
      ("organizaciones", "cat_83"),
    ]
    for (name, anchor) in menu { table[name] = .menu(anchor: anchor) }
    return table
  }()

  /// The section titles of Spanish pages by anchor, as the 2024 Spanish file names the
  /// categories. Sections not listed keep the name the file used, or the English title.
  static let spanishSectionTitles: [String: String] = [
    "cat_51": "Comience aquí",
    "cat_95": "Síntomas",
    "cat_92": "Diagnóstico y exámenes",
    "cat_93": "Prevención y factores de riesgo",
    "cat_78": "Tratamientos y terapias",
    "learn-more": "Más información",
    "cat_77": "Viviendo con...",
    "cat_47": "Asuntos relacionados",
    "cat_42": "Asuntos específicos",
    "cat_94": "Interactivos y videos",
    "images": "Imágenes",
    "cat_79": "Estadísticas e investigación",
    "cat_83": "Especialistas",
    "cat_8": "Niños/as",
    "cat_24": "Adolescentes",
    "cat_7": "Mujeres",
  ]

  /// Titles of the sections that are not categories, in the page's language. The Spanish
  /// ones follow MedlinePlus en español's usage but were not checked against a captured
  /// Spanish page.
  struct FixedTitles {
    let summary: String
    let encyclopedia: String
    let other: String
    let relatedTopics: String
    let institutes: String
    let otherLanguages: String

    static let english = FixedTitles(
      summary: "Summary", encyclopedia: "Medical Encyclopedia", other: "Other",
      relatedTopics: "Related Health Topics", institutes: "National Institutes of Health",
      otherLanguages: "Other Languages")
    static let spanish = FixedTitles(
      summary: "Resumen", encyclopedia: "Enciclopedia médica", other: "Otros",
      relatedTopics: "Temas de salud relacionados",
      institutes: "Institutos Nacionales de la Salud", otherLanguages: "Otros idiomas")
  }
}
