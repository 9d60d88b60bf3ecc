import CLibXML2

/// Reads a web page's article: the extractor's attempts, from most to least trusting, until
/// one finds an article long enough, and the markup of the best.
enum ArticleReading {
  struct Result {
    var markup: [MarkupBlock]
    var byline: String?
  }

  static func read(
    document: HTMLDocument, body: xmlNodePtr, bytes: [UInt8], url: String?, encoding: String?,
    title: String?, walker: HTMLMarkupWalker
  ) -> Result {
    let attempts = [
      ArticleExtractor.Trust(),
      ArticleExtractor.Trust(furnitureNames: false),
      ArticleExtractor.Trust(furnitureNames: false, classWeights: false),
      ArticleExtractor.Trust(furnitureNames: false, classWeights: false, cleaning: false),
    ]
    var best: (result: Result, length: Int)?
    for (number, trust) in attempts.enumerated() {
      // Each attempt changes the tree it reads, so every one after the first reads the
      // page afresh.
      let fresh = number == 0 ? nil : HTMLDocument(bytes: bytes, url: url, encoding: encoding)
      let root =
        number == 0 ? body : fresh?.root.map { HTMLReader.child(named: "body", of: $0) ?? $0 }
      guard let root else { break }
      let (markup, byline, length) = withExtendedLifetime(fresh) {
        var extractor = ArticleExtractor(title: title, trust: trust)
        let article = extractor.extract(body: root)
        let markup = article.map { walker.blocks(ofElements: $0.nodes) } ?? []
        for node in extractor.detached { xmlFreeNode(node) }
        return (markup, article?.byline, article?.textLength ?? 0)
      }
      if best == nil || length > best?.length ?? 0 {
        best = (Result(markup: markup, byline: byline), length)
      }
      if length >= ArticleExtractor.shortestArticle { break }
    }
    return best?.result ?? Result(markup: walker.blocks(of: body), byline: nil)
  }
}
