/// A code from a medical code system, as MedlinePlus Connect takes it: `icd10cm:M87.05`,
/// `snomed:22298006`, `rxnorm:197361`, `loinc:2345-7`. Case is forgiven, and the full stop
/// of an ICD code may be left out (`icd10cm:m8705`).
public struct MedicalCode: Hashable, Sendable {
  public enum System: String, CaseIterable, Hashable, Sendable {
    case icd10cm, icd9cm, snomed, rxnorm, loinc

    /// The system's object identifier, which Connect asks for.
    public var oid: String {
      switch self {
      case .icd10cm: "2.16.840.1.113883.6.90"
      case .icd9cm: "2.16.840.1.113883.6.103"
      case .snomed: "2.16.840.1.113883.6.96"
      case .rxnorm: "2.16.840.1.113883.6.88"
      case .loinc: "2.16.840.1.113883.6.1"
      }
    }

    /// Its usual name.
    public var name: String {
      switch self {
      case .icd10cm: "ICD-10-CM"
      case .icd9cm: "ICD-9-CM"
      case .snomed: "SNOMED CT"
      case .rxnorm: "RxNorm"
      case .loinc: "LOINC"
      }
    }

    /// `icd10cm`, and the spellings people use (`ICD-10-CM`, `icd10`, `snomedct`).
    init?(spelled text: String) {
      let plain = text.lowercased().filter { $0 != "-" && $0 != "_" && $0 != " " }
      switch plain {
      case "icd10cm", "icd10": self = .icd10cm
      case "icd9cm", "icd9": self = .icd9cm
      case "snomed", "snomedct", "sct": self = .snomed
      case "rxnorm", "rxcui": self = .rxnorm
      case "loinc": self = .loinc
      default: return nil
      }
    }
  }

  /// Why a code is not one.
  public enum Problem: Error, Hashable, Sendable {
    case noSystem(String)
    case unknownSystem(String)
    case malformed(System, String)

    public var message: String {
      let systems = System.allCases.map(\.rawValue).joined(separator: ", ")
      switch self {
      case .noSystem(let text):
        return "'\(SafeText.clean(text, keepNewlines: false))' names no code system: "
          + "write SYSTEM:CODE, e.g. icd10cm:M87.05 (systems: \(systems))"
      case .unknownSystem(let name):
        return "'\(SafeText.clean(name, keepNewlines: false))' is not a code system medterm "
          + "knows (\(systems))"
      case .malformed(let system, let code):
        let article = system.name.hasPrefix("ICD") ? "an" : "a"
        return
          "'\(SafeText.clean(code, keepNewlines: false))' is not \(article) \(system.name) code "
          + "(\(Self.example(system)))"
      }
    }

    private static func example(_ system: System) -> String {
      switch system {
      case .icd10cm: "a letter, two characters and up to four more: M87.05"
      case .icd9cm: "three digits and up to two more, or V or E codes: 250.33"
      case .snomed: "6 to 18 digits: 22298006"
      case .rxnorm: "up to 9 digits: 197361"
      case .loinc: "digits, a hyphen and a check digit: 2345-7"
      }
    }
  }

  public var system: System
  /// The code as Connect expects it (upper case, ICD codes with their full stop).
  public var code: String

  public init(parsing text: String) throws(Problem) {
    let trimmed = text.trimmingSpaces
    guard let colon = trimmed.firstIndex(of: ":") else { throw .noSystem(trimmed) }
    let name = String(trimmed[..<colon])
    guard let system = System(spelled: name) else { throw .unknownSystem(name) }
    let raw = trimmed[trimmed.index(after: colon)...].trimmingSpaces.uppercased()
    guard let code = Self.normalized(raw, in: system) else { throw .malformed(system, raw) }
    self.system = system
    self.code = code
  }

  /// "SYSTEM:CODE" as medterm writes it.
  public var description: String { "\(system.rawValue):\(code)" }

  private static func normalized(_ code: String, in system: System) -> String? {
    let characters = Array(code)
    func allDigits(_ part: ArraySlice<Character>) -> Bool {
      !part.isEmpty && part.allSatisfy { $0.isASCII && $0.isNumber }
    }
    func alphanumeric(_ part: ArraySlice<Character>) -> Bool {
      part.allSatisfy { $0.isASCII && ($0.isNumber || $0.isUppercase) }
    }
    switch system {
    case .icd10cm, .icd9cm:
      let compact = characters.filter { $0 != "." }
      guard compact.count <= 8 else { return nil }
      // Where the full stop goes: after three characters, four for ICD-9 E codes.
      let head = system == .icd9cm && compact.first == "E" ? 4 : 3
      guard compact.count >= head else { return nil }
      let stem = compact[..<head]
      let rest = compact[head...]
      if system == .icd10cm {
        guard let first = stem.first, first.isASCII, first.isUppercase,
          alphanumeric(stem.dropFirst()), alphanumeric(rest), rest.count <= 4
        else { return nil }
      } else {
        let letter = stem.first == "V" || stem.first == "E"
        guard allDigits(letter ? stem.dropFirst() : stem), rest.isEmpty || allDigits(rest),
          rest.count <= 2
        else { return nil }
      }
      // A stop anywhere else than its place is a typo, not the code.
      if let stop = characters.firstIndex(of: "."),
        stop != head || characters.count - stop == 1 || characters.count { $0 == "." } > 1
      {
        return nil
      }
      return String(stem) + (rest.isEmpty ? "" : "." + String(rest))
    case .snomed:
      return allDigits(characters[...]) && (6...18).contains(characters.count) ? code : nil
    case .rxnorm:
      return allDigits(characters[...]) && characters.count <= 9 ? code : nil
    case .loinc:
      guard let hyphen = characters.firstIndex(of: "-"),
        allDigits(characters[..<hyphen]), characters.count - hyphen == 2,
        allDigits(characters[(hyphen + 1)...]), hyphen <= 7
      else { return nil }
      return code
    }
  }
}
