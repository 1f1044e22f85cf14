import Foundation
import Testing

@testable import JointCreditCLI

/// `--lang ja`: the messages after `error:`, `warning:` and `note:` are Japanese; the prefixes,
/// and everything in English, stay as they are.
@Suite struct LanguageOptionTests {
  func sample(_ path: String) -> String { ToolRunner.packageRoot.appendingPathComponent(path).path }

  /// Whether a line holds kana or kanji.
  static func isJapanese(_ text: some StringProtocol) -> Bool {
    text.unicodeScalars.contains {
      (0x3040...0x30FF).contains($0.value) || (0x4E00...0x9FFF).contains($0.value)
    }
  }

  @Test func validateInJapaneseKeepsTheCompilerStylePrefix() throws {
    let result = try ToolRunner.process([
      "validate", "Samples/invalid/submissions", "--purchase", "Samples/invalid/purchase.json",
      "--lang", "ja",
    ])
    #expect(result.status == 1)
    #expect(result.output.isEmpty)
    let lines = result.stderr.split(separator: "\n")
    #expect(lines.count == 8)
    #expect(
      lines.first
        == "Samples/invalid/purchase.json:2:12: error: 購入量 10.05 t が配分単位 0.1 t の整数倍になっていません")
    #expect(
      lines.contains(
        "Samples/invalid/submissions/131032.csv:2:37: error: 排出量 '12,5' は数値として読めません。"
          + "小数点は '.' で、桁区切りは使わないでください（例: 1234.5）"))
    for line in lines.dropLast() {
      let prefix = try #require(line.firstRange(of: ": error: "))
      #expect(line[..<prefix.lowerBound].wholeMatch(of: try Regex("[^ ]+:[0-9]+:[0-9]+")) != nil)
      #expect(Self.isJapanese(line[prefix.upperBound...]), "\(line)")
    }
    #expect(lines.last == "Error: 入力に 7 件の問題があります。")
  }

  @Test func validateAndExplainInEnglishAreUnchanged() {
    let args = [
      sample("Samples/invalid/submissions"), "--purchase", sample("Samples/invalid/purchase.json"),
    ]
    let english = ToolRunner.inProcess(["validate"] + args)
    #expect(english.stderr == ToolRunner.inProcess(["validate"] + args + ["--lang", "en"]).stderr)
    #expect(
      english.stderr.hasSuffix(
        "error: emission estimate '-1.4' is negative; estimates are zero or more tonnes\nError: 7 problems in the input.\n"
      ))
    #expect(
      !Self.isJapanese(
        english.stderr.replacingOccurrences(of: "都道府県, 区, 市, 行政区, 町, 村, その他", with: "")))
  }

  @Test func validateSaysOKInJapanese() {
    let result = ToolRunner.inProcess([
      "validate", sample("Samples/quickstart/submissions"), "--lot", "10", "--unit", "0.1",
      "--lang", "ja",
    ])
    #expect(result.status == 0)
    #expect(result.output == "OK: 1 ファイル、3 団体、5 イベント、排出量の合計 8.0 t。購入量を配分できます。\n")
  }

  @Test func allocationErrorsAndMissingValuesInJapanese() {
    let quickstart = sample("Samples/quickstart/submissions")
    let capped = ToolRunner.inProcess([
      "allocate", quickstart, "--lot", "10", "--unit", "0.1", "--cap", "emissions", "--lang", "ja",
      "--out", "/nonexistent/x",
    ])
    #expect(capped.status == 1)
    #expect(
      capped.stderr
        == "Error: 上限の範囲では購入量 10.0 t のうち 8.0 t しか配分できません。残りを受け取る団体を reserve に"
        + "指定するか、上限を引き上げてください。何も書き込んでいません。\n")
    let noLot = ToolRunner.inProcess([
      "allocate", quickstart, "--lang", "ja", "--out", "/nonexistent/x",
    ])
    #expect(noLot.status == 1)
    #expect(
      noLot.stderr
        == "error: lot_t が指定されていません。購入ファイルで 'lot_t' を指定してください（コマンドラインでは --lot）\n"
        + "Error: 入力に 1 件の問題があります。何も書き込んでいません。\n")
  }

  /// `explain` of one event of the quickstart sample (10 t in 0.1 t units), in Japanese, with
  /// `options` added.
  func explained(_ event: String, _ options: [String] = []) -> ToolRunner.Result {
    ToolRunner.inProcess(
      [
        "explain", sample("Samples/quickstart/submissions"), "--lot", "10", "--unit", "0.1",
        "--event", event, "--lang", "ja",
      ] + options)
  }

  @Test func explainInJapanese() {
    let noBody = explained("999999/E01")
    #expect(noBody.status == 1)
    #expect(noBody.stderr == "error: 入力に団体 '999999' はありません。団体は 131032, 132012, 133035 です\n")
    let noEvent = explained("131032/E09")
    #expect(noEvent.stderr == "error: 団体 131032 にイベント 'E09' はありません。この団体のイベントは E01, E02 です\n")
  }

  /// A share's steps in Japanese, computed by hand: 10 t over 8.0 t of estimates in 0.1 t units;
  /// 2.5 t has 3.125 t = 31.25 units; the remainders 0.75, 0.5, 0.5 and 0.25 rank 1 to 4 and the
  /// two units left over go to ranks 1 and 2; 3.1 t is 124.0 % of 2.5 t.
  @Test func explainsAShareInJapanese() {
    let result = explained("131032/E01")
    #expect(result.status == 0)
    #expect(
      result.output == """
        131032/E01 環境フェア
          排出量見込み: 2.5 t(全体 8.0 t のうち)
          按分量: 10.0 t × 2.5 ÷ 8.0 = 3.125000 t = 0.1 t 単位で 31.250000 単位
          最大剰余法: 整数部 31 単位、剰余 0.250000 単位、剰余 4 件中 4 位。残り 2 単位は 1–2 位へ配分され、追加なし
          配分量: 3.1 t(オフセット率 124.0 %)

        """)
    // The body's steps before the event's, each marked with the body, in Japanese too; a
    // divisor method's line as well.
    let twoLevels = explained(
      "131032/E01", ["--mode", "body-then-event", "--body-unit", "0.1", "--method", "dhondt"])
    #expect(twoLevels.status == 0)
    #expect(twoLevels.output.contains("\n  団体 131032: 排出量見込み: 2.9 t(全体 8.0 t のうち)\n"))
    #expect(twoLevels.output.contains("D'Hondt (Jefferson): 1単位ずつ、優先度 見込み ÷ d(保有単位数) が最も高いものへ。"))
    #expect(!twoLevels.output.contains("body ") && !twoLevels.output.contains("estimate"))
  }

  @Test func aLanguageThatIsNotOneIsAUsageError() {
    for command in ["validate", "explain"] {
      let result = ToolRunner.inProcess(
        [command, sample("Samples/quickstart/submissions"), "--lang", "fr"]
          + (command == "explain" ? ["--event", "131032/E01"] : []))
      #expect(result.status == 64, "\(command)")
      #expect(result.stderr.contains("expected one of en, ja"), "\(command)")
    }
  }
}
