/// A local government in a reference list of local government codes: a prefecture, a
/// municipality or a ward of a designated city.
public struct Municipality: Hashable, Sendable {
  /// The six-digit local government code.
  public var code: String
  /// The official name without the prefecture, e.g. 港区, 札幌市中央区; a prefecture's own name,
  /// e.g. 東京都.
  public var name: String
  /// Prefecture, ward, city, ward of a designated city, town or village.
  public var kind: Body.Kind

  /// Creates an entry.
  public init(code: String, name: String, kind: Body.Kind) {
    self.code = code
    self.name = name
    self.kind = kind
  }
}

/// Reference lists of local governments, to check submitted codes, names and kinds against.
public struct MunicipalityDirectory: Sendable {
  private let byCode: [String: Municipality]

  /// Whether the list holds every local government, so that a valid code it lacks is unknown
  /// (a typo that kept its check digit, or a municipality newer than the list). A partial list,
  /// such as ``tokyo``, checks only the codes it holds.
  public let isComplete: Bool

  /// Creates a directory of the given local governments.
  ///
  /// - Parameters:
  ///   - municipalities: the local governments; a code listed twice keeps its first entry.
  ///   - isComplete: whether they are every local government there is.
  public init(_ municipalities: [Municipality], isComplete: Bool = false) {
    let byCode = Dictionary(
      municipalities.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
    self.byCode = byCode
    self.isComplete = isComplete
  }

  /// The local government with a code, if the directory lists it.
  public subscript(code: String) -> Municipality? { byCode[code] }

  /// Every local government listed, by code.
  public var all: [Municipality] { byCode.values.sorted { $0.code < $1.code } }

  /// The prefecture a listed code belongs to (its first two digits), if listed.
  public func prefecture(of code: String) -> Municipality? {
    guard code.utf8.count == 6,
      let five = LocalGovernmentCode.completing(String(code.prefix(2)) + "000")
    else { return nil }
    return byCode[five].flatMap { $0.kind == .prefecture ? $0 : nil }
  }

  /// The date of the national list, ``japan``.
  public static let japanListDate = "2026-07-09"

  /// The codes listed under a name (府中市 is 132063 and 342084), in code order.
  ///
  /// Found by looking through the list, not kept by name: only a name that differs from its
  /// code's asks, and grouping every name (hashing each) was a third of making the national
  /// directory, which every run makes.
  public func codes(named name: String) -> [String] {
    byCode.values.lazy.filter { $0.name == name }.map(\.code).sorted()
  }

  /// Whether a name, normalised (see ``TextNormalization/normalized(_:)``), is a local
  /// government's: its listed name, or that name after its prefecture's (東京都港区 for 港区).
  public func nameMatches(_ name: String?, _ entry: Municipality) -> Bool {
    guard let name else { return false }
    if name == entry.name { return true }
    guard entry.kind != .prefecture, let prefecture = prefecture(of: entry.code) else {
      return false
    }
    return name.hasPrefix(prefecture.name) && name.dropFirst(prefecture.name.count) == entry.name
  }

  /// The listed local government whose code, with a leading zero put back, a four- or
  /// five-digit text is: `11002` is 011002 (札幌市), `1100` is 01100 → 011002. Spreadsheets drop
  /// the leading zero of the codes of Hokkaido and the eight prefectures after it.
  public func withLeadingZero(_ text: String) -> Municipality? {
    guard text.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) else {
      return nil
    }
    switch text.utf8.count {
    case 5: return byCode["0" + text]
    case 4: return LocalGovernmentCode.completing("0" + text).flatMap { byCode[$0] }
    default: return nil
    }
  }

  /// The name with ヶ (small ke) written as ケ: official names use either (龍ケ崎市, 茅ヶ崎市),
  /// and people often write the other.
  static func foldingSmallKe(_ name: String) -> String {
    name.contains("ヶ") ? String(name.map { $0 == "ヶ" ? "ケ" : $0 }) : name
  }

  /// No reference: names and kinds are taken as submitted.
  public static let empty = MunicipalityDirectory([])

  /// Tokyo's 62 municipalities: 23 special wards, 26 cities, 5 towns and 8 villages.
  public static let tokyo = MunicipalityDirectory(tokyoMunicipalities)

  /// Every local government of Japan (the default): 47 prefectures, 1,741 municipalities (792
  /// cities, 743 towns, 183 villages, Tokyo's 23 special wards) and the 175 wards of designated
  /// cities, as of 2026-07-09 (`data/japan-local-governments.csv`, from the CC0 data set
  /// code4fukui/localgovjp). Read from the built-in table on first use.
  public static let japan = MunicipalityDirectory(
    localGovernmentTable(localGovernmentTableText), isComplete: true)
}

