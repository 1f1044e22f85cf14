import ApportionmentModule

/// One thing wrong with the input, and where it is.
///
/// Its description is what the command line prints, one problem per line:
/// `submissions/131032.csv:4:12: invalid emission estimate '12,5': …`.
public struct InputError: Error, Hashable, Sendable, LocatedMessage {
  /// What is wrong.
  public var reason: Reason
  /// Where: a file or option, and a position in it when there is one; `nil` when the problem is
  /// with the input as a whole (such as a zero total).
  public var location: InputLocation?

  /// Creates an error.
  public init(_ reason: Reason, at location: InputLocation? = nil) {
    self.reason = reason
    self.location = location
  }

  /// What is wrong, in one sentence (English).
  public var message: String { reason.message }

  /// What is wrong, in one sentence, in a language.
  public func message(_ language: StatementLanguage) -> String { reason.message(language) }
}

/// A message about the input and where it applies: what errors and warnings share.
///
/// Its description is `file:line:column: message`; messages order by file, line and column, so
/// that reports read top to bottom, and those without a place come last.
public protocol LocatedMessage: Comparable, CustomStringConvertible {
  /// Where the message applies, if anywhere in particular.
  var location: InputLocation? { get }
  /// The message (English).
  var message: String { get }
  /// The message in a language.
  func message(_ language: StatementLanguage) -> String
}

extension LocatedMessage {
  public var description: String { description(.en) }

  /// `file:line:column: message`, the message in a language; the place is the same in every
  /// language.
  public func description(_ language: StatementLanguage) -> String {
    let text = message(language)
    return location.map { "\($0): \(text)" } ?? text
  }

  public static func < (lhs: Self, rhs: Self) -> Bool {
    switch (lhs.location, rhs.location) {
    case (let l?, let r?) where l != r: return l < r
    case (nil, _?): return false
    case (_?, nil): return true
    default: return UTF8Bytes.precedes(lhs.message, rhs.message)
    }
  }
}

extension InputError {
  /// The kinds of input problem, each with a one-sentence ``message``.
  public enum Reason: Hashable, Sendable {
    // Files
    /// The file or folder could not be read; the text says why.
    case unreadable(String)
    /// A folder given as input holds no `.csv` or `.json` file.
    case noSubmissionFiles
    /// A file given as input is neither `.csv` nor `.json`.
    case unsupportedFileType(String)
    /// The bytes are neither UTF-8 nor Shift_JIS (CP932); the first byte that is not UTF-8.
    case undecodable(byte: UInt8)
    /// The file is UTF-16 (Excel's "Unicode text").
    case utf16
    /// The file has no content at all.
    case emptyFile
    /// The file has a header but no rows (or a JSON submission has no events).
    case noRows

    // Structure
    /// A quoted CSV field is never closed.
    case unterminatedQuote
    /// A `"` inside an unquoted CSV field, or text right after a closing quote.
    case strayQuote
    /// A CSV row has a different number of fields than the header.
    case fieldCount(expected: Int, found: Int)
    /// A required column is not in the header; `required` lists every required column.
    case missingColumn(String, required: [String])
    /// A JSON object lacks a required field.
    case missingField(String)
    /// Two header cells name the same column.
    case duplicateColumn(String)
    /// The text is not JSON; the text says what was expected.
    case jsonSyntax(String)
    /// A JSON value has the wrong type.
    case jsonType(field: String, expected: String)
    /// A JSON object repeats a key.
    case duplicateKey(String)

