import BrowserCore
import BrowserMemory
import MedlinePlus

/// Asks the MedlinePlus services, through `medterm-fetch` like every web request, at the
/// addresses `MEDTERM_SEARCH_URL` and `MEDTERM_CONNECT_URL` give (tests aim them at
/// 127.0.0.1), else the services' own.
struct ServiceClient {
  let searchBase: String
  let connectBase: String
  let environment: [String: String]

  init(environment: [String: String]) {
    self.environment = environment
    searchBase = SearchService.base(environment: environment)
    connectBase = ConnectService.base(environment: environment)
  }

  /// One page of results for `words`, or the sentence that says why there is none.
  func search(_ words: String, language: ServiceLanguage, start: Int = 0) -> Result<
    (SearchAnswer, cachedAge: Int?), LoadFailure
  > {
    let address = SearchService.address(
      base: searchBase, words: words, language: language, start: start)
    return fetch(address, service: "the MedlinePlus search service") {
      (bytes) throws(ServiceAnswerError) in try SearchAnswerReader.read(bytes)
    }
  }

  /// The pages Connect names for a code.
  func lookUp(_ code: MedicalCode, language: ServiceLanguage) -> Result<
    (ConnectAnswer, cachedAge: Int?), LoadFailure
  > {
    let address = ConnectService.address(base: connectBase, code: code, language: language)
    return fetch(address, service: "MedlinePlus Connect") {
      (bytes) throws(ServiceAnswerError) in try ConnectService.read(bytes)
    }
  }

  /// The answer, from the service, or when it cannot answer from the cache (with the
  /// answer's age in seconds).
  private func fetch<Answer>(
    _ address: String, service: String,
    read: ([UInt8]) throws(ServiceAnswerError) -> Answer
  ) -> Result<(Answer, cachedAge: Int?), LoadFailure> {
    let loader = PageLoader(environment: environment)
    switch loader.loadNow(address) {
    case .failure(let failure):
      if let kept = loader.keptAnswer(for: address), let answer = try? read(kept.bytes) {
        return .success((answer, kept.age))
      }
      return .failure(LoadFailure(service + ": " + failure.message))
    case .success(let resource):
      do {
        let answer = try read(resource.bytes)
        loader.keepAnswer(resource.bytes, for: address)
        return .success((answer, nil))
      } catch {
        return .failure(LoadFailure(error.message))
      }
    }
  }
}