/// Reads the generated table's `code|name|kind` lines.
///
/// By their UTF-8 bytes: splitting the text as characters found the grapheme clusters of every
/// name, and reading the table was then most of the time `validate` took for a few files.
func localGovernmentTable(_ text: String) -> [Municipality] {
  var text = text
  return text.withUTF8 { bytes in
    bytes.split(separator: UInt8(ascii: "\n")).map { line in
      let fields = line.split(separator: UInt8(ascii: "|"), omittingEmptySubsequences: false)
      // The generator checks every row; a broken table is a bug in the build, not in the input.
      precondition(fields.count == 3, "malformed local government table row")
      func field(_ index: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: fields[index]), as: UTF8.self)
      }
      guard let kind = Body.Kind(rawValue: field(2)) else {
        preconditionFailure("unknown kind in the local government table")
      }
      return Municipality(code: field(0), name: field(1), kind: kind)
    }
  }
}

/// The 62 municipalities of Tokyo (東京都), from the national list of local government codes.
let tokyoMunicipalities: [Municipality] = [
  Municipality(code: "131016", name: "千代田区", kind: .ward),
  Municipality(code: "131024", name: "中央区", kind: .ward),
  Municipality(code: "131032", name: "港区", kind: .ward),
  Municipality(code: "131041", name: "新宿区", kind: .ward),
  Municipality(code: "131059", name: "文京区", kind: .ward),
  Municipality(code: "131067", name: "台東区", kind: .ward),
  Municipality(code: "131075", name: "墨田区", kind: .ward),
  Municipality(code: "131083", name: "江東区", kind: .ward),
  Municipality(code: "131091", name: "品川区", kind: .ward),
  Municipality(code: "131105", name: "目黒区", kind: .ward),
  Municipality(code: "131113", name: "大田区", kind: .ward),
  Municipality(code: "131121", name: "世田谷区", kind: .ward),
  Municipality(code: "131130", name: "渋谷区", kind: .ward),
  Municipality(code: "131148", name: "中野区", kind: .ward),
  Municipality(code: "131156", name: "杉並区", kind: .ward),
  Municipality(code: "131164", name: "豊島区", kind: .ward),
  Municipality(code: "131172", name: "北区", kind: .ward),
  Municipality(code: "131181", name: "荒川区", kind: .ward),
  Municipality(code: "131199", name: "板橋区", kind: .ward),
  Municipality(code: "131202", name: "練馬区", kind: .ward),
  Municipality(code: "131211", name: "足立区", kind: .ward),
  Municipality(code: "131229", name: "葛飾区", kind: .ward),
  Municipality(code: "131237", name: "江戸川区", kind: .ward),
  Municipality(code: "132012", name: "八王子市", kind: .city),
  Municipality(code: "132021", name: "立川市", kind: .city),
  Municipality(code: "132039", name: "武蔵野市", kind: .city),
  Municipality(code: "132047", name: "三鷹市", kind: .city),
  Municipality(code: "132055", name: "青梅市", kind: .city),
  Municipality(code: "132063", name: "府中市", kind: .city),
  Municipality(code: "132071", name: "昭島市", kind: .city),
  Municipality(code: "132080", name: "調布市", kind: .city),
  Municipality(code: "132098", name: "町田市", kind: .city),
  Municipality(code: "132101", name: "小金井市", kind: .city),
  Municipality(code: "132110", name: "小平市", kind: .city),
  Municipality(code: "132128", name: "日野市", kind: .city),
  Municipality(code: "132136", name: "東村山市", kind: .city),
  Municipality(code: "132144", name: "国分寺市", kind: .city),
  Municipality(code: "132152", name: "国立市", kind: .city),
  Municipality(code: "132187", name: "福生市", kind: .city),
  Municipality(code: "132195", name: "狛江市", kind: .city),
  Municipality(code: "132209", name: "東大和市", kind: .city),
  Municipality(code: "132217", name: "清瀬市", kind: .city),
  Municipality(code: "132225", name: "東久留米市", kind: .city),
  Municipality(code: "132233", name: "武蔵村山市", kind: .city),
  Municipality(code: "132241", name: "多摩市", kind: .city),
  Municipality(code: "132250", name: "稲城市", kind: .city),
  Municipality(code: "132276", name: "羽村市", kind: .city),
  Municipality(code: "132284", name: "あきる野市", kind: .city),
  Municipality(code: "132292", name: "西東京市", kind: .city),
  Municipality(code: "133035", name: "瑞穂町", kind: .town),
  Municipality(code: "133051", name: "日の出町", kind: .town),
  Municipality(code: "133078", name: "檜原村", kind: .village),
  Municipality(code: "133086", name: "奥多摩町", kind: .town),
  Municipality(code: "133612", name: "大島町", kind: .town),
  Municipality(code: "133621", name: "利島村", kind: .village),
  Municipality(code: "133639", name: "新島村", kind: .village),
  Municipality(code: "133647", name: "神津島村", kind: .village),
  Municipality(code: "133817", name: "三宅村", kind: .village),
  Municipality(code: "133825", name: "御蔵島村", kind: .village),
  Municipality(code: "134015", name: "八丈町", kind: .town),
  Municipality(code: "134023", name: "青ヶ島村", kind: .village),
  Municipality(code: "134210", name: "小笠原村", kind: .village),
]
