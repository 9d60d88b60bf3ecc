import BrowserCore
import MedlinePlus

/// Asks the MedlinePlus services, through `medterm-fetch` like every web request, at the
/// addresses `MEDTERM_SEARCH_URL` and `MEDTERM_CONNECT_URL` give (tests aim them at
/// 127.0.0.1), else the services' own.
struct ServiceClient {
  let searchBase: String
  let connectBase: String

  init(environment: [String: String]) {
    func configured(_ name: String, _ fallback: String) -> String {
      let value = environment[name].map { $0.trimmingSpaces } ?? ""
      return value.isEmpty ? fallback : value
    }
    searchBase = configured("MEDTERM_SEARCH_URL", SearchService.defaultBase)
    connectBase = configured("MEDTERM_CONNECT_URL", ConnectService.defaultBase)
  }

  /// One page of results for `words`, or the sentence that says why there is none.
  func search(_ words: String, language: ServiceLanguage, start: Int = 0) -> Result<
    SearchAnswer, LoadFailure
  > {
    let address = SearchService.address(
      base: searchBase, words: words, language: language, start: start)
    return fetch(address, service: "the MedlinePlus search service") {
      (bytes) throws(ServiceAnswerError) in try SearchAnswerReader.read(bytes)
    }
  }

  /// The pages Connect names for a code.
  func lookUp(_ code: MedicalCode, language: ServiceLanguage) -> Result<
    ConnectAnswer, LoadFailure
  > {
    let address = ConnectService.address(base: connectBase, code: code, language: language)
    return fetch(address, service: "MedlinePlus Connect") {
      (bytes) throws(ServiceAnswerError) in try ConnectService.read(bytes)
    }
  }

  private func fetch<Answer>(
    _ address: String, service: String,
    read: ([UInt8]) throws(ServiceAnswerError) -> Answer
  ) -> Result<Answer, LoadFailure> {
    switch PageLoader().loadNow(address) {
    case .failure(let failure):
      return .failure(LoadFailure(service + ": " + failure.message))
    case .success(let resource):
      do {
        return .success(try read(resource.bytes))
      } catch {
        return .failure(LoadFailure(error.message))
      }
    }
  }
}
