/// Makes text from a page or a URL safe to show: no control characters, no escape
/// sequences, no bidirectional overrides. A page must never be able to drive the terminal
/// (move the cursor, set the clipboard with OSC 52, smuggle a hyperlink with OSC 8) or reorder
/// what the user reads.
public enum SafeText {
  /// Removes escape sequences (CSI, OSC, DCS, SOS, PM, APC and two-character ESC forms, in
  /// their 7-bit and 8-bit spellings), C0/C1 controls, DEL and bidi controls. Newlines are
  /// kept when `keepNewlines` is set; a tab becomes a space.
  public static func clean(_ text: String, keepNewlines: Bool = true) -> String {
    switch needsCleaning(text, keepNewlines: keepNewlines) {
    case .nothing:
      return text
    case .spacing:
      // Only tabs (and newlines to fold): a byte-for-byte substitution.
      let bytes = text.utf8.map { byte -> UInt8 in
        byte == 0x09 || (byte == 0x0A && !keepNewlines) ? 0x20 : byte
      }
      return String(decoding: bytes, as: UTF8.self)
    case .controls:
      break
    }
    var output = String.UnicodeScalarView()
    var scalars = text.unicodeScalars.makeIterator()
    var pending: Unicode.Scalar? = nil
    func next() -> Unicode.Scalar? {
      if let scalar = pending {
        pending = nil
        return scalar
      }
      return scalars.next()
    }
    while let scalar = next() {
      switch scalar.value {
      case 0x0A:
        output.append(keepNewlines ? "\n" : " ")
      case 0x09:
        output.append(" ")
      case 0x1B:
        guard let introducer = next() else { break }
        switch introducer.value {
        case 0x5B: skipControlSequence(next)  // ESC [
        case 0x5D, 0x50, 0x58, 0x5E, 0x5F: pending = skipString(next)  // ESC ] P X ^ _
        case 0x20...0x2F: _ = next()  // ESC + intermediate + final (e.g. ESC ( B)
        default: break  // ESC + one final character
        }
      case 0x9B:
        skipControlSequence(next)
      case 0x9D, 0x90, 0x98, 0x9E, 0x9F:
        pending = skipString(next)
      default:
        if !isDropped(scalar) { output.append(scalar) }
      }
    }
    return String(output)
  }

  /// Decided on UTF-8 bytes, since nearly all text needs nothing: a C0 control or DEL is one
  /// byte; C1 controls (U+0080–U+009F) are C2 80…C2 9F; the bidi controls and U+FEFF start
  /// with D8 (U+061C), E2 (U+200E…U+2069) or EF (U+FEFF), checked exactly when seen.
  private enum Need {
    case nothing
    case spacing
    case controls
  }

  private static func needsCleaning(_ text: String, keepNewlines: Bool) -> Need {
    var previous: UInt8 = 0
    var suspicious = false
    var spacing = false
    for byte in text.utf8 {
      if byte == 0x09 || (byte == 0x0A && !keepNewlines) {
        spacing = true
      } else if (byte < 0x20 && byte != 0x0A) || byte == 0x7F {
        return .controls
      } else if previous == 0xC2 && byte < 0xA0 {
        return .controls
      } else if byte == 0xD8 || byte == 0xE2 || byte == 0xEF {
        suspicious = true
      }
      previous = byte
    }
    if suspicious
      && text.unicodeScalars.contains(where: { isBidiControl($0.value) || $0.value == 0xFEFF })
    {
      return .controls
    }
    return spacing ? .spacing : .nothing
  }

  /// True for a scalar that `clean` removes or rewrites.
  static func needsAttention(_ scalar: Unicode.Scalar) -> Bool {
    let value = scalar.value
    return value < 0x20 || (value >= 0x7F && value < 0xA0) || isBidiControl(value)
      || value == 0xFEFF
  }

  private static func isDropped(_ scalar: Unicode.Scalar) -> Bool {
    let value = scalar.value
    return value < 0x20 || (value >= 0x7F && value < 0xA0) || isBidiControl(value)
      || value == 0xFEFF
  }

  private static func isBidiControl(_ value: UInt32) -> Bool {
    (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value) || value == 0x200E
      || value == 0x200F || value == 0x061C
  }

  /// Skips parameter and intermediate bytes up to and including the final byte.
  private static func skipControlSequence(_ next: () -> Unicode.Scalar?) {
    while let scalar = next() {
      if (0x40...0x7E).contains(scalar.value) { return }
      if !(0x20...0x3F).contains(scalar.value) { return }
    }
  }

  /// Skips a string command up to BEL, ST (ESC \) or 8-bit ST; returns a scalar read past
  /// the end that was not part of the terminator.
  private static func skipString(_ next: () -> Unicode.Scalar?) -> Unicode.Scalar? {
    while let scalar = next() {
      switch scalar.value {
      case 0x07, 0x9C: return nil
      case 0x1B:
        guard let following = next() else { return nil }
        return following.value == 0x5C ? nil : following
      default: continue
      }
    }
    return nil
  }
}
