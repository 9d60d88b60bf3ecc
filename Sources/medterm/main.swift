import Foundation
import MedlinePlus

let path = CommandLine.arguments[1]
let data = try Data(contentsOf: URL(fileURLWithPath: path))
switch try PageReader.read(Array(data), name: path) {
case .page(let page): print(PageTreeDump.render(page), terminator: "")
case .collection(let c): print(PageTreeDump.render(c), terminator: "")
}
