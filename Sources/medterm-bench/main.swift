import Foundation
@testable import MedlinePlus

let path = CommandLine.arguments[1]
let data = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
let step = Int(CommandLine.arguments[2]) ?? 1
var stats: [String: Int] = [:]
var offset = 0
while offset <= data.count {
  let cut = Array(data[..<offset])
  let closes = countCloses(cut)
  var outcome: String
  do {
    let doc = try HealthTopicsXMLReader.read(cut, origin: nil)
    if case .collection(let c) = doc {
      if let t = c.truncation {
        outcome = "trunc \(c.topics.count == closes ? "ok" : "LOST \(c.topics.count)/\(closes)")"
        _ = t
      } else {
        outcome = "complete \(c.topics.count)/\(closes)"
      }
    } else { outcome = "page" }
  } catch {
    outcome = "error \(String(describing: error).prefix(60))"
  }
  let key = outcome.hasPrefix("error") ? String(outcome.prefix(30)) : outcome
  stats[key, default: 0] += 1
  if outcome.contains("LOST") || outcome.hasPrefix("error 1") || outcome.contains("malformed") || (outcome.hasPrefix("error") && offset > 300) {
    print(offset, outcome, String(decoding: cut.suffix(30), as: UTF8.self).debugDescription)
  }
  offset += step
}
for (k, v) in stats.sorted(by: { $0.key < $1.key }) { print(v, k) }

func countCloses(_ bytes: [UInt8]) -> Int {
  let needle = Array("</health-topic>".utf8)
  var count = 0
  var i = 0
  while i + needle.count <= bytes.count {
    if bytes[i] == 60 && Array(bytes[i..<i+needle.count]) == needle { count += 1 }
    i += 1
  }
  return count
}
