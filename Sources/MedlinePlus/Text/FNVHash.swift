/// 64-bit FNV-1a: a fast, stable hash for cache file names, file fingerprints and the cache's
/// checksum. Not cryptographic: it tells a changed or damaged file from an unchanged one, it
/// does not defend against anyone.
public struct FNVHash {
  public init() {}

  public private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

  public mutating func add(_ bytes: UnsafeRawBufferPointer) {
    var hash = value
    for byte in bytes {
      hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
    }
    value = hash
  }

  public mutating func add(_ bytes: [UInt8]) {
    bytes.withUnsafeBytes { add($0) }
  }

  public mutating func add(_ number: UInt64) {
    withUnsafeBytes(of: number.littleEndian) { add($0) }
  }

  public static func hash(_ text: String) -> UInt64 {
    var hasher = FNVHash()
    hasher.add(Array(text.utf8))
    return hasher.value
  }
}
