extension InputWarning.Reason {
  /// The Japanese sentence: the same quoted values and column names as the English one.
  var japaneseMessage: String {
    switch self {
    case .unknownColumn(let name):
      "列 '\(q(name))' は使われないため無視します。使える列は "
        + SubmissionColumn.allCases.map(\.name).joined(separator: ", ") + " です"
    case .unknownField(let name):
      "項目 '\(q(name))' は使われないため無視します"
    case .nameDiffersFromReference(let code, let given, let reference):
      "団体 \(code) の団体名がここでは '\(q(given))' ですが、地方公共団体コード一覧では "
        + "'\(q(reference))' です"
    case .bodyUnitUnused:
      "event モードではイベントに直接按分するため、団体の配分単位は無視します"
    case .bodyMethodUnused:
      "event モードではイベントに直接按分するため、団体の端数処理の方式は無視します"
    case .reserveUnused:
      "上限がないため留保団体には何も配分されません。0 t として記載します"
    case .taxUnused:
      "price_jpy_per_t も invoice_total_jpy も指定されていないため、tax_included は無視します"
    case .secretariatUnused:
      "credit_blocks が記載されていないため、事務局の指定は無視します（事務局が端数をまとめて"
        + "償却するのは credit_blocks がある場合だけです）"
    case .unknownLocalGovernmentCode(let code):
      "地方公共団体コード \(code) は全国の地方公共団体の一覧（\(MunicipalityDirectory.japanListDate)）に"
        + "ありませんが、新設・合併した市町村のコードとして受け付けます"
    case .idInScientificNotation(let id):
      "イベントID '\(q(id))' は指数表記の数のように読めます（表計算ソフトは長い数をこう表示し、"
        + "桁が失われます）。別のIDだった場合は元のIDを書いてください"
    case .recorded(let message):
      // allocation.json records warnings in English only; the recorded sentence is all there is.
      "記録された警告: \(message)"
    }
  }
}
