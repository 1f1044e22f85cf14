/// `certificates/<body_code>/<event_id>.html`: one page per event with credits allocated to it,
/// stating what an offset disclosure states: who offsets, the event and when it was held, its
/// emissions and how they were estimated, the offset amount and rate, the credits (scheme,
/// project, vintage and serials), in whose name and for what purpose they are retired, and when
/// (filled in by `jointcredit retire`), with the issuer and the issue date when the purchase
/// gives them.
///
/// An event id becomes a file name by keeping ASCII letters, digits, `-` and `_` and writing
/// every other byte as `%XX` (`E/1` → `E%2F1.html`), so that no id can name a path outside its
/// body's folder.
public enum CertificatePage {
  /// The folder, inside the output folder.
  public static let folder = "certificates"

  /// The page of an event, relative to the output folder.
  public static func fileName(body: Body.Code, event: Event.ID) -> String {
    "\(folder)/\(body.rawValue)/\(safeName(event.rawValue)).html"
  }

  /// An id as a file name: ASCII letters, digits, `-` and `_` kept, every other byte `%XX`;
  /// a name past 200 bytes is cut and ends with the CRC-32 of the whole id.
  static func safeName(_ id: String) -> String {
    var name = ""
    for byte in id.utf8 {
      switch byte {
      case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
        UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"):
        name.append(Character(UnicodeScalar(byte)))
      default:
        let hex = String(byte, radix: 16, uppercase: true)
        name += "%" + (hex.count == 1 ? "0" : "") + hex
      }
    }
    guard name.utf8.count > 200 else { return name }
    let checksum = String(CRC32.checksum(of: Array(id.utf8)), radix: 16)
    return String(name.utf8.prefix(180))! + "~" + checksum
  }

  /// Whether an event gets a certificate: it was allocated something.
  static func isCertified(_ share: EventAllocation) -> Bool { share.allocated > .zero }

  /// The marker that `jointcredit retire` replaces with the retirement date.
  static let pendingMarker = "<span class=\"retirement\" data-retirement=\"pending\">"

  /// The schemes, projects and vintages of the blocks: `J-VER 東北森林管理プロジェクト 2010, 2011`.
  static func creditTypes(_ blocks: [CreditBlock]) -> String {
    var seen: [String] = []
    for block in blocks {
      let kind = [block.scheme, block.project].filter { !$0.isEmpty }.joined(separator: " ")
      if !seen.contains(kind) { seen.append(kind) }
    }
    return seen.map { kind in
      let vintages = blocks.filter {
        [$0.scheme, $0.project].filter { !$0.isEmpty }.joined(separator: " ") == kind
      }.map(\.vintage).filter { !$0.isEmpty }
      var unique: [String] = []
      for vintage in vintages where !unique.contains(vintage) { unique.append(vintage) }
      return kind + (unique.isEmpty ? "" : " (" + unique.joined(separator: ", ") + ")")
    }.joined(separator: "; ")
  }

  /// `Retired on: 2012-04-02`, or the marker `jointcredit retire` fills in.
  static func retirementLine(_ date: EventDate?, words: CertificateText) -> String {
    "<p class=\"retired\"><strong>\(HTML.escape(words.retiredOn))</strong>: "
      + (date.map { "<span class=\"retirement nb\">\($0)</span>" }
        ?? "\(pendingMarker)\(HTML.escape(words.notYetRetired))</span>") + "</p>\n"
  }

  /// Writes the certificate of one event of a body, with the ranges retired for the event
  /// itself (basis `event`).
  static func write(
    event index: Int, of body: BodyAllocation, in allocation: Allocation,
    ranges: [RetirementRange], language: StatementLanguage, to output: inout some ByteOutput
  ) {
    let share = body.events[index]
    let event = share.event
    let words = CertificateText(language: language)
    let text = StatementText(language: language)
    let numbers = StatementNumbers(allocation)
    let purchase = allocation.purchase
    // Bytes, not a string: a national purchase has a million certificates.
    var html: [UInt8] = []
    func add(_ text: String) { UTF8Bytes.append(text, to: &html) }
    func add(_ pairs: [(String, String)]) { HTML.appendDefinitions(pairs, to: &html) }
    add("<header class=\"certificate\"><h1>\(HTML.escape(words.title))</h1>\n")
    var issue: [(String, String)] = []
    if !purchase.issuer.isEmpty { issue.append((text.issuer, purchase.issuer)) }
    if let issued = purchase.issuedOn { issue.append((text.issuedOn, issued.description)) }
    if !issue.isEmpty { add(issue) }
    add("</header>\n")

    HTML.appendHeading(words.who, to: &html)
    add([
      (text.name, body.body.name), (text.code, body.body.code.rawValue),
      (text.kindColumn, language.kind(body.body.kind)),
    ])
    HTML.appendHeading(words.event, to: &html)
    add(
      [
        (words.eventName, event.name.isEmpty ? event.id.rawValue : event.name),
        (words.eventID, event.id.rawValue),
      ]
        + (event.date.map { [(words.period, $0.description)] } ?? []))
    HTML.appendHeading(words.emissions, to: &html)
    add([
      (words.estimate, "\(numbers.emissions(event.emissions)) \(text.tonnes)"),
      (words.calculation, event.calculation.isEmpty ? words.notStated : event.calculation),
    ])
    HTML.appendHeading(words.offset, to: &html)
    var offset = [(words.offsetAmount, "\(numbers.allocated(share.allocated)) \(text.tonnes)")]
    if let rate = numbers.rate(share.offsetRate) {
      offset.append((words.offsetRate, "\(rate) %"))
    }
    if share.shortfall > .zero {
      offset.append((words.shortfall, "\(numbers.shortfall(share.shortfall)) \(text.tonnes)"))
    }
    add(offset)

    HTML.appendHeading(words.credits, to: &html)
    if purchase.creditBlocks.isEmpty {
      if !purchase.description.isEmpty { add([(text.credits, purchase.description)]) }
      add("<p>\(HTML.escape(words.noCredits))</p>\n")
    } else {
      if ranges.isEmpty {
        add([(words.creditType, creditTypes(purchase.creditBlocks))])
      } else {
        HTML.appendTable(
          RetirementRange.table([.scheme, .project, .vintage, .serialFrom, .serialTo, .quantity]),
          rows: ranges, language: language, to: &html)
      }
      let tonne = Quantity.gramsPerTonne
      let fraction = Quantity(grams: share.allocated.grams % tonne)
      if fraction > .zero {
        add("<p>\(HTML.escape(words.pooled(numbers.allocated(fraction).description)))</p>\n")
      }
      HTML.appendHeading(words.retirement, to: &html)
      add(
        (ranges.first.map { [(words.creditUser, $0.creditUser)] } ?? [])
          + [(words.purpose, purchase.purpose)])
      add(retirementLine(ranges.first?.retirementDate, words: words))
    }
    HTML.appendHeading(words.purchase, to: &html)
    add(
      (purchase.description.isEmpty ? [] : [(text.credits, purchase.description)])
        + [(text.lot, "\(numbers.allocated(purchase.lot)) \(text.tonnes)")])
    add(
      "<p class=\"muted\">\(HTML.escape(text.generated)) jointcredit \(JointCreditVersion.current)</p>"
    )
    HTML.writePage(
      title:
        "\(words.title): \(body.body.name) \(event.name.isEmpty ? event.id.rawValue : event.name)",
      language: language, body: html, to: &output)
  }
}
