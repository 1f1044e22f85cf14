import ApportionmentModule

/// Reading `allocation.json` back into an ``Allocation``.
///
/// The document prints quotas, rates and costs rounded, so they cannot be read back as they are.
/// What it records exactly is enough to compute them again: the purchase parameters and every
/// event's estimate (with the decimals it was written with). The reader rebuilds the
/// ``Purchase`` and ``Estimates``, runs the ``Allocator`` again, writes the document it would
/// write and compares the two value by value: a document whose figures are not those the rules
/// give (edited by hand, or cut short) is refused at the first value that differs.
extension AllocationDocument {
  /// What an `allocation.json` holds, read back and checked.
  public struct Contents: Hashable, Sendable {
    /// The allocation, computed again from the purchase and estimates the document records.
    public let allocation: Allocation
    /// The input files the document lists, in its order.
    public let files: [InputFile]
    /// The warnings the document lists, each with its place and its English message as
    /// recorded (``InputWarning/Reason/recorded(_:)``).
    public let warnings: [InputWarning]
    /// The retirement recorded by `jointcredit retire`, when the document was retired.
    public let retirement: RetirementRecord?
  }

  /// Reads an `allocation.json` back, allocates again what it records, and checks that every
  /// figure it states is the one the rules give.
  ///
  /// ```swift
  /// let estimates = try SubmissionReader().read([SubmissionFile(path: "a.csv", text: """
  ///   body_code,body_name,body_kind,event_id,event_name,emissions_t
  ///   131032,港区,ward,E01,環境フェア,2.5
  ///   132012,八王子市,city,E01,エコフェスタ,3.1
  ///   """)]).value
  /// let purchase = try Purchase(lot: Quantity(tonnes: 10), unit: try Quantity(parsing: "0.1"))
  /// let allocation = try Allocator().allocate(purchase, among: estimates)
  /// let written = try StatementSet().render(allocation, files: estimates.files, warnings: [])
  ///
  /// let file = SubmissionFile(path: "allocation.json", bytes: written["allocation.json"]!)
  /// let contents = try AllocationDocument.read(file)
  /// contents.allocation == allocation   // true
  /// ```
  ///
  /// What the document does not record is read as the value that gives the same statements:
  /// the secretariat and the mix of credit blocks are those the document names (explicit, where
  /// the purchase may have left them to their defaults); in event mode the body unit and method
  /// are the unit and method; a purpose is kept only with credit blocks; each block's serial
  /// prefix ends where the trailing digits of its first serial begin. The `generator` is not
  /// compared, so a document written by another release of the same `format_version` is read.
  ///
  /// - Parameters:
  ///   - file: the document's bytes and the path that errors name.
  ///   - retired: the retired allocation the document revises, when it is a revision (its
  ///     `revises` member names it): a revision keeps what was retired, which only that record
  ///     holds.
  /// - Returns: the allocation with the files and warnings the document lists, and its
  ///   retirement, so that ``StatementSet/render(_:files:warnings:)`` gives its statements again.
  /// - Throws: ``InputErrors`` naming the file, the JSON path and its line and column: a
  ///   document of another format or ``formatVersion``
  ///   (``InputError/Reason/documentVersion(_:)``), a value the rebuilding needs that is missing
  ///   or unreadable (``InputError/Reason/documentField(path:expected:)``), parameters or
  ///   estimates the model refuses, an allocation the rules cannot make
  ///   (``InputError/Reason/documentNotReproducible(_:)``), a revision read without its retired
  ///   allocation (``InputError/Reason/documentNeedsRetiredRecord(_:)``), or the first value
  ///   that differs from the one computed again (``InputError/Reason/documentMismatch(path:recorded:recomputed:)``).
  /// - Complexity: O(*n* log *n*) for *n* events, as allocating them.
  public static func read(_ file: SubmissionFile, revising retired: RetiredAllocation? = nil)
    throws(InputErrors) -> Contents
  {
    do {
      return try DocumentReader(source: file.path).read(file.bytes, revising: retired)
    } catch {
      throw error.errors
    }
  }
}

extension Allocation {
  /// Reads an `allocation.json` back: the allocation of the purchase and estimates it records,
  /// checked against every figure it states (see ``AllocationDocument/read(_:revising:)``).
  ///
  /// - Parameters:
  ///   - document: the document's bytes and the path that errors name.
  ///   - retired: the retired allocation the document revises, when it is a revision.
  /// - Throws: ``InputErrors`` naming the JSON path, line and column of what cannot be read or
  ///   differs from the allocation computed again.
  public init(document: SubmissionFile, revising retired: RetiredAllocation? = nil)
    throws(InputErrors)
  {
    self = try AllocationDocument.read(document, revising: retired).allocation
  }
}

