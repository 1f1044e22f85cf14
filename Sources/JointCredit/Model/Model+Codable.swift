/// The model as JSON, the way allocation.json writes it: quantities as decimal strings in tonnes
/// (`"1.250"`, never a binary float), dates as `YYYY-MM-DD`, codes and ids as strings. Decoding
/// checks what the initialisers check, so a decoded value is as sound as a made one.

extension Quantity: Codable {
  /// Decodes a decimal string in tonnes, such as `"12.5"`.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    let text = try container.decode(String.self)
    do {
      self = try Quantity(parsing: text)
    } catch {
      throw DecodingError.dataCorruptedError(
        in: container, debugDescription: "'\(QuotedText.quote(text))': \(error.explanation)")
    }
  }

  /// Encodes the quantity as a decimal string in tonnes, with the decimals it needs.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(description)
  }
}

extension EventDate: Codable {
  /// Decodes `YYYY-MM-DD`; a day that does not exist is an error.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    let text = try container.decode(String.self)
    guard let date = EventDate(iso: text) else {
      throw DecodingError.dataCorruptedError(
        in: container, debugDescription: "'\(QuotedText.quote(text))' is not a day, YYYY-MM-DD")
    }
    self = date
  }

  /// Encodes the date as `YYYY-MM-DD`.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(description)
  }
}

extension Body.Code: Codable {
  /// Decodes a code, checked as the reader checks one.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    let text = try container.decode(String.self)
    do {
      self = try Body.Code(parsing: text)
    } catch {
      throw DecodingError.dataCorruptedError(in: container, debugDescription: error.message)
    }
  }

  /// Encodes the code as a string.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(rawValue)
  }
}

extension Event.ID: Codable {
  /// Decodes an id.
  public init(from decoder: any Decoder) throws {
    self.init(try decoder.singleValueContainer().decode(String.self))
  }

  /// Encodes the id as a string.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(rawValue)
  }
}

extension Body.Kind: Codable {}

extension Body: Codable {
  private enum CodingKeys: String, CodingKey {
    case code = "body_code", name = "body_name", kind = "body_kind"
  }

  /// Decodes a body with the keys allocation.json uses.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    self.init(
      code: try container.decode(Code.self, forKey: .code),
      name: try container.decode(String.self, forKey: .name),
      kind: try container.decode(Kind.self, forKey: .kind))
  }

  /// Encodes the body with the keys allocation.json uses.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(code, forKey: .code)
    try container.encode(name, forKey: .name)
    try container.encode(kind, forKey: .kind)
  }
}

extension Event: Codable {
  private enum CodingKeys: String, CodingKey {
    case id = "event_id", name = "event_name", date = "event_date", emissions = "emissions_t"
    case calculation
  }

  /// Decodes an event; a negative estimate is an error.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    try self.init(
      id: container.decode(ID.self, forKey: .id),
      name: container.decode(String.self, forKey: .name),
      date: container.decodeIfPresent(EventDate.self, forKey: .date),
      emissions: container.decode(Quantity.self, forKey: .emissions),
      calculation: container.decodeIfPresent(String.self, forKey: .calculation) ?? "")
  }

  /// Encodes the event with the keys allocation.json uses.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(id, forKey: .id)
    try container.encode(name, forKey: .name)
    try container.encodeIfPresent(date, forKey: .date)
    try container.encode(emissions, forKey: .emissions)
    if !calculation.isEmpty { try container.encode(calculation, forKey: .calculation) }
  }
}

extension Submission: Codable {
  private enum CodingKeys: String, CodingKey { case body, events }

  /// Decodes a body's submission; events are sorted by id.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    self.init(
      body: try container.decode(Body.self, forKey: .body),
      events: try container.decode([Event].self, forKey: .events))
  }

  /// Encodes the body and its events.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(body, forKey: .body)
    try container.encode(events, forKey: .events)
  }
}

extension Estimates: Codable {
  private enum CodingKeys: String, CodingKey { case submissions, decimals }

  /// Decodes estimates, checked as ``init(submissions:decimals:files:)`` checks them.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    try self.init(
      submissions: container.decode([Submission].self, forKey: .submissions),
      decimals: container.decodeIfPresent(Int.self, forKey: .decimals))
  }

  /// Encodes the submissions and the decimals (not the files, which are a record of reading).
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(submissions, forKey: .submissions)
    try container.encode(decimals, forKey: .decimals)
  }
}
