import Foundation

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

extension Outcome {
  /// Maps a URLSession error onto a protocol kind. The argument names the host for the two
  /// kinds where the user needs to know which server failed (after redirects it may not be
  /// the one they asked for).
  init(error: Error, url: URL?, timeoutSeconds: Int) {
    let code =
      (error as? URLError)?.code ?? URLError.Code(rawValue: (error as NSError).code) ?? .unknown
    let host = url?.host ?? "-"
    let hostAndPort = url?.port.map { "\(host):\($0)" } ?? host
    switch code {
    case .badURL:
      self = .failure(kind: .invalidURL, argument: url?.absoluteString ?? "-")
    case .unsupportedURL:
      self = .failure(kind: .unsupportedScheme, argument: url?.scheme ?? "-")
    case .cannotFindHost, .dnsLookupFailed:
      self = .failure(kind: .hostNotFound, argument: host)
    case .cannotConnectToHost:
      self = .failure(kind: .connectionRefused, argument: hostAndPort)
    case .timedOut:
      self = .failure(kind: .timedOut, argument: String(timeoutSeconds))
    case .httpTooManyRedirects, .redirectToNonExistentLocation:
      self = .failure(kind: .tooManyRedirects, argument: "-")
    case .dataLengthExceedsMaximum:
      self = .failure(kind: .tooLarge, argument: "-")
    default:
      self = .failure(kind: .network, argument: Self.describe(code, error))
    }
  }

  /// Short, plain descriptions for the common cases; otherwise libcurl's own message, which
  /// URLSession passes on as the description (unless it is the empty "could not be
  /// completed", which tells the user nothing).
  private static func describe(_ code: URLError.Code, _ error: Error) -> String {
    switch code {
    case .networkConnectionLost: return "the connection was lost"
    case .notConnectedToInternet: return "there is no network connection"
    case .secureConnectionFailed: return "the secure connection failed"
    case .serverCertificateUntrusted, .serverCertificateHasBadDate,
      .serverCertificateHasUnknownRoot, .serverCertificateNotYetValid:
      return "the server's certificate is not trusted"
    case .cannotDecodeContentData, .cannotDecodeRawData, .cannotParseResponse:
      return "the reply could not be decoded"
    case .badServerResponse: return "the server sent a malformed reply"
    case .zeroByteResource: return "the server sent nothing"
    case .cancelled: return "the download was cancelled"
    default:
      let description = (error as NSError).localizedDescription
      guard !description.isEmpty, !description.hasPrefix("The operation could not") else {
        return "error \(code.rawValue)"
      }
      return description
    }
  }
}
