import BrowserCore
import MedlinePlus

/// Asks the MedlinePlus search service, through `medterm-fetch` like every web request, at
/// the address `MEDTERM_SEARCH_URL` gives (tests aim it at 127.0.0.1), else the service's.
struct SearchServiceClient {
  let base: String

  init(environment: [String: String]) {
    let configured = environment["MEDTERM_SEARCH_URL"].map { $0.trimmingSpaces } ?? ""
    base = configured.isEmpty ? SearchService.defaultBase : configured
  }

  /// One page of results for `words`, or the sentence that says why there is none.
  func search(_ words: String, language: ServiceLanguage, start: Int = 0) -> Result<
    SearchAnswer, LoadFailure
  > {
    let address = SearchService.address(
      base: base, words: words, language: language, start: start)
    switch PageLoader().loadNow(address) {
    case .failure(let failure):
      return .failure(LoadFailure("the MedlinePlus search service: " + failure.message))
    case .success(let resource):
      do {
        return .success(try SearchAnswerReader.read(resource.bytes))
      } catch {
        return .failure(LoadFailure(error.message))
      }
    }
  }
}