/// Reads the values of an `allocation.json` by JSON path, each problem located in the file.
struct DocumentReader {
  /// The errors of a reading; a typed wrapper so that helpers can throw one or several.
  struct Failure: Error {
    var errors: InputErrors
  }

  let source: String

  func fail(_ reason: InputError.Reason, at position: TextPosition?) -> Failure {
    Failure(errors: InputErrors([InputError(reason, at: InputLocation(source, position))]))
  }

  /// Places errors that have no place (the model's checks) at a node of the document.
  func located(_ errors: InputErrors, at position: TextPosition) -> Failure {
    Failure(
      errors: InputErrors(
        errors.errors.map { error in
          var error = error
          if error.location == nil { error.location = InputLocation(source, position) }
          return error
        }))
  }

  func read(_ bytes: [UInt8], revising retired: RetiredAllocation?) throws(Failure)
    -> AllocationDocument.Contents
  {
    let utf8: [UInt8]
    let root: JSONNode
    do {
      utf8 = try TextDecoding.decode(bytes, source: source).utf8
    } catch {
      throw Failure(errors: InputErrors([error]))
    }
    do {
      root = try JSONParser.parse(utf8)
    } catch {
      throw fail(error.reason, at: error.position)
    }
    let document = Node(root, path: "$", source: source)
    let format = try document.member("format")
    guard case .string("jointcredit-allocation") = format.node.value else {
      throw fail(
        .documentField(path: format.path, expected: "\"jointcredit-allocation\""),
        at: format.node.position)
    }
    let version = try document.member("format_version")
    guard case .number(let versionText) = version.node.value,
      versionText == String(AllocationDocument.formatVersion)
    else {
      throw fail(.documentVersion(version.node.value.shortText), at: version.node.position)
    }

    let purchaseNode = try document.member("purchase")
    let purchase = try readPurchase(purchaseNode)
    let estimatesNode = try document.member("bodies")
    let (estimates, explains) = try readEstimates(estimatesNode)
    let files = try readFiles(try document.member("inputs"))
    let warnings = try readWarnings(try document.member("warnings"))
    var retirement: RetirementRecord?
    if let retiredNode = try document.optionalMember("retired") {
      let date = try retiredNode.member("date").date()
      retirement = RetirementRecord(
        date: date, reference: try retiredNode.optionalMember("reference")?.string())
    }

    let allocator = Allocator(explains: explains)
    var allocation: Allocation
    if let revises = try document.optionalMember("revises") {
      let recordedPath = try revises.member("path").string()
      guard var retired else {
        throw fail(.documentNeedsRetiredRecord(recordedPath), at: revises.node.position)
      }
      // The document names the record by the path it was given then; the record read now may
      // come from another place.
      retired.source = recordedPath
      let revision: Revision
      do {
        revision = try Revision(purchase, estimates: estimates, retired: retired)
      } catch {
        throw located(error, at: revises.node.position)
      }
      do {
        allocation = try allocator.allocate(revision)
      } catch {
        throw fail(.documentNotReproducible(error), at: purchaseNode.node.position)
      }
    } else {
      do {
        allocation = try allocator.allocate(purchase, among: estimates)
      } catch {
        throw fail(.documentNotReproducible(error), at: purchaseNode.node.position)
      }
    }

    var rewritten: [UInt8] = []
    AllocationDocument.write(allocation, files: files, warnings: warnings, to: &rewritten)
    if let retirement { rewritten = retirement.retiredJSON(rewritten) }
    let recomputed: JSONNode
    do {
      recomputed = try JSONParser.parse(rewritten)
    } catch {
      preconditionFailure("allocation.json as written is not JSON: \(error)")
    }
    if let difference = Self.firstDifference(root, recomputed, path: "$", isRoot: true) {
      throw fail(
        .documentMismatch(
          path: difference.path, recorded: difference.recorded,
          recomputed: difference.recomputed),
        at: difference.position)
    }
    return AllocationDocument.Contents(
      allocation: allocation, files: files, warnings: warnings, retirement: retirement)
  }

  // MARK: Purchase

