import MedlinePlus

/// The MedlinePlus search service from inside the browser: `F` asks for words, the answer's
/// topics list in a topic index over the view, and a failed or empty answer says so on the
/// status line and leaves the reader where they were.
extension BrowserSession {
  func medlinePlusSearchPrompt() -> PromptView {
    PromptView(
      label: "Search MedlinePlus: ", purpose: .medlinePlusSearch,
      history: histories.history(for: .medlinePlusSearch),
      onSubmit: { [unowned self] typed in
        let words = typed.trimmingSpaces
        guard !words.isEmpty else { return .done }
        return .later { [unowned self] in
          searchMedlinePlus(words)
          return .done
        }
      })
  }

  /// The language searched in: the page's, when it is a Spanish page; else English.
  var serviceLanguage: ServiceLanguage {
    guard let page = currentPage?.state.page, let language = page.language else { return .english }
    return language.lowercased().hasPrefix("es") ? .spanish : .english
  }

  /// Sends the words (on Enter, never per keystroke) and shows the answer.
  func searchMedlinePlus(_ words: String, language: ServiceLanguage? = nil) {
    let language = language ?? serviceLanguage
    guard let host else {
      top.say("this medterm cannot reach the MedlinePlus search service")
      bellPending = true
      return
    }
    guard mayAskTheSearchService() else { return }
    let address = SearchService.address(
      base: searchServiceBase, words: words, language: language)
    // Offline, or the service is down: the answer kept from an earlier search, if any.
    func unanswered(_ failure: LoadFailure) -> ViewAction {
      if let kept = host.keptAnswer(for: address) {
        return present(kept.bytes, searchedFor: words, language: language, cachedAge: kept.age)
      }
      top.say("the MedlinePlus search service: " + failure.message)
      return .bell
    }
    switch host.load(address) {
    case .failure(let failure):
      perform(unanswered(failure))
    case .success(let task):
      push(
        LoadingView(task: task, hostName: "the MedlinePlus search service") {
          [unowned self] result in
          switch result {
          case .failure(let failure) where failure.cancelled:
            top.say("search cancelled")
            return .done
          case .failure(let failure):
            return unanswered(failure)
          case .success(let resource):
            let action = present(resource.bytes, searchedFor: words, language: language)
            if case .push = action { host.keepAnswer(resource.bytes, for: address) }
            return action
          }
        })
    }
  }

  /// Asks for the next page of a search's results and adds it to the index on top.
  func loadMore(of results: ServiceResultsCatalog) {
    guard let words = results.words, results.hasMore, let host else { return }
    guard mayAskTheSearchService() else { return }
    let address = SearchService.address(
      base: searchServiceBase, words: words, language: results.language,
      start: results.items.count)
    guard case .success(let task) = host.load(address) else {
      top.say("the MedlinePlus search service cannot be reached for more results")
      return
    }
    push(
      LoadingView(task: task, hostName: "more results") { [unowned self] result in
        switch result {
        case .failure(let failure):
          top.say(
            failure.cancelled
              ? "no more results asked for" : "the MedlinePlus search service: " + failure.message)
          return .done
        case .success(let resource):
          let answer: SearchAnswer
          do throws(ServiceAnswerError) {
            answer = try SearchAnswerReader.read(resource.bytes)
          } catch {
            top.say(error.message)
            return .done
          }
          let before = results.items.count
          results.append(answer)
          (top as? IndexView)?.catalogGrew()
          let added = results.items.count - before
          top.say(added == 0 ? "no new results" : "\(added) more result\(added == 1 ? "" : "s")")
          return .done
        }
      })
  }

  /// True when a request may go now; else the reader is told how long to wait.
  private func mayAskTheSearchService() -> Bool {
    let now = clock()
    let wait = searchPacer.wait(at: now)
    guard wait <= 0 else {
      let seconds = Int(wait.rounded(.up))
      top.say(
        "MedlinePlus asks for at most \(searchPacer.limit) searches a minute: try again in "
          + "\(seconds) second\(seconds == 1 ? "" : "s")")
      bellPending = true
      return false
    }
    searchPacer.record(at: now)
    return true
  }

  /// The search service's address: `MEDTERM_SEARCH_URL`, else the service's own.
  var searchServiceBase: String { SearchService.base(environment: environment) }

  private func present(
    _ bytes: [UInt8], searchedFor words: String, language: ServiceLanguage,
    cachedAge: Int? = nil
  ) -> ViewAction {
    let answer: SearchAnswer
    do {
      answer = try SearchAnswerReader.read(bytes)
    } catch {
      top.say(error.message)
      return .bell
    }
    guard !answer.results.isEmpty else {
      top.say("MedlinePlus has no topic for \u{201C}\(words)\u{201D} (\(language.name))")
      return .bell
    }
    let size = terminal.size
    let languages: LanguageChoice = language == .english ? .english : .spanish
    let results = ServiceResultsCatalog(answer, words: words, language: language)
    if let cachedAge { results.note = "from the cache, \(WhenText.age(seconds: cachedAge)) old" }
    let index = IndexView(
      IndexState(
        catalog: results, width: size.width, height: size.height, languages: languages,
        glyphs: glyphs))
    if cachedAge != nil {
      index.say("the MedlinePlus search service did not answer: these are the results kept")
    }
    return .push(index)
  }
}
