/// The xterm 256-colour palette, for mapping RGB to an index and an index to fewer colours.
extension TerminalColor {
  /// The channel values of the 6×6×6 cube (entries 16–231).
  static let cubeLevels = [0, 95, 135, 175, 215, 255]

  /// The xterm default RGB of a palette entry. Entries 0–15 are only xterm's choice (every
  /// terminal themes them), so they serve for contrast estimates, never as a match target.
  static func rgb(ofPaletteIndex index: Int) -> (red: Int, green: Int, blue: Int) {
    switch index {
    case 0..<16:
      let table = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0),
        (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
        (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0),
        (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
      ]
      return table[index]
    case 16..<232:
      let cube = index - 16
      return (cubeLevels[cube / 36], cubeLevels[cube / 6 % 6], cubeLevels[cube % 6])
    default:
      let level = 8 + 10 * (min(index, 255) - 232)
      return (level, level, level)
    }
  }

  /// The xterm-256 entry (16–255) nearest to an RGB colour: the nearest cube colour or the
  /// nearest grey, whichever is closer. Entries 0–15 are never chosen, since their RGB
  /// depends on the terminal.
  public static func nearestPaletteIndex(red: Int, green: Int, blue: Int) -> UInt8 {
    func cubeStep(_ value: Int) -> Int {
      value < 48 ? 0 : value < 115 ? 1 : min((value - 35) / 40, 5)
    }
    func distance(_ other: (red: Int, green: Int, blue: Int)) -> Int {
      let (dr, dg, db) = (red - other.red, green - other.green, blue - other.blue)
      return dr * dr + dg * dg + db * db
    }
    let (r, g, b) = (cubeStep(red), cubeStep(green), cubeStep(blue))
    let cubeIndex = 16 + 36 * r + 6 * g + b
    let average = (red + green + blue) / 3
    let greyStep = average > 238 ? 23 : max(0, (average - 3) / 10)
    let greyIndex = 232 + greyStep
    let cubeDistance = distance(rgb(ofPaletteIndex: cubeIndex))
    let greyDistance = distance(rgb(ofPaletteIndex: greyIndex))
    return UInt8(greyDistance < cubeDistance ? greyIndex : cubeIndex)
  }

  /// The ANSI entry (0–7, or 0–15 with `brightAvailable`) that stands in for entry 16–255.
  static func nearestANSIIndex(_ index: UInt8, brightAvailable: Bool) -> UInt8 {
    let (red, green, blue) = rgb(ofPaletteIndex: Int(index))
    let high = max(red, green, blue)
    let low = min(red, green, blue)
    let lightness = (high + low) / 2
    if high - low < 32 {
      // A grey: black, white and, with 16 colours, bright black and bright white.
      if brightAvailable {
        return lightness < 0x30 ? 0 : lightness < 0x90 ? 8 : lightness < 0xD8 ? 7 : 15
      }
      return lightness < 0x80 ? 0 : 7
    }
    // A colour: the ANSI hue nearest to its hue angle; bright when it is light.
    let span = Double(high - low)
    var hue: Double
    if high == red {
      hue = 60 * Double(green - blue) / span
    } else if high == green {
      hue = 60 * Double(blue - red) / span + 120
    } else {
      hue = 60 * Double(red - green) / span + 240
    }
    if hue < 0 { hue += 360 }
    // Sectors of 60° starting at red: red, yellow, green, cyan, blue, magenta.
    let sector = Int((hue / 60).rounded()) % 6
    let ansiOfSector: [UInt8] = [1, 3, 2, 6, 4, 5]
    let ansi = ansiOfSector[sector]
    return brightAvailable && lightness > 0x90 ? ansi + 8 : ansi
  }

  /// True when text on this colour should be dark, estimated from xterm's RGB.
  var isLight: Bool {
    guard let index = paletteIndex else { return false }
    let (red, green, blue) = Self.rgb(ofPaletteIndex: index)
    return 299 * red + 587 * green + 114 * blue > 128_000
  }
}
