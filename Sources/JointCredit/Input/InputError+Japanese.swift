import ApportionmentModule

extension InputError.Reason {
  /// The Japanese sentence: the same quoted values, figures, column names and fixes as the
  /// English one. Text that a reason carries from elsewhere (a system's reason why a file cannot
  /// be read, a JSON syntax detail, a credit block's or retired record's problem) is shown as it
  /// came.
  var japaneseMessage: String {
    switch self {
    case .unreadable(let why):
      "読み込めません: \(Self.japaneseWhy(why))"
    case .noSubmissionFiles:
      "フォルダに提出ファイル（.csv、.json、.xlsx）がありません"
    case .unsupportedFileType(let ext):
      "'.\(ext)' ファイルは読めません。提出ファイルは .csv、.json、.xlsx のいずれかにしてください"
    case .undecodable(let byte):
      "文字コードが UTF-8 でも Shift_JIS (CP932) でもありません（バイト 0x\(hex(byte)) が不正です）。"
        + "ファイルを「CSV UTF-8」または「CSV (コンマ区切り)」('CSV UTF-8' / 'CSV (comma delimited)') "
        + "で保存し直してください"
    case .utf16:
      "ファイルが UTF-16（Excel の「Unicode テキスト」, 'Unicode text'）です。"
        + "「CSV UTF-8」('CSV UTF-8') で保存し直してください"
    case .emptyFile:
      "ファイルが空です。列名を並べた見出し行 "
        + SubmissionColumn.allCases.map(\.name).joined(separator: ",") + " が必要です"
    case .noRows:
      "ファイルにイベントがありません。イベントの行が1行以上必要です"
    case .unterminatedQuote:
      "引用符で囲んだ項目が閉じられていません。閉じる '\"' を追加してください"
    case .strayQuote:
      "予期しない '\"' があります。引用符を含む項目は全体を引用符で囲み、中の引用符は二重にしてください（'\"\"'）"
    case .fieldCount(let expected, let found):
      "この行の項目数は \(found) ですが、見出し行の項目数は \(expected) です"
    case .missingColumn(let column, let required):
      "列 \(column) がありません。見出し行には " + required.joined(separator: ", ") + " が必要です"
    case .missingField(let field):
      "項目 \(field) がありません"
    case .duplicateColumn(let column):
      "列 \(column) が見出し行に2回あります"
    case .jsonSyntax(let what):
      "JSON として正しくありません: \(what)"
    case .jsonType(let field, let expected):
      "'\(q(field))' は\(Self.japaneseType(expected))でなければなりません"
    case .duplicateKey(let key):
      "キー '\(q(key))' が同じオブジェクトの中に2回あります"
    case .missingValue(let column):
      "\(column) が空です"
    case .invalidEstimate(let text, let error):
      "排出量 '\(q(text))' は数値として読めません。\(error.japaneseExplanation)"
    case .negativeEstimate(let text):
      "排出量 '\(q(text))' が負の値です。排出量は 0 トン以上にしてください"
    case .invalidBodyCode(let text):
      "団体コード '\(q(text))' が正しくありません。131032 のような地方公共団体コードか、"
        + "英字・数字・'-'・'_' からなる32文字以内のコード（英字または数字で始まるもの）にしてください"
    case .wrongCheckDigit(let code, let expected):
      "地方公共団体コード '\(q(code))' の検査数字が誤っています。\(expected) ではありませんか"
    case .codeNeedsKindOther(let code, let kind):
      "団体コード '\(q(code))' は地方公共団体コードではないため、区分は '\(q(kind))' ではなく "
        + "'other'（その他）にしてください"
    case .unknownKind(let text):
      "区分 '\(q(text))' は使えません。"
        + Body.Kind.allCases.map(\.rawValue).joined(separator: ", ") + "（または "
        + Body.Kind.allCases.map(\.japaneseName).joined(separator: ", ") + "）のいずれかにしてください"
    case .kindDiffersFromReference(let code, let name, let kind, let given):
      "団体 \(code) は\(name)で区分は \(kind)（\(kind.japaneseName)）ですが、区分が '\(q(given))' と"
        + "書かれています"
    case .invalidDate(let text):
      "開催日 '\(q(text))' が正しくありません。2011-12-15 のように実在する日付を YYYY-MM-DD で"
        + "書いてください"
    case .invalidWeight(let text, let error):
      "重み '\(q(text))' は数値として読めません。\(error.japaneseExplanation(of: "数値"))"
    case .negativeWeight(let text):
      "重み '\(q(text))' が負の値です。重みは 0 以上にしてください"
    case .duplicateID(let id, let first):
      "ID '\(q(id))' が2回あります（最初は \(first)）。ID は重複しないようにしてください"
    case .noPositiveWeight:
      "重みがすべてゼロのため、合計を按分できません"
    case .weightsTooLarge:
      "重みの合計が \(Quantity.max) を超えています。重みを小さくしてください"
    case .invalidEventID(let text):
      "イベントID '\(q(text))' が正しくありません。ID に制御文字は使えません"
    case .duplicateEvent(let body, let event, let first):
      "団体 \(body) のイベント '\(q(event))' が2回あります（最初は \(first)）。"
        + "イベントIDは団体の中で重複しないようにしてください"
    case .conflictingBody(let body, let column, let value, let other, let first):
      "団体 \(body) の \(column.name) がここでは '\(q(value))' ですが、\(first) では '\(q(other))' です。"
        + "団体名と区分はすべてのファイルで同じにしてください"
    case .repeatedBody(let body):
      "団体 \(q(body)) が2回指定されています。団体ごとのイベントは1つの提出にまとめてください"
    case .repeatedEvent(let body, let event):
      "団体 \(q(body)) のイベント '\(q(event))' が2回指定されています。"
        + "イベントIDは団体の中で重複しないようにしてください"
    case .totalTooLarge:
      "排出量の合計が \(Quantity.max) t を超えています"
    case .totalIsZero:
      "排出量の合計がゼロのため、購入量を按分できません"
    case .missingPurchaseValue(let field, _):
      "\(field) が指定されていません。購入ファイルで '\(q(field))' を指定してください"
    case .invalidPurchaseQuantity(let field, let text, let error):
      "\(Self.japaneseField(field)) '\(q(text))' は数値として読めません。\(error.japaneseExplanation)"
    case .notPositive(let field, let value):
      "\(Self.japaneseField(field))はゼロより大きくしてください（\(value) になっています）"
    case .negativeValue(let field, let value):
      "\(Self.japaneseField(field))を負の値にはできません（\(value) になっています）"
    case .notAMultiple(let field, let value, let unitField, let unit):
      "\(Self.japaneseField(field)) \(value) t が\(Self.japaneseField(unitField)) \(unit) t の"
        + "整数倍になっていません"
    case .unknownMode(let text):
      "モード '\(q(text))' は使えません。"
        + AllocationMode.allCases.map(\.rawValue).joined(separator: ", ") + " のいずれかにしてください"
    case .unknownMethod(let text):
      "端数処理の方式 '\(q(text))' は使えません。"
        + ApportionmentMethod.allCases.map(\.nameWithAlias).joined(separator: ", ")
        + " のいずれかにしてください"
    case .unknownCap(let text):
      "上限 '\(q(text))' は使えません。'emissions'（どのイベントも排出量の 100 % まで）にするか、"
        + "割合を cap_rate_pct で指定してください"
    case .conflictingCaps:
      "cap と cap_rate_pct はどちらか一方だけを指定してください"
    case .unknownFloor(let text):
      "最低配分量 '\(q(text))' は使えません。0.1 のようなトン数か 'emissions'（どのイベントも"
        + "排出量以上、単位に切り上げ）にするか、割合を min_rate_pct で指定してください"
    case .conflictingFloors:
      "min_t の 'emissions' と min_rate_pct はどちらか一方だけを指定してください"
    case .unknownSurplus(let text):
      "余剰の扱い '\(q(text))' は使えません。'method'（購入量の残りを端数処理の方式で配分）か "
        + "'reserve'（残りを留保団体へ）にしてください"
    case .surplusNeedsReserve:
      "surplus 'reserve' には、下限を満たした残りを受け取る留保団体が必要です。reserve に団体を"
        + "指定してください"
    case .surplusNeedsFloor:
      "surplus 'reserve' には、各イベントの配分の基準となる下限が必要です。min_t 'emissions'、"
        + "min_rate_pct または min_t を指定してください"
    case .invalidYen(let field, let text):
      "\(field) '\(q(text))' が正しくありません。0 より大きく \(WholeNumber.maximumYen) 以下の"
        + "円の整数を、450000 のように数字だけで書いてください"
    case .conflictingPrices:
      "price_jpy_per_t と invoice_total_jpy はどちらか一方だけを指定してください"
    case .blockWithoutPrice(let block):
      "クレジットブロック \(q(block)) に price_jpy_per_t がありませんが、他のブロックにはあります。"
        + "このブロックにも価格を指定するか、価格のないブロック用に購入全体の price_jpy_per_t を"
        + "指定してください"
    case .blockPricesWithInvoice:
      "クレジットブロックごとに price_jpy_per_t があるため、請求額はその合計になります。"
        + "invoice_total_jpy を削除してください"
    case .blockInvoiceTooLarge(let total):
      "クレジットブロックの価格の合計が \(total) 円で、上限の \(WholeNumber.maximumYen) 円を"
        + "超えています"
    case .invalidRetiredRecord(let why):
      "償却済みの配分記録が使えません: \(why)"
    case .documentVersion(let found):
      "allocation.json の format_version は \(found) です。このリリースが読めるのは版 "
        + "\(AllocationDocument.formatVersion) です。書き出したリリースで配分し直してください"
    case .documentField(let path, let expected):
      "\(path): jointcredit allocate が書き出すとおり、ここには \(expected) が必要です"
    case .documentMismatch(let path, let recorded, let recomputed):
      "\(path) は \(recorded ?? "ありません") ですが、文書に記録された購入条件と見積りで"
        + "配分し直すと \(recomputed ?? "ありません") になります。文書は書き出された後に"
        + "変更されています"
    case .documentNotReproducible(let error):
      "文書に記録された購入条件と見積りでは配分し直せません: " + error.message(.ja)
    case .documentNeedsRetiredRecord(let path):
      "この文書は償却済みの配分 '\(q(path))' の改訂です。改訂で維持される配分はその記録にしか"
        + "ないため、その allocation.json も指定してください"
    case .unknownMix(let text):
      "割り当て方 '\(q(text))' は使えません。'proportional'（各保有者に各ブロックから比例して）か "
        + "'sequential'（記載順にブロックを割り当て）にしてください"
    case .priceNotWholeYen(let price, let lot):
      "1トン当たり \(price) 円に購入量 \(lot) t を掛けると円の整数になりません。代わりに "
        + "invoice_total_jpy を指定してください"
    case .invoiceTooLarge(let price, let lot):
      "1トン当たり \(price) 円に購入量 \(lot) t を掛けると \(WholeNumber.maximumYen) 円を超え、"
        + "JointCredit が扱える上限を超えます"
    case .serialsNeedWholeTonnes(let lot):
      "クレジットのシリアル番号は1トン単位のため、購入量も整数トンにしてください（\(lot) t に"
        + "なっています）"
    case .serialsDoNotMatchLot(let serials, let lot):
      "クレジットブロックのシリアル番号は \(serials) 個（1個 = 1 t）ですが、購入量は \(lot) t です。"
        + "購入したシリアル番号はすべて1回ずつ割り当てる必要があります"
    case .overlappingBlocks(let first, let second):
      "クレジットブロックが重なっています。ブロック '\(q(first))' のシリアル番号の一部が"
        + "ブロック '\(q(second))' にも含まれています。どのシリアル番号も1つのブロックだけに"
        + "含めてください"
    case .invalidBlock(let what):
      "クレジットブロックが正しくありません: \(what)"
    case .unknownField(let field, let expected):
      "項目 '\(q(field))' は使えません。" + expected.joined(separator: ", ")
        + " のいずれかにしてください"
    case .nameDiffersFromReference(let code, let given, let reference, let others):
      "団体 \(code) は\(reference)で、'\(q(given))' ではありません"
        + (others.isEmpty
          ? "" : "（\(q(given)) は " + others.joined(separator: " または ") + "）")
        + "。団体コードか団体名を直してください"
    case .unknownLocalGovernmentCode(let code):
      "地方公共団体コード \(code) は全国の地方公共団体の一覧（\(MunicipalityDirectory.japanListDate)）に"
        + "ありません。コードを確かめてください"
    case .leadingZeroRemoved(let given, let code, let name):
      "団体コード '\(q(given))' は \(code)（\(name)）の先頭の 0 が表計算ソフトで消えたもののようです。"
        + "列を文字列の書式にして \(code) と書いてください"
    case .dateWithoutYear(let text):
      "開催日 '\(q(text))' に年がありません（表計算ソフトの日付表示によるものかもしれません）。"
        + "2011-10-01 のように YYYY-MM-DD で書いてください"
    case .ambiguousDate(let text):
      "開催日 '\(q(text))' は日/月とも月/日とも読めます（表計算ソフトは地域の設定の順に日付を"
        + "書きます）。2011-10-01 のように YYYY-MM-DD で書いてください"
    case .dateSerial(let text, let date):
      "開催日 '\(q(text))' は表計算ソフトの日付のシリアル値のようです（\(text) は \(date)）。"
        + "列を文字列の書式にして YYYY-MM-DD で書いてください"
    case .invalidWorkbook(.encrypted):
      "ブックがパスワードで保護（暗号化）されています。パスワードを外して保存し、提出し直してください"
    case .invalidWorkbook(.notAnArchive):
      ".xlsx 形式のブックではありません（ZIP 形式ではありません）。表計算ソフトで「Excel ブック (.xlsx)」として保存してください"
    case .invalidWorkbook(.missingPart(let part)):
      "ブックに \(part) がありません。表計算ソフトで開き、.xlsx として保存し直してください"
    case .invalidWorkbook(.damagedPart(let part)):
      "ブックの \(part) が壊れています。表計算ソフトで開き、.xlsx として保存し直してください"
    case .invalidWorkbook(.noSheet):
      "ブックにシートがありません。提出内容を最初のシートに入力してください"
    case .invalidWorkbook(.tooLarge(let part, let limit)):
      "ブックの \(part) が展開すると \(limit >> 20) MiB を超えます。提出ファイルがこれほど大きくなることはないため、"
        + "ファイルが壊れているか、提出ファイルではありません"
    }
  }

