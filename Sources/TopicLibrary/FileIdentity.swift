/// What identifies one version of a file for the index cache: where it is (device and
/// inode), its size and modification time, and a hash of its first and last 64 KiB. A copy
/// renamed over the path, an append, an edit that keeps the size but changes the time, or
/// one that restores the time but changes either end of the file all give a different
/// identity.
struct FileIdentity: Hashable, Sendable {
  var device: UInt64
  var inode: UInt64
  var size: Int
  var modifiedSeconds: Int64
  var modifiedNanoseconds: Int64
  var fingerprint: UInt64
}
