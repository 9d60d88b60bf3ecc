import Glibc

/// A port on 127.0.0.1 that nobody listens on now: bind port 0, ask the kernel which port it
/// gave, and close. For servers that need a port on their command line (sshd), and for
/// "connection refused" tests.
public enum FreePort {
  public static func pick() throws -> Int {
    let socketDescriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard socketDescriptor >= 0 else { throw ServerError.cannotStart("socket failed") }
    defer { close(socketDescriptor) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = 0
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafeMutablePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        bind(socketDescriptor, $0, length) == 0 && getsockname(socketDescriptor, $0, &length) == 0
      }
    }
    guard bound else { throw ServerError.cannotStart("no free port") }
    return Int(UInt16(bigEndian: address.sin_port))
  }
}