  /// A floor or a cap (`key`): `"emissions"`, `"rate"` with its percentage under `rate`, or
  /// null.
  func readEstimateShare(_ node: Node, _ key: String, rate: String) throws(Failure)
    -> Purchase.Floor?
  {
    switch try node.optionalMember(key)?.string() {
    case nil: nil
    case "emissions": .emissions
    case "rate": .rate(try node.member(rate).quantity())
    default: throw try node.member(key).failure(expected: "\"emissions\", \"rate\" or null")
    }
  }

  func readPurchase(_ node: Node) throws(Failure) -> Purchase {
    let mode = try node.member("mode").choice(AllocationMode.self)
    let method = try node.member("method").choice(ApportionmentMethod.self)
    let floor = try readEstimateShare(node, "floor", rate: "min_rate_pct")
    let cap = try readEstimateShare(node, "cap", rate: "cap_rate_pct")
    var pricing: Pricing?
    let taxIncluded = try node.optionalMember("tax_included")?.bool()
    if let price = try node.optionalMember("price_jpy_per_t") {
      pricing = Pricing(.perTonne(try price.integer()), taxIncluded: taxIncluded)
    } else if let invoice = try node.optionalMember("invoice_total_jpy") {
      pricing = Pricing(.invoiceTotal(try invoice.integer()), taxIncluded: taxIncluded)
    } else if node.has("tax_included") {
      // Tax is stated only with a price: the blocks' own prices, here.
      pricing = Pricing(.blockPrices, taxIncluded: taxIncluded)
    }
    var blocks: [CreditBlock] = []
    if let list = try node.optionalMember("credit_blocks") {
      for element in try list.elements() { blocks.append(try readBlock(element)) }
    }
    let lot = try node.member("lot_t").quantity()
    let unit = try node.member("unit_t").quantity()
    let bodyUnit = try node.optionalMember("body_unit_t")?.quantity()
    let bodyMethod = try node.optionalMember("body_method")?.choice(ApportionmentMethod.self)
    let minimum = try node.optionalMember("min_t")?.quantity()
    let surplus = try node.member("surplus").choice(Purchase.Surplus.self)
    let reserve = try node.optionalMember("reserve")?.code()
    let secretariat = try node.optionalMember("secretariat")?.code()
    let mix = try node.optionalMember("mix")?.choice(Purchase.Mix.self)
    let purpose = try node.optionalMember("purpose")?.string() ?? Purchase.defaultPurpose
    let description = try node.member("description").string()
    let issuer = try node.optionalMember("issuer")?.string() ?? ""
    let issuedOn = try node.optionalMember("issued_on")?.date()
    do {
      return try Purchase(
        lot: lot, unit: unit, bodyUnit: bodyUnit, mode: mode, method: method,
        bodyMethod: bodyMethod, minimum: minimum, floor: floor, surplus: surplus, cap: cap,
        reserve: reserve, pricing: pricing, creditBlocks: blocks, secretariat: secretariat,
        mix: mix, purpose: purpose, description: description, issuer: issuer,
        issuedOn: issuedOn)
    } catch {
      throw located(error, at: node.node.position)
    }
  }

  /// A credit block from its first and last serial as printed: the prefix ends where the
  /// trailing digits of the first serial begin, and the digits are as many as those.
  ///
  /// A prefix that itself ends in digits (`A1` + `23`) reads as a shorter one (`A` + `123`);
  /// every serial of the block prints the same either way, or its last serial would not match.
  func readBlock(_ node: Node) throws(Failure) -> CreditBlock {
    let fromNode = try node.member("serial_from")
    let from = try fromNode.string()
    let to = try node.member("serial_to").string()
    let quantity = try node.member("quantity_t").integer()
    let digits = from.utf8.reversed().prefix { $0 >= 0x30 && $0 <= 0x39 }.count
    let prefix = String(from.utf8.dropLast(digits))!
    guard (1...18).contains(digits),
      let first = Int64(String(from.utf8.suffix(digits))!), quantity >= 1,
      first <= WholeNumber.maximumSerial - (quantity - 1)
    else {
      throw fromNode.failure(expected: "a serial that ends in 1 to 18 digits")
    }
    let scheme = try node.member("scheme").string()
    let project = try node.member("project").string()
    let vintage = try node.member("vintage").string()
    let price = try node.optionalMember("price_jpy_per_t")?.integer()
    let block: CreditBlock
    do {
      block = try CreditBlock(
        scheme: scheme, project: project, serialPrefix: prefix, first: first,
        last: first + quantity - 1, vintage: vintage, digits: digits, price: price)
    } catch {
      throw located(InputErrors([error]), at: node.node.position)
    }
    guard block.serial(block.last) == to else {
      throw try node.member("serial_to").failure(
        expected: "\"\(block.serial(block.last))\", \(quantity) serials from \"\(from)\"")
    }
    return block
  }

