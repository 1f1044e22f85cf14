/// The language of statements: column headers, kind and level names, statement text.
///
/// Column headers are stable within a language, so an import set up once keeps working.
/// Machine values (body codes, event ids, keys such as `ward` or `total` in offset-rates.csv)
/// and JSON keys are the same in both.
public enum StatementLanguage: String, CaseIterable, Hashable, Sendable {
  /// English (the default).
  case en
  /// Japanese.
  case ja

  /// A column's header.
  public func header(_ column: StatementColumn) -> String {
    self == .en ? column.rawValue : column.japanese
  }

  /// Headers for a list of columns.
  public func headers(_ columns: [StatementColumn]) -> [String] { columns.map(header) }

  /// A kind's name: `ward` or 区.
  public func kind(_ kind: Body.Kind) -> String { self == .en ? kind.rawValue : kind.japaneseName }

  /// The kind given to the reserve row: `reserve` or 留保.
  public var reserve: String { self == .en ? "reserve" : "留保" }

  /// A level of offset-rates.csv: `event` or イベント.
  public func level(_ level: StatementLevel) -> String {
    switch (self, level) {
    case (.en, _): level.rawValue
    case (.ja, .event): "イベント"
    case (.ja, .body): "団体"
    case (.ja, .kind): "区分"
    case (.ja, .total): "合計"
    case (.ja, .reserve): "留保"
    }
  }

  /// The name of the total row: `total` or 合計.
  public var total: String { self == .en ? "total" : "合計" }

  /// Why serials are retired: `event`, `event-fractions`, `reserve`, `fractions` or イベント,
  /// イベント端数, 留保, 端数.
  public func basis(_ basis: RetirementRange.Basis) -> String {
    switch (self, basis) {
    case (.en, _): basis.rawValue
    case (.ja, .event): "イベント"
    case (.ja, .eventFractions): "イベント端数"
    case (.ja, .reserve): "留保"
    case (.ja, .fractions): "端数"
    }
  }
}

extension StatementLanguage {
  /// A word cell (`total`, `reserve`, a level, a kind, a basis, a purpose) in this language, as
  /// statements for data (CSV, the workbook) write it; `nil` for a cell of text, figures or a
  /// date.
  func word(_ cell: StatementCell) -> String? {
    switch cell {
    case .total: total
    case .reserve: reserve
    case .level(let level): self.level(level)
    case .kind(let kind): self.kind(kind)
    case .basis(let basis): self.basis(basis)
    case .purposeDetail(let detail): purposeDetail(detail)
    case .text, .joined, .decimal, .integer, .date, .pendingDate: nil
    }
  }
}

extension StatementLanguage {
  /// What a retirement application is for, beyond its purpose:
  /// `港区: 打ち水イベント (E02, 2011-07-23)`.
  public func purposeDetail(_ detail: RetirementRange.PurposeDetail) -> String {
    switch (self, detail) {
    case (.en, .event(let body, let event)):
      "\(body): " + (event.name.isEmpty ? "event" : event.name)
        + " (\(event.id)\(event.date.map { ", \($0)" } ?? ""))"
    case (.ja, .event(let body, let event)):
      "\(body): " + (event.name.isEmpty ? "イベント" : event.name)
        + "（\(event.id)\(event.date.map { "、\($0)開催" } ?? "")）"
    case (.en, .eventFractions(let body)):
      "\(body): its events' fractions of a tonne, together"
    case (.ja, .eventFractions(let body)): "\(body): 各イベントの1トン未満の端数の合計"
    case (.en, .reserve(let body)): "the reserve held by \(body)"
    case (.ja, .reserve(let body)): "\(body)の留保分"
    case (.en, .fractions(let body)):
      "every body's remaining fractions of a tonne, pooled and retired by \(body)"
    case (.ja, .fractions(let body)): "各団体の端数の合計（\(body)が一括して償却）"
    }
  }
}

/// The levels of offset-rates.csv.
public enum StatementLevel: String, Hashable, Sendable {
  case event, body, kind, total, reserve
}

/// Every column a CSV statement can have, by its English (machine) name.
public enum StatementColumn: String, CaseIterable, Hashable, Sendable {
  case bodyCode = "body_code"
  case bodyName = "body_name"
  case bodyKind = "body_kind"
  case eventID = "event_id"
  case eventName = "event_name"
  case eventDate = "event_date"
  case events
  case emissions = "emissions_t"
  case quota = "quota_t"
  case allocated = "allocated_t"
  case offsetRate = "offset_rate_pct"
  case shortfall = "shortfall_t"
  case cost = "cost_jpy"
  case level
  case key
  case name
  case basis
  case scheme
  case project
  case vintage
  case serialFrom = "serial_from"
  case serialTo = "serial_to"
  case quantity = "quantity_t"
  case application
  case creditUser = "credit_user"
  case purpose
  case purposeDetail = "purpose_detail"
  case retirementDate = "retirement_date"
  case calculation
  case serials

  /// The Japanese header. The submission columns keep the names submissions use, so a Japanese
  /// allocation.csv reads back as a submission.
  public var japanese: String {
    switch self {
    case .bodyCode: "団体コード"
    case .bodyName: "団体名"
    case .bodyKind: "区分"
    case .eventID: "イベントID"
    case .eventName: "イベント名"
    case .eventDate: "開催日"
    case .events: "イベント数"
    case .emissions: "排出量(t-CO2)"
    case .quota: "按分値(t-CO2)"
    case .allocated: "配分量(t-CO2)"
    case .offsetRate: "オフセット率(%)"
    case .shortfall: "不足量(t-CO2)"
    case .cost: "費用(円)"
    case .level: "集計単位"
    case .key: "キー"
    case .name: "名称"
    case .basis: "償却区分"
    case .scheme: "制度"
    case .project: "プロジェクト"
    case .vintage: "ビンテージ"
    case .serialFrom: "シリアル番号(開始)"
    case .serialTo: "シリアル番号(終了)"
    case .quantity: "数量(t-CO2)"
    case .application: "申請番号"
    case .creditUser: "クレジット使用者"
    case .purpose: "無効化目的"
    case .purposeDetail: "目的の詳細"
    case .retirementDate: "無効化日"
    case .calculation: "算定方法"
    case .serials: "シリアル番号"
    }
  }
}
