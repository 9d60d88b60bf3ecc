import MedlinePlus

extension PagerTextWriter {
  /// How `linkEntry` writes a link.
  struct LinkEntryOptions {
    /// Cells before the number.
    var indent = 0
    /// Cells the widest number of the list takes (`[23]` is 4), so titles line up.
    var numberWidth = 0
    /// Organizations and the Spanish twin, besides title, badges and address.
    var details = false
    /// What stands in for a missing address.
    var missingAddress = "(no address)"
  }

  /// One link of a list: `[n] title  badges`, then (indented under the title) the
  /// organizations, the address and the Spanish twin.
  mutating func linkEntry(_ link: Link, number: Int, options: LinkEntryOptions) {
    let label = "[\(number)]"
    let numberPad = max(0, options.numberWidth - label.count)
    let lead = String(repeating: " ", count: options.indent + numberPad)
    let hangingWidth = options.indent + max(options.numberWidth, label.count) + 1
    let hanging = [StyledSpan(String(repeating: " ", count: hangingWidth))]
    var title = [StyledSpan(link.title.isEmpty ? "(untitled link)" : link.title, .link)]
    for badge in link.badges {
      title += [StyledSpan(" "), StyledSpan(badge.rawValue, .badge)]
    }
    wrap(
      title, prefix: [StyledSpan(lead), StyledSpan(label, .linkNumber), StyledSpan(" ")],
      continuation: hanging)
    if options.details && !link.organizations.isEmpty {
      wrap(
        [StyledSpan(link.organizations.joined(separator: ", "), .organization)],
        prefix: hanging, continuation: hanging)
    }
    if let url = link.url, !PagerSanitizer.text(url).isEmpty {
      self.url(url, indent: hangingWidth)
    } else {
      wrap([StyledSpan(options.missingAddress, .dim)], prefix: hanging, continuation: hanging)
    }
    if options.details && link.alsoInSpanish {
      if let spanish = link.spanishURL, !PagerSanitizer.text(spanish).isEmpty {
        emit(hanging + [StyledSpan("Also in Spanish: "), StyledSpan(preparedURL(spanish))])
      } else {
        wrap([StyledSpan("Also in Spanish")], prefix: hanging, continuation: hanging)
      }
    }
  }

  /// The cells `[n]` takes for the largest number of a list.
  static func numberWidth(count: Int) -> Int {
    "[\(max(1, count))]".count
  }
}