  // MARK: Estimates

  /// The estimates of the bodies and events listed, and whether any share is explained.
  func readEstimates(_ node: Node) throws(Failure) -> (Estimates, explains: Bool) {
    var submissions: [Submission] = []
    var decimals = 0
    var explains = false
    for body in try node.elements() {
      let code = try body.member("body_code").code()
      let kind = try body.member("body_kind").choice(Body.Kind.self)
      explains = explains || body.has("explanation")
      var events: [Event] = []
      for event in try body.member("events").elements() {
        let estimate = try event.member("emissions_t")
        let text = try estimate.string()
        decimals = max(decimals, text.utf8.split(separator: 0x2E).dropFirst().first?.count ?? 0)
        explains = explains || event.has("explanation")
        let id = Event.ID(try event.member("event_id").string())
        let name = try event.member("event_name").string()
        let date = try event.optionalMember("event_date")?.date()
        let emissions = try estimate.quantity()
        let calculation = try event.optionalMember("calculation")?.string() ?? ""
        do {
          events.append(
            try Event(
              id: id, name: name, date: date, emissions: emissions, calculation: calculation))
        } catch {
          throw located(InputErrors([error]), at: estimate.node.position)
        }
      }
      submissions.append(
        Submission(
          body: Body(code: code, name: try body.member("body_name").string(), kind: kind),
          events: events))
    }
    do {
      return (try Estimates(submissions: submissions, decimals: decimals), explains)
    } catch {
      throw located(error, at: node.node.position)
    }
  }

  // MARK: Files and warnings

  func readFiles(_ node: Node) throws(Failure) -> [InputFile] {
    var files: [InputFile] = []
    for file in try node.elements() {
      files.append(
        InputFile(
          path: try file.member("path").string(),
          format: try file.member("format").choice(InputFile.Format.self),
          encoding: try file.member("encoding").choice(TextDecoding.Encoding.self),
          events: Int(try file.member("events").integer())))
    }
    return files
  }

  func readWarnings(_ node: Node) throws(Failure) -> [InputWarning] {
    var warnings: [InputWarning] = []
    for warning in try node.elements() {
      var location: InputLocation?
      if let file = try warning.optionalMember("file")?.string() {
        var position: TextPosition?
        if let line = try warning.optionalMember("line")?.integer() {
          position = TextPosition(
            line: Int(line), column: Int(try warning.member("column").integer()))
        }
        location = InputLocation(
          file, position, sheet: try warning.optionalMember("sheet")?.string())
      }
      warnings.append(
        InputWarning(.recorded(try warning.member("message").string()), at: location))
    }
    return warnings
  }

  // MARK: Comparison

  /// Where a document first differs from the one written again.
  struct Difference {
    var path: String
    var position: TextPosition
    var recorded: String?
    var recomputed: String?
  }

  /// The first value, in the recorded document's order, that differs from the recomputed
  /// one; objects compare by key (not by the order of their members), arrays by index.
  static func firstDifference(
    _ recorded: JSONNode, _ recomputed: JSONNode, path: String, isRoot: Bool = false
  ) -> Difference? {
    switch (recorded.value, recomputed.value) {
    case (.object(let left), .object(let right)):
      for member in left {
        // Which release wrote the document is no figure of the allocation.
        if isRoot, member.key == "generator" { continue }
        let here = Node.path(path, member.key)
        guard let other = right.first(where: { $0.key == member.key }) else {
          return Difference(
            path: here, position: member.keyPosition,
            recorded: member.value.value.shortText, recomputed: nil)
        }
        if let difference = firstDifference(member.value, other.value, path: here) {
          return difference
        }
      }
      for member in right where !left.contains(where: { $0.key == member.key }) {
        return Difference(
          path: Node.path(path, member.key), position: recorded.position, recorded: nil,
          recomputed: member.value.value.shortText)
      }
      return nil
    case (.array(let left), .array(let right)):
      for (index, (l, r)) in zip(left, right).enumerated() {
        if let difference = firstDifference(l, r, path: "\(path)[\(index)]") {
          return difference
        }
      }
      guard left.count == right.count else {
        return Difference(
          path: path, position: recorded.position,
          recorded: "\(left.count) element\(left.count == 1 ? "" : "s")",
          recomputed: "\(right.count) element\(right.count == 1 ? "" : "s")")
      }
      return nil
    case (let left, let right):
      return left == right
        ? nil
        : Difference(
          path: path, position: recorded.position, recorded: left.shortText,
          recomputed: right.shortText)
    }
  }
}

