import ApportionmentModule

/// The few lines `jointcredit allocate` prints: the lot, the totals per kind, the overall offset
/// rate, the ties and where the statements went.
///
/// ```text
/// Allocated 100.0 t by largest-remainder (body-then-event mode, unit 0.1 t, body unit 0.1 t).
/// Credits: J-VER forest credits
///
///   kind      bodies  events  emissions_t  allocated_t  offset_rate_pct
///   ward          20      29       37.330         37.9            101.5
///   …
///   total         36      80       98.500        100.0            101.5
/// ```
public enum AllocationSummary {
  /// The summary text, ending in a newline.
  ///
  /// - Parameters:
  ///   - allocation: what was allocated.
  ///   - statements: the paths written, if any.
  ///   - language: the language of the sentences and the table's headers.
  public static func text(
    _ allocation: Allocation, statements: [String] = [], language: StatementLanguage = .en
  ) -> String {
    let words = SummaryWords(language: language)
    let purchase = allocation.purchase
    let numbers = StatementNumbers(allocation)
    var lines: [String] = []
    lines.append(words.allocated(numbers.allocated(purchase.lot), purchase))
    var constraints: [String] = []
    if let minimum = purchase.minimum { constraints.append(words.minimum(minimum)) }
    if let floor = purchase.floor { constraints.append(words.floor(floor, purchase.surplus)) }
    if let cap = purchase.cap { constraints.append(words.cap(cap)) }
    if let reserve = allocation.reserve {
      constraints.append(words.reserve(reserve.code, numbers.allocated(reserve.allocated)))
    }
    if !constraints.isEmpty { lines.append(words.constraints(constraints)) }
    if !purchase.description.isEmpty { lines.append(words.credits(purchase.description)) }
    lines.append("")
    let header =
      language == .en
      ? ["kind", "bodies", "events", "emissions_t", "allocated_t", "offset_rate_pct"]
      : ["区分", "団体数"] + language.headers([.events, .emissions, .allocated, .offsetRate])
    var rows = allocation.kinds.map { kind in
      [
        language.kind(kind.kind), String(kind.bodies), String(kind.events),
        numbers.emissions(kind.emissions).description,
        numbers.allocated(kind.allocated).description,
        OffsetRate.percentText(kind.offsetRate),
      ]
    }
    rows.append([
      language.total, String(allocation.bodies.count), String(allocation.eventCount),
      numbers.emissions(allocation.emissions).description,
      numbers.allocated(allocation.allocated).description,
      OffsetRate.percentText(OffsetRate.of(allocation.allocated, per: allocation.emissions)),
    ])
    lines += table([header] + rows)
    lines.append("")
    let short = allocation.bodies.reduce(0) { count, body in
      count + body.events.reduce(0) { $0 + ($1.shortfall > .zero ? 1 : 0) }
    }
    // Priced: what the shortfall would cost at the average price, in whole yen (half up).
    // shortfall × invoice ÷ lot: at most 2⁶³ g × 10¹⁵ yen, within 128 bits.
    let yen =
      allocation.shortfall > .zero
      ? allocation.invoiceTotal.map { invoice in
        Fraction(
          Int128(allocation.shortfall.grams) * Int128(invoice), over: Int128(purchase.lot.grams)
        ).roundedHalfUp
      } : nil
    lines.append(
      words.shortfall(events: short, numbers.shortfall(allocation.shortfall), yen: yen))
    if let revises = allocation.revises {
      lines.append(words.revises(revises.path, revises.retired))
    }
    lines.append(words.ties(allocation.ties.reduce(0) { $0 + $1.winners.count }))
    if !statements.isEmpty {
      lines.append(words.statements)
      lines += statements.map { "  \($0)" }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// Left-aligns the first column and right-aligns the others, two spaces apart, by the width
  /// a terminal gives each character (two columns for Japanese).
  static func table(_ rows: [[String]]) -> [String] {
    let widths = rows[0].indices.map { column in rows.map { width($0[column]) }.max() ?? 0 }
    return rows.map { row in
      var line = "  "
      for (column, cell) in row.enumerated() {
        let pad = String(repeating: " ", count: widths[column] - width(cell))
        line += column == 0 ? cell + pad : "  " + pad + cell
      }
      return line
    }
  }

  /// Columns a terminal uses for the text: two for East Asian wide and full-width characters.
  static func width(_ text: String) -> Int {
    text.unicodeScalars.reduce(0) { sum, scalar in
      switch scalar.value {
      case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
        0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
        0xFFE0...0xFFE6:
        sum + 2
      default: sum + 1
      }
    }
  }
}

/// The sentences of the summary, in each language.
private struct SummaryWords {
  let language: StatementLanguage

  private var text: StatementText { StatementText(language: language) }

  func allocated(_ lot: FixedDecimal, _ purchase: Purchase) -> String {
    let split = purchase.mode == .bodyThenEvent && purchase.bodyMethod != purchase.method
    switch (language, split) {
    case (.en, true):
      return "Allocated \(lot) t (body-then-event mode): to bodies by "
        + "\(purchase.bodyMethod.rawValue) in \(purchase.bodyUnit) t, to events by "
        + "\(purchase.method.rawValue) in \(purchase.unit) t."
    case (.en, false):
      var how = "\(purchase.mode.rawValue) mode, unit \(purchase.unit) t"
      if purchase.mode == .bodyThenEvent { how += ", body unit \(purchase.bodyUnit) t" }
      return "Allocated \(lot) t by \(purchase.method.rawValue) (\(how))."
    case (.ja, true):
      return "\(lot) t を配分しました（\(text.mode(purchase.mode))）。団体へは"
        + "\(text.method(purchase.bodyMethod))で \(purchase.bodyUnit) t 単位、イベントへは"
        + "\(text.method(purchase.method))で \(purchase.unit) t 単位。"
    case (.ja, false):
      var how = "\(text.mode(purchase.mode))、配分単位 \(purchase.unit) t"
      if purchase.mode == .bodyThenEvent { how += "、団体配分単位 \(purchase.bodyUnit) t" }
      return "\(lot) t を\(text.method(purchase.method))で配分しました（\(how)）。"
    }
  }

  func minimum(_ minimum: Quantity) -> String {
    language == .en ? "minimum \(minimum) t per event" : "1イベント当たり最低 \(minimum) t"
  }

  func floor(_ floor: Purchase.Floor, _ surplus: Purchase.Surplus) -> String {
    switch (language, surplus) {
    case (.en, .method): "floor \(floor.percent) % of each estimate, rounded up"
    case (.en, .reserve):
      "floor \(floor.percent) % of each estimate, rounded up, the rest to the reserve"
    case (.ja, .method): "下限 排出量の \(floor.percent) %（切り上げ）"
    case (.ja, .reserve): "下限 排出量の \(floor.percent) %（切り上げ）、残りは留保"
    }
  }

  func shortfall(events: Int, _ tonnes: FixedDecimal, yen: Int128?) -> String {
    let cost = yen.map { HTML.yen(Int64(clamping: $0)) }
    switch (language, events) {
    case (.en, 0): return "Shortfall: none; every event is offset in full."
    case (.en, _):
      return "Shortfall: \(events) event\(events == 1 ? " is" : "s are") offset below "
        + "\(events == 1 ? "its estimate" : "their estimates"), by \(tonnes) t in all"
        + (cost.map { ", \($0) yen at the average price" } ?? "") + " (shortfall_t)."
    case (.ja, 0): return "不足: なし（すべてのイベントが排出量以上をオフセットしています）。"
    case (.ja, _):
      return "不足: \(events)件のイベントが排出量に届かず、不足量は合計 \(tonnes) t です"
        + (cost.map { "（平均単価で\($0)円）" } ?? "") + "。"
    }
  }

  func revises(_ path: String, _ retired: EventDate) -> String {
    language == .en
      ? "Revision of \(path) (retired \(retired)): every retired serial stays with its holder, "
        + "and no event has less than it had."
      : "\(path)（\(retired) 償却）の改定: 償却済みのシリアル番号はそのまま、どのイベントも配分は減っていません。"
  }

  func cap(_ cap: Purchase.Cap) -> String {
    let percent = cap == .emissions ? "100" : "\(cap.percent)"
    return language == .en ? "cap \(percent) % of each estimate" : "上限 排出量の \(percent) %"
  }

  func reserve(_ code: Body.Code, _ allocated: FixedDecimal) -> String {
    language == .en ? "reserve \(code) (\(allocated) t)" : "留保 \(code)（\(allocated) t）"
  }

  func constraints(_ parts: [String]) -> String {
    language == .en
      ? "Constraints: " + parts.joined(separator: ", ") + "."
      : "制約: " + parts.joined(separator: "、") + "。"
  }

  func credits(_ description: String) -> String {
    language == .en ? "Credits: \(description)" : "クレジット: \(description)"
  }

  func ties(_ units: Int) -> String {
    switch (language, units) {
    case (.en, 0): "Ties: none; every unit was decided by the rounding rule alone."
    case (.en, _):
      "Ties: \(units) unit\(units == 1 ? " was" : "s were") decided by the tie "
        + "rule (larger estimate, then smaller code or id); each is listed in allocation.json."
    case (.ja, 0): "同順位: なし（すべての単位が端数処理の規則だけで決まりました）。"
    case (.ja, _):
      "同順位: \(units)単位を同順位規則（排出量の大きい方、次に団体コード・イベントIDの小さい方）で"
        + "決めました。各件は allocation.json に記録しています。"
    }
  }

  var statements: String { language == .en ? "Statements:" : "出力した明細:" }
}