    // Values
    /// A required field is empty.
    case missingValue(String)
    /// An emission estimate is not a decimal number of tonnes.
    case invalidEstimate(String, Quantity.ParseError)
    /// An emission estimate is below zero.
    case negativeEstimate(String)
    /// A body code uses characters other than letters, digits, `-` and `_`, or is too long.
    case invalidBodyCode(String)
    /// A six-digit body code whose check digit is wrong; `expected` is the corrected code.
    case wrongCheckDigit(code: String, expected: String)
    /// A code that is not a local government code needs kind `other`.
    case codeNeedsKindOther(code: String, kind: Body.Kind)
    /// A body kind that is not one of the seven.
    case unknownKind(String)
    /// A listed local government submitted with another kind than it has.
    case kindDiffersFromReference(code: Body.Code, name: String, kind: Body.Kind, given: Body.Kind)
    /// A date that is not `YYYY-MM-DD`, or a day that does not exist.
    case invalidDate(String)
    /// An event id with control characters.
    case invalidEventID(String)
    /// A weight (for `jointcredit apportion`) that is not a decimal number.
    case invalidWeight(String, Quantity.ParseError)
    /// A weight below zero.
    case negativeWeight(String)
    /// An id that appears twice in a weight table; `first` is where it was first seen.
    case duplicateID(String, first: InputLocation)
    /// A positive total to share, but every weight is zero.
    case noPositiveWeight
    /// The weights add up to more than a quantity can hold.
    case weightsTooLarge

    // Across rows and files
    /// The same event id twice for one body; `first` is where it was first seen.
    case duplicateEvent(body: Body.Code, event: Event.ID, first: InputLocation)
    /// A body submitted with two different names or kinds; `first` is the other place.
    case conflictingBody(
      body: Body.Code, column: SubmissionColumn, value: String, other: String,
      first: InputLocation)
    /// The estimates add up to more than a quantity can hold.
    case totalTooLarge
    /// A body given twice to ``Estimates`` (the reader merges a body's rows instead).
    case repeatedBody(Body.Code)
    /// An event id given twice for one body to ``Estimates``.
    case repeatedEvent(body: Body.Code, event: Event.ID)
    /// The estimates add up to zero, so there is nothing to share the lot by.
    case totalIsZero

    // Purchase parameters
    /// A purchase parameter is not given in the purchase file nor as an option; `option` is the
    /// command-line option that gives it, for a tool to suggest (the message names only `field`).
    case missingPurchaseValue(field: String, option: String)
    /// A purchase quantity is not a decimal number of tonnes.
    case invalidPurchaseQuantity(field: String, text: String, Quantity.ParseError)
    /// A purchase quantity that must be positive is not.
    case notPositive(field: String, value: String)
    /// A purchase quantity that must not be negative is.
    case negativeValue(field: String, value: String)
    /// `field` is not a whole multiple of `unitField`.
    case notAMultiple(field: String, value: String, unitField: String, unit: String)
    /// A mode name that is not `event` or `body-then-event`.
    case unknownMode(String)
    /// A rounding method that does not exist.
    case unknownMethod(String)
    /// A cap that is not `emissions`.
    case unknownCap(String)
    /// Both a cap and a cap rate were given.
    case conflictingCaps
    /// A floor that is not `emissions`.
    case unknownFloor(String)
    /// Both `min_t` `emissions` and a floor rate were given.
    case conflictingFloors
    /// A surplus rule that is not `method` or `reserve`.
    case unknownSurplus(String)
    /// The surplus is to go to the reserve, but no reserve body is named.
    case surplusNeedsReserve
    /// The surplus is to go to the reserve, but no floor or minimum says what events keep.
    case surplusNeedsFloor
    /// A yen amount that is not a positive whole number.
    case invalidYen(field: String, text: String)
    /// Both a price per tonne and an invoice total were given.
    case conflictingPrices
    /// A price per tonne times the lot is not a whole number of yen.
    case priceNotWholeYen(price: String, lot: String)
    /// A price per tonne times the lot is more yen than JointCredit accepts.
    case invoiceTooLarge(price: String, lot: String)
    /// Some blocks have a price and this one has none, nor a price per tonne to fall back on.
    case blockWithoutPrice(String)
    /// Blocks have prices and the purchase an invoice total.
    case blockPricesWithInvoice
    /// The blocks' prices add up to more yen than JointCredit accepts.
    case blockInvoiceTooLarge(String)
    /// A mix that is not `sequential` or `proportional`.
    case unknownMix(String)
    /// The retired allocation a revision keeps cannot be used; the text says why.
    case invalidRetiredRecord(String)
    /// An `allocation.json` of another format version than ``AllocationDocument/formatVersion``
    /// (the version found, as written).
    case documentVersion(String)
    /// A value of an `allocation.json` that reading it back needs is missing or not what
    /// JointCredit writes there: its JSON path (`$.purchase.lot_t`) and what was expected.
    case documentField(path: String, expected: String)
    /// A value of an `allocation.json` differs from the one its purchase and estimates give when
    /// allocated again: its JSON path and both values as JSON text (`nil`: absent).
    case documentMismatch(path: String, recorded: String?, recomputed: String?)
    /// The purchase and estimates an `allocation.json` records cannot be allocated again.
    indirect case documentNotReproducible(AllocationError)
    /// An `allocation.json` revises a retired allocation (its path, as recorded) that was not
    /// given: what a revision keeps is only in that record.
    case documentNeedsRetiredRecord(String)
    /// Credit serials are whole tonnes, so the lot must be.
    case serialsNeedWholeTonnes(lot: String)
    /// The credit blocks hold another number of serials than the lot has tonnes.
    case serialsDoNotMatchLot(serials: String, lot: String)
    /// Two credit blocks print some of the same serials; each is named by its first and last.
    case overlappingBlocks(String, String)
    /// A credit block's field is missing or wrong; the text says which and why.
    case invalidBlock(String)
    /// A purchase file field that JointCredit does not know.
    case unknownField(String, expected: [String])

