/// `--dump links` (and the `L` view): every link, numbered in reading order, grouped by
/// section, with organizations, badges, Spanish twin and address.
public enum PageLinksDump {
  public static func render(_ page: Page) -> String {
    var out: [String] = ["Links of \(page.title)"]
    var currentSection: Int?? = .none
    for (index, link) in page.links.enumerated() {
      if currentSection != .some(link.section) {
        currentSection = .some(link.section)
        out.append("")
        out.append(link.section.map { page.sections[$0].title } ?? "(outside any section)")
      }
      var line = "  [\(index + 1)] \(link.title)"
      if !link.badges.isEmpty { line += "  " + link.badges.map(\.rawValue).joined(separator: " ") }
      out.append(line)
      let pad = String(repeating: " ", count: "  [\(index + 1)] ".count)
      if !link.organizations.isEmpty {
        out.append(pad + link.organizations.joined(separator: ", "))
      }
      out.append(pad + (link.url ?? "(no address in this copy)"))
      if link.alsoInSpanish {
        out.append(pad + "Also in Spanish" + (link.spanishURL.map { ": \($0)" } ?? ""))
      }
    }
    if page.links.isEmpty { out.append("(this page has no links)") }
    if !page.furnitureLinks.isEmpty {
      // Menus, footers, related lists: not the article's, still the page's.
      out.append("")
      out.append("Outside the article")
      for link in page.furnitureLinks {
        out.append("  - \(link.title.isEmpty ? "(untitled link)" : link.title)")
        out.append("    " + (link.url ?? "(no address in this copy)"))
      }
    }
    return out.joined(separator: "\n") + "\n"
  }
}