extension DocumentReader {
  /// A value of the document with its JSON path.
  struct Node {
    var node: JSONNode
    var path: String
    /// The file, for the places of errors.
    var source: String

    init(_ node: JSONNode, path: String, source: String) {
      self.node = node
      self.path = path
      self.source = source
    }

    /// `$.purchase.lot_t`; a key that is not a plain name is quoted: `$["a b"]`.
    static func path(_ path: String, _ key: String) -> String {
      let plain =
        !key.isEmpty
        && key.utf8.allSatisfy { byte in
          (0x61...0x7A).contains(byte) || (0x41...0x5A).contains(byte)
            || (0x30...0x39).contains(byte) || byte == 0x5F
        }
      return plain ? "\(path).\(key)" : "\(path)[\"\(q(key))\"]"
    }

    func failure(expected: String) -> DocumentReader.Failure {
      DocumentReader.Failure(
        errors: InputErrors([
          InputError(
            .documentField(path: path, expected: expected),
            at: InputLocation(source, node.position))
        ]))
    }

    func has(_ key: String) -> Bool {
      guard case .object(let members) = node.value else { return false }
      return members.contains { $0.key == key }
    }

    func member(_ key: String) throws(DocumentReader.Failure) -> Node {
      guard case .object(let members) = node.value else {
        throw failure(expected: "an object")
      }
      guard let member = members.first(where: { $0.key == key }) else {
        // Placed at the object that lacks it, named by the path it would have.
        throw Node(node, path: Self.path(path, key), source: source).failure(
          expected: "a value, but the member is missing")
      }
      return Node(member.value, path: Self.path(path, key), source: source)
    }

    /// The member, or `nil` when it is absent or `null`.
    func optionalMember(_ key: String) throws(DocumentReader.Failure) -> Node? {
      guard case .object(let members) = node.value else {
        throw failure(expected: "an object")
      }
      guard let member = members.first(where: { $0.key == key }),
        member.value.value != .null
      else { return nil }
      return Node(member.value, path: Self.path(path, key), source: source)
    }

    func elements() throws(DocumentReader.Failure) -> [Node] {
      guard case .array(let elements) = node.value else { throw failure(expected: "an array") }
      return elements.enumerated().map { Node($1, path: "\(path)[\($0)]", source: source) }
    }

    func string() throws(DocumentReader.Failure) -> String {
      guard case .string(let text) = node.value else { throw failure(expected: "a string") }
      return text
    }

    func bool() throws(DocumentReader.Failure) -> Bool {
      guard case .bool(let value) = node.value else { throw failure(expected: "true or false") }
      return value
    }

    func integer() throws(DocumentReader.Failure) -> Int64 {
      guard case .number(let text) = node.value, let value = Int64(text) else {
        throw failure(expected: "a whole number")
      }
      return value
    }

    func quantity() throws(DocumentReader.Failure) -> Quantity {
      guard case .string(let text) = node.value, let value = try? Quantity(parsing: text) else {
        throw failure(expected: "a decimal as a string, such as \"0.1\"")
      }
      return value
    }

    func date() throws(DocumentReader.Failure) -> EventDate {
      guard case .string(let text) = node.value, let date = EventDate(iso: text) else {
        throw failure(expected: "a date such as \"2011-10-15\"")
      }
      return date
    }

    func code() throws(DocumentReader.Failure) -> Body.Code {
      guard case .string(let text) = node.value, let code = try? Body.Code(parsing: text) else {
        throw failure(expected: "a body code such as \"131032\"")
      }
      return code
    }

    func choice<Choice: RawRepresentable & CaseIterable>(_: Choice.Type)
      throws(DocumentReader.Failure) -> Choice where Choice.RawValue == String
    {
      guard case .string(let text) = node.value, let choice = Choice(rawValue: text) else {
        throw failure(
          expected: "one of " + Choice.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
        )
      }
      return choice
    }
  }
}

extension JSONValue {
  /// The value as it reads in a message: a scalar as JSON text, a container by its size.
  var shortText: String {
    switch self {
    case .object(let members): "an object of \(members.count) members"
    case .array(let elements): "an array of \(elements.count)"
    case .string(let text): "\"\(q(text))\""
    case .number(let text): text
    case .bool(let value): value ? "true" : "false"
    case .null: "null"
    }
  }
}