    // The national list of local governments
    /// A listed code submitted under another name; `reference` is the listed name, `others` the
    /// codes listed under the name given, if any.
    case nameDiffersFromReference(
      code: Body.Code, given: String, reference: String, others: [String])
    /// A six-digit code with a valid check digit that the list of local governments lacks.
    case unknownLocalGovernmentCode(Body.Code)
    /// A five-digit (or four-digit) code that is a listed code without its leading zero, as a
    /// spreadsheet writes a code it took for a number; `code` is the listed code.
    case leadingZeroRemoved(given: String, code: String, name: String)

    // Dates as spreadsheets write them
    /// A date with a month and a day but no year, such as `10月1日` or `10/1`.
    case dateWithoutYear(String)
    /// A date such as `1/10/2011`, whose day and month could be either way round.
    case ambiguousDate(String)
    /// A whole number that a spreadsheet date serial would give: the date it stands for.
    case dateSerial(String, date: EventDate)
    /// A workbook (.xlsx) cannot be read: encrypted, damaged, or a part too large.
    case invalidWorkbook(WorkbookProblem)
  }

  /// Why a workbook (.xlsx) cannot be read.
  public enum WorkbookProblem: Error, Hashable, Sendable {
    /// Saved with a password (an encrypted workbook is not a ZIP archive but an OLE container).
    case encrypted
    /// Not a ZIP archive, as an .xlsx workbook is.
    case notAnArchive
    /// A part every workbook has is missing.
    case missingPart(String)
    /// A part is damaged.
    case damagedPart(String)
    /// The workbook lists no sheet.
    case noSheet
    /// A part expands past the limit (a zip bomb, or not a submission).
    case tooLarge(part: String, limit: Int)
  }
}

extension InputError.Reason {
  /// One sentence: what is wrong, with the offending text quoted and what was expected (English).
  public var message: String { message(.en) }

  /// One sentence in a language: what is wrong, with the offending text quoted and what was
  /// expected. Every language quotes the same values and gives the same figures and fixes.
  public func message(_ language: StatementLanguage) -> String {
    switch language {
    case .en: englishMessage
    case .ja: japaneseMessage
    }
  }

