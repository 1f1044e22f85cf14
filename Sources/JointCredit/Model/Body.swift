/// A participating organisation: a municipality, or the joint project itself.
public struct Body: Hashable, Sendable {
  /// The body's identifier: a six-digit local government code such as `131032`, or any other code
  /// (letters, digits, `-`, `_`) for a body of kind ``Kind/other``, such as `ALL62`.
  public var code: Code
  /// The body's name as submitted, e.g. `港区`.
  public var name: String
  /// What kind of body it is.
  public var kind: Kind

  /// Creates a body.
  public init(code: Code, name: String, kind: Kind) {
    self.code = code
    self.name = name
    self.kind = kind
  }
}

extension Body {
  /// A body's code, kept apart from other strings so that it cannot be mixed up with an event id.
  ///
  /// Codes order by their UTF-8 bytes, so `131032 < 132012 < ALL62` on every machine.
  public struct Code: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The code as text.
    public var rawValue: String

    /// Wraps a code that has already been validated.
    public init(_ rawValue: String) { self.rawValue = rawValue }

    public var description: String { rawValue }

    public static func < (lhs: Code, rhs: Code) -> Bool {
      UTF8Bytes.precedes(lhs.rawValue, rhs.rawValue)
    }

    /// Whether the code is a six-digit local government code with a valid check digit.
    public var isLocalGovernmentCode: Bool { LocalGovernmentCode.isValid(rawValue) }
  }

  /// The kinds of participating body, in the order statements list them.
  ///
  /// Prefectures come first, then municipalities in the order of the code list (Tokyo's special
  /// wards, cities, the wards of designated cities, towns, villages), then anything else.
  public enum Kind: String, CaseIterable, Comparable, Sendable, CustomStringConvertible {
    /// A prefecture, 都道府県 (such as 東京都, 北海道, 大阪府).
    case prefecture
    /// A special ward (特別区) of Tokyo, 区.
    case ward
    /// A city, 市.
    case city
    /// A ward of a designated city (政令指定都市の行政区), such as 札幌市中央区: an administrative
    /// part of its city, not a municipality of its own.
    case designatedCityWard = "designated-city-ward"
    /// A town, 町.
    case town
    /// A village, 村.
    case village
    /// Anything else, such as a joint project (その他).
    case other

    /// The Japanese name used in submissions and published tables: 都道府県, 区, 市, 行政区, 町,
    /// 村, その他.
    public var japaneseName: String {
      switch self {
      case .prefecture: "都道府県"
      case .ward: "区"
      case .city: "市"
      case .designatedCityWard: "行政区"
      case .town: "町"
      case .village: "村"
      case .other: "その他"
      }
    }

    /// Reads a kind written in English (any case) or Japanese.
    ///
    /// - Returns: the kind, or `nil` for any other text.
    public init?(text: String) {
      if let kind = Kind(rawValue: text) ?? Kind(rawValue: text.lowercased()) {
        self = kind
      } else if let kind = Kind.allCases.first(where: { $0.japaneseName == text }) {
        self = kind
      } else {
        return nil
      }
    }

    public var description: String { rawValue }

    public static func < (lhs: Kind, rhs: Kind) -> Bool {
      allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
  }
}