  /// Why a file cannot be read, in Japanese when JointCredit itself said it; a system's reason
  /// stays as the system gave it.
  static func japaneseWhy(_ why: String) -> String {
    switch why {
    case "no such file or folder": "ファイルまたはフォルダがありません"
    case "the folder could not be listed": "フォルダの中身を一覧できません"
    default: why
    }
  }

  /// A purchase setting as the messages name it ("lot", "body unit"), in Japanese; a field
  /// name such as `price_jpy_per_t` stays as it is.
  static func japaneseField(_ field: String) -> String {
    switch field {
    case "lot": "購入量"
    case "unit": "配分単位"
    case "body unit": "団体の配分単位"
    case "minimum": "最低配分量"
    case "floor rate": "下限の割合"
    case "cap rate": "上限の割合"
    default: field
    }
  }

  /// What a JSON value should have been ("an array of events"), in Japanese; a description not
  /// known here stays as it is.
  static func japaneseType(_ expected: String) -> String {
    switch expected {
    case "a string": "文字列"
    case "a string that is not empty": "空でない文字列"
    case "a decimal as a string or number": "10進数（文字列または数値）"
    case "an object": "オブジェクト"
    case "an object or an array of objects": "オブジェクトまたはオブジェクトの配列"
    case "an array of objects": "オブジェクトの配列"
    case "an array of events": "イベントの配列"
    case "an array of bodies": "団体の配列"
    case "an array of blocks": "ブロックの配列"
    case "true or false": "true または false"
    case "included or excluded": "included または excluded"
    case "a whole number of yen": "円の整数"
    default: " \(expected) "
    }
  }
}

extension Quantity.ParseError {
  /// What was wrong and how to write it instead, in Japanese.
  public var japaneseExplanation: String { japaneseExplanation(of: "トン数") }

  /// What was wrong, for a value described as `noun` ("トン数", "数値"), in Japanese.
  func japaneseExplanation(of noun: String) -> String {
    switch self {
    case .empty, .notANumber, .malformed: "12.345 のような10進数の\(noun)で書いてください"
    case .comma: "小数点は '.' で、桁区切りは使わないでください（例: 1234.5）"
    case .exponent:
      "指数表記になっています（表計算ソフトは大きな数や小さな数をこう表示します）。"
        + "指数表記を使わず、数を省略せずに書いてください"
    case .tooManyDecimals(let places):
      "小数点以下が \(places) 桁あります。小数点以下は \(Quantity.scale) 桁までです"
    case .tooLarge: "大きすぎます。最大は \(Quantity.max) です"
    }
  }
}
