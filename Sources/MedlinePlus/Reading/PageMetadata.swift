/// What a reader knows of a page besides its body: header fields, `<head>` facts, origin.
struct PageMetadata {
  var title: String?
  var description: String?
  var origin: String?
  var language: String?
  var format: SourceFormat
}