  /// The English sentence.
  private var englishMessage: String {
    switch self {
    case .unreadable(let why):
      "cannot read: \(why)"
    case .noSubmissionFiles:
      "folder holds no .csv, .json or .xlsx submission files"
    case .unsupportedFileType(let ext):
      "cannot read a '.\(ext)' file: give submissions as .csv, .json or .xlsx files"
    case .undecodable(let byte):
      "text is neither UTF-8 nor Shift_JIS (CP932): byte 0x\(hex(byte)) is not valid here; "
        + "save the file as 'CSV UTF-8' or 'CSV (comma delimited)'"
    case .utf16:
      "file is UTF-16 (Excel's 'Unicode text'); save it as 'CSV UTF-8' instead"
    case .emptyFile:
      "file is empty; expected a header row naming the columns "
        + SubmissionColumn.allCases.map(\.name).joined(separator: ",")
    case .noRows:
      "file has no events; expected at least one event row"
    case .unterminatedQuote:
      "quoted field is never closed; add the closing '\"'"
    case .strayQuote:
      "unexpected '\"': a field with quotes must be quoted as a whole and its quotes doubled ('\"\"')"
    case .fieldCount(let expected, let found):
      "row has \(found) field\(found == 1 ? "" : "s") but the header has \(expected)"
    case .missingColumn(let column, let required):
      "missing column \(column); the header must name " + required.joined(separator: ", ")
    case .missingField(let field):
      "missing field \(field)"
    case .duplicateColumn(let column):
      "column \(column) appears twice in the header"
    case .jsonSyntax(let what):
      "invalid JSON: \(what)"
    case .jsonType(let field, let expected):
      "'\(q(field))' must be \(expected)"
    case .duplicateKey(let key):
      "key '\(q(key))' appears twice in the same object"
    case .missingValue(let column):
      "\(column) is empty"
    case .invalidEstimate(let text, let error):
      "invalid emission estimate '\(q(text))': \(error.explanation)"
    case .negativeEstimate(let text):
      "emission estimate '\(q(text))' is negative; estimates are zero or more tonnes"
    case .invalidBodyCode(let text):
      "invalid body code '\(q(text))': use a local government code such as 131032, "
        + "or up to 32 letters, digits, '-' and '_', starting with a letter or digit"
    case .wrongCheckDigit(let code, let expected):
      "local government code '\(q(code))' has a wrong check digit; did you mean \(expected)?"
    case .codeNeedsKindOther(let code, let kind):
      "body code '\(q(code))' is not a local government code, so its kind must be 'other', "
        + "not '\(q(kind))'"
    case .unknownKind(let text):
      "unknown body kind '\(q(text))'; expected one of "
        + Body.Kind.allCases.map(\.rawValue).joined(separator: ", ") + " (or "
        + Body.Kind.allCases.map(\.japaneseName).joined(separator: ", ") + ")"
    case .kindDiffersFromReference(let code, let name, let kind, let given):
      "body \(code) is \(name), a \(kind) (\(kind.japaneseName)), but its kind is given as '\(q(given))'"
    case .invalidDate(let text):
      "invalid event date '\(q(text))'; expected an existing day written YYYY-MM-DD, such as 2011-12-15"
    case .invalidWeight(let text, let error):
      "invalid weight '\(q(text))': \(error.explanation(of: "number"))"
    case .negativeWeight(let text):
      "weight '\(q(text))' is negative; weights are zero or more"
    case .duplicateID(let id, let first):
      "id '\(q(id))' appears twice (first at \(first)); ids must be unique"
    case .noPositiveWeight:
      "every weight is zero, so there is nothing to share the total by"
    case .weightsTooLarge:
      "the weights add up to more than \(Quantity.max); scale them down"
    case .invalidEventID(let text):
      "invalid event id '\(q(text))': "
        + "ids must not contain control characters"
    case .duplicateEvent(let body, let event, let first):
      "event '\(q(event))' of body \(body) appears twice (first at \(first)); event ids must be "
        + "unique within a body"
    case .conflictingBody(let body, let column, let value, let other, let first):
      "body \(body) has \(column.name) '\(q(value))' here but '\(q(other))' at \(first); "
        + "a body must have the same name and kind in every file"
    case .repeatedBody(let body):
      "body \(q(body)) is given twice; give each body's events in one submission"
    case .repeatedEvent(let body, let event):
      "event '\(q(event))' of body \(q(body)) is given twice; event ids must be unique within a body"
    case .totalTooLarge:
      "the emission estimates add up to more than \(Quantity.max) t"
    case .totalIsZero:
      "the emission estimates add up to zero, so there is nothing to share the lot by"
    case .missingPurchaseValue(let field, _):
      "no \(field) given; set '\(q(field))' in the purchase file"
    case .invalidPurchaseQuantity(let field, let text, let error):
      "invalid \(field) '\(q(text))': \(error.explanation)"
    case .notPositive(let field, let value):
      "\(field) must be greater than zero, not \(value)"
    case .negativeValue(let field, let value):
      "\(field) must not be negative, not \(value)"
    case .notAMultiple(let field, let value, let unitField, let unit):
      "\(field) \(value) t is not a whole multiple of the \(unitField) \(unit) t"
    case .unknownMode(let text):
      "unknown mode '\(q(text))'; expected one of "
        + AllocationMode.allCases.map(\.rawValue).joined(separator: ", ")
    case .unknownMethod(let text):
      "unknown rounding method '\(q(text))'; expected one of "
        + ApportionmentMethod.allCases.map(\.nameWithAlias).joined(separator: ", ")
    case .unknownCap(let text):
      "unknown cap '\(q(text))'; expected 'emissions' (no event above 100 % of its estimate), or "
        + "give a percentage as cap_rate_pct"
    case .conflictingCaps:
      "give either cap or cap_rate_pct, not both"
    case .unknownFloor(let text):
      "unknown minimum '\(q(text))'; expected a quantity in tonnes such as 0.1, or 'emissions' "
        + "(every event at least its estimate, rounded up), or give a percentage as min_rate_pct"
    case .conflictingFloors:
      "give either min_t 'emissions' or min_rate_pct, not both"
    case .unknownSurplus(let text):
      "unknown surplus '\(q(text))'; expected 'method' (the rest of the lot by the rounding "
        + "rule) or 'reserve' (the rest to the reserve body)"
    case .surplusNeedsReserve:
      "surplus 'reserve' needs a reserve body to hold what the floors leave; name one as reserve"
    case .surplusNeedsFloor:
      "surplus 'reserve' needs a floor for the events to stand at; give min_t 'emissions', "
        + "min_rate_pct or min_t"
    case .invalidYen(let field, let text):
      "invalid \(field) '\(q(text))': expected a whole number of yen greater than zero and at most "
        + "\(WholeNumber.maximumYen), written with digits only, such as 450000"
    case .conflictingPrices:
      "give either price_jpy_per_t or invoice_total_jpy, not both"
    case .blockWithoutPrice(let block):
      "credit block \(q(block)) has no price_jpy_per_t while others have one; give it a price, or "
        + "give the purchase a price_jpy_per_t for blocks without their own"
    case .blockPricesWithInvoice:
      "credit blocks have their own price_jpy_per_t, so the invoice is their sum: remove "
        + "invoice_total_jpy"
    case .blockInvoiceTooLarge(let total):
      "the credit blocks' prices add up to \(total) yen, more than \(WholeNumber.maximumYen) yen"
    case .invalidRetiredRecord(let why): why
    case .documentVersion(let found):
      "allocation.json has format_version \(found); this release reads version "
        + "\(AllocationDocument.formatVersion): allocate again with the release that wrote it"
    case .documentField(let path, let expected):
      "\(path): expected \(expected) here, as jointcredit allocate writes it"
    case .documentMismatch(let path, let recorded, let recomputed):
      "\(path) is \(recorded ?? "absent") but the purchase and estimates the document records "
        + "give \(recomputed ?? "nothing there") when allocated again: the document was changed "
        + "after it was written"
    case .documentNotReproducible(let error):
      "the purchase and estimates the document records cannot be allocated again: "
        + error.message(.en)
    case .documentNeedsRetiredRecord(let path):
      "the document revises the retired allocation '\(q(path))': give that allocation.json too, "
        + "since what a revision keeps is recorded only there"
    case .unknownMix(let text):
      "unknown mix '\(q(text))'; expected 'proportional' (every holder a share of each block) or "
        + "'sequential' (blocks in the order listed)"
    case .priceNotWholeYen(let price, let lot):
      "\(price) yen per tonne times the lot of \(lot) t is not a whole number of yen; give "
        + "invoice_total_jpy instead"
    case .invoiceTooLarge(let price, let lot):
      "\(price) yen per tonne times the lot of \(lot) t is more than \(WholeNumber.maximumYen) yen, "
        + "the largest amount JointCredit accepts"
    case .serialsNeedWholeTonnes(let lot):
      "credit serials are whole tonnes, so the lot must be too, not \(lot) t"
    case .serialsDoNotMatchLot(let serials, let lot):
      "the credit blocks hold \(serials) serials (1 serial = 1 t) but the lot is \(lot) t; every "
        + "serial bought must be assigned exactly once"
    case .overlappingBlocks(let first, let second):
      "credit blocks overlap: the block '\(q(first))' prints serials that the block '\(q(second))' "
        + "prints too; every serial must be in one block only"
    case .invalidBlock(let what):
      "invalid credit block: \(what)"
    case .unknownField(let field, let expected):
      "unknown field '\(q(field))'; expected one of " + expected.joined(separator: ", ")
    case .nameDiffersFromReference(let code, let given, let reference, let others):
      "body \(code) is \(reference), not '\(q(given))'"
        + (others.isEmpty
          ? "" : " (\(q(given)) is " + others.joined(separator: " or ") + ")")
        + "; correct the code or the name"
    case .unknownLocalGovernmentCode(let code):
      "local government code \(code) is not in the list of Japan's local governments "
        + "(\(MunicipalityDirectory.japanListDate)); check the code"
    case .leadingZeroRemoved(let given, let code, let name):
      "body code '\(q(given))' looks like \(code) (\(name)) with its leading zero removed by a "
        + "spreadsheet; write \(code), with the column formatted as text"
    case .dateWithoutYear(let text):
      "event date '\(q(text))' has no year, as a spreadsheet may show a date; write it "
        + "YYYY-MM-DD, such as 2011-10-01"
    case .ambiguousDate(let text):
      "event date '\(q(text))' could be day/month or month/day, as a spreadsheet writes dates "
        + "in its region's order; write it YYYY-MM-DD, such as 2011-10-01"
    case .dateSerial(let text, let date):
      "event date '\(q(text))' looks like a spreadsheet's date serial number (\(text) is "
        + "\(date)); write the date as YYYY-MM-DD, with the column formatted as text"
    case .invalidWorkbook(.encrypted):
      "the workbook is protected with a password (encrypted); save it without one and submit it "
        + "again"
    case .invalidWorkbook(.notAnArchive):
      "not an .xlsx workbook (it is not a ZIP archive); save it from the spreadsheet as "
        + "'Excel workbook (.xlsx)'"
    case .invalidWorkbook(.missingPart(let part)):
      "the workbook has no \(part); open it in a spreadsheet and save it as .xlsx again"
    case .invalidWorkbook(.damagedPart(let part)):
      "the workbook's \(part) is damaged; open it in a spreadsheet and save it as .xlsx again"
    case .invalidWorkbook(.noSheet):
      "the workbook has no sheet; put the submission on its first sheet"
    case .invalidWorkbook(.tooLarge(let part, let limit)):
      "the workbook's \(part) expands past \(limit >> 20) MiB; a submission is never this large, "
        + "so the file is damaged or not a submission"
    }
  }
}

/// A value from the input, escaped and shortened for a message (see `QuotedText`).
func q(_ text: some StringProtocol) -> String { QuotedText.quote(text) }

/// An id or code from the input, as a message shows it.
func q(_ value: some CustomStringConvertible) -> String { QuotedText.quote(value.description) }

func hex(_ byte: UInt8) -> String {
  let digits = Array("0123456789ABCDEF")
  return String([digits[Int(byte >> 4)], digits[Int(byte & 0xF)]])
}

extension Quantity.ParseError {
  /// What was wrong and how to write it instead.
  public var explanation: String { explanation(of: "number of tonnes") }

  /// What was wrong, for a value described as `noun` ("number of tonnes", "number").
  func explanation(of noun: String) -> String {
    switch self {
    case .empty, .notANumber, .malformed: "expected a decimal \(noun) such as 12.345"
    case .comma: "use '.' as the decimal point and no thousands separators, as in 1234.5"
    case .exponent:
      "it is in scientific notation, as a spreadsheet shows long or small numbers; write the "
        + "number out in full, without an exponent"
    case .tooManyDecimals(let places):
      "it has \(places) decimal places; at most \(Quantity.scale) are allowed"
    case .tooLarge: "it is too large; at most \(Quantity.max)"
    }
  }
}
