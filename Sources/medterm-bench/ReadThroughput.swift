import Foundation
import MedlinePlus

/// Reads one source with `PageReader` several times and prints, as one JSON line, its size
/// and the median wall time: the benchmark suite turns that into MB/s beside `xmllint`.
struct ReadThroughput {
  let file: URL
  let runs: Int

  func run() throws {
    let bytes = Array(try Data(contentsOf: file))
    var times: [Double] = []
    var format = "?"
    for _ in 0..<runs {
      let start = DispatchTime.now().uptimeNanoseconds
      let document = try PageReader.read(bytes, name: file.lastPathComponent)
      times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
      switch document {
      case .page(let page): format = page.format.rawValue
      case .collection: format = SourceFormat.healthTopicsXML.rawValue
      }
    }
    let median = times.sorted()[times.count / 2]
    print(
      "{\"file\": \"\(file.lastPathComponent)\", \"format\": \"\(format)\", "
        + "\"bytes\": \(bytes.count), \"median_seconds\": \(median)}")
  }
}
