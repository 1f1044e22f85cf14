import Foundation
import Testing

@testable import JointCreditCLI

@Suite struct ToolTests {
  let quickstart = "Samples/quickstart/submissions"

  func sample(_ path: String) -> String { ToolRunner.packageRoot.appendingPathComponent(path).path }

  @Test func printsItsVersion() {
    let result = ToolRunner.inProcess(["--version"])
    #expect(result.status == 0)
    #expect(result.output == "0.1.0\n")
  }

  @Test func helpListsEverySubcommandAndEveryMethod() {
    let top = ToolRunner.inProcess(["--help"])
    #expect(top.status == 0)
    for word in [
      "OVERVIEW:", "USAGE: jointcredit <subcommand>", "SUBCOMMANDS:", "allocate",
      "validate", "explain", "apportion",
    ] {
      #expect(top.output.contains(word), "\(word)")
    }
    for command in ["allocate", "validate", "explain", "diff", "apportion"] {
      let help = ToolRunner.inProcess([command, "--help"])
      #expect(help.status == 0)
      #expect(help.output == ToolRunner.inProcess(["help", command]).output)
      let methods = command == "diff" ? [] : ["largest-remainder", "sainte-lague", "dean"]
      for section in ["OVERVIEW:", "USAGE: jointcredit \(command)", "OPTIONS:", "-h, --help"]
        + methods
      {
        #expect(help.output.contains(section), "\(command): \(section)")
      }
    }
  }

  @Test(
    arguments: [
      ([], "Error: Missing expected subcommand: allocate, validate, explain, diff or apportion."),
      (["allocat"], "Error: Unknown subcommand 'allocat'. Did you mean 'allocate'?"),
      (["--lot"], "Error: Unknown option '--lot'."),
      (["allocate"], "Error: Missing expected argument '<input> ...'."),
      (
        ["allocate", "x", "--lot", "1,5"],
        "Error: The value '1,5' is invalid for '--lot <t>': use '.' as the decimal point and no thousands separators, as in 1234.5."
      ),
      (
        ["allocate", "x", "--mode", "bodies"],
        "Error: The value 'bodies' is invalid for '--mode <mode>': expected one of event, body-then-event."
      ),
      (
        ["allocate", "x", "--method", "dhondt-ish"],
        "Error: The value 'dhondt-ish' is invalid for '--method <method>': expected one of largest-remainder (hamilton), dhondt (jefferson), sainte-lague (webster), huntington-hill (equal-proportions), adams (smallest-divisors), dean (harmonic-mean)."
      ),
      (
        ["allocate", "x", "--csv-encoding", "latin1"],
        "Error: The value 'latin1' is invalid for '--csv-encoding <encoding>': expected one of utf8-bom, utf8, cp932."
      ),
      (["apportion", "--unit", "1"], "Error: Missing expected argument '--total <q>'."),
      (["apportion", "--total"], "Error: Missing value for '--total <q>'."),
      (
        ["explain", "Samples/quickstart/submissions", "--lot", "10"],
        "Error: Missing expected argument '--event <body-code/event-id>'."
      ),
      (
        ["apportion", "--total", "10", "--unit", "0.3"],
        "Error: The value '10' is invalid for '--total <q>': the total must be a whole multiple of the unit 0.3."
      ),
      (
        ["apportion", "--total", "-1"],
        "Error: The value '-1' is invalid for '--total <q>': the total must not be negative."
      ),
      (
        ["apportion", "--total", "1", "--unit", "0"],
        "Error: The value '0' is invalid for '--unit <u>': the unit must be greater than zero."
      ),
    ] as [([String], String)])
  func misuseExits64WithTheErrorUsageAndAHint(arguments: [String], message: String) {
    let result = ToolRunner.inProcess(arguments)
    #expect(result.status == 64)
    #expect(result.stdout.isEmpty)
    let lines = result.stderr.split(separator: "\n").map(String.init)
    #expect(lines.first == message)
    #expect(lines.count == 3)
    #expect(lines.dropFirst().first?.hasPrefix("USAGE: jointcredit") == true)
    #expect(lines.last?.contains("--help' for more information.") == true)
  }

  @Test func apportionReadsStandardInputAndWritesInInputOrder() {
    let result = ToolRunner.inProcess(
      ["apportion", "--total", "100", "--unit", "0.1", "-"],
      stdin: "id,weight\nnorth,2.5\nsouth,0.4\neast,3.1\nwest,1.4\nisle,0.6\n")
    #expect(result.status == 0)
    #expect(
      result.output == """
        id,weight,quota,allocation
        north,2.5,31.250000,31.2
        south,0.4,5.000000,5.0
        east,3.1,38.750000,38.8
        west,1.4,17.500000,17.5
        isle,0.6,7.500000,7.5

        """)
    // 1000 steps over 8.0: 312.5, 50, 387.5, 175, 75 → 999 by floors; one left between the
    // equal remainders of north and east → the larger weight, east.
    #expect(
      result.stderr
        == "warning: tie: 1 unit of 0.1 t among ids went to east over north by the tie rule (equal remainders of 0.050000 t)\n"
    )
  }

  // 60, 25, 10, 5 sharing 10: the textbook table in ApportionmentMethod's documentation.
  @Test(arguments: [
    ("largest-remainder", "6,3,1,0"), ("hamilton", "6,3,1,0"), ("dhondt", "7,2,1,0"),
    ("jefferson", "7,2,1,0"), ("sainte-lague", "6,3,1,0"), ("webster", "6,3,1,0"),
    ("huntington-hill", "6,2,1,1"), ("equal-proportions", "6,2,1,1"), ("adams", "5,3,1,1"),
    ("smallest-divisors", "5,3,1,1"), ("dean", "6,2,1,1"), ("harmonic-mean", "6,2,1,1"),
  ])
  func apportionRunsEveryMethod(method: String, expected: String) {
    let result = ToolRunner.inProcess(
      ["apportion", "--total", "10", "--method", method],
      stdin: "id,weight\na,60\nb,25\nc,10\nd,5\n")
    #expect(result.status == 0)
    let allocations = result.output.split(separator: "\n").dropFirst()
      .map { $0.split(separator: ",").last.map(String.init) ?? "" }
    #expect(allocations.joined(separator: ",") == expected)
  }

  @Test func explainTellsHowAFigureCameAbout() {
    let result = ToolRunner.inProcess([
      "explain", sample(quickstart), "--lot", "10", "--unit", "0.1", "--event", "132012/E02",
    ])
    #expect(result.status == 0)
    #expect(
      result.output == """
        132012/E02 打ち水大作戦
          estimate: 1.4 t of 8.0 t in all
          quota: 10.0 t × 1.4 ÷ 8.0 = 1.750000 t = 17.500000 units of 0.1 t
          largest remainder: 17 whole units, remainder 0.500000 of a unit, ranked 2 of 4 remainders; 2 units were left over for ranks 1–2, so it received one more
          tie: won a unit of 0.1 t against 133035/E01 at equal remainders; the larger estimate goes first, then the smaller code or id
          allocated: 1.8 t (offset rate 128.6 %)

        """)
    let missing = ToolRunner.inProcess([
      "explain", sample(quickstart), "--lot", "10", "--event", "131032/E09",
    ])
    #expect(missing.status == 1)
    #expect(missing.stderr == "error: body 131032 has no event 'E09'; its events are E01, E02\n")
    let usage = ToolRunner.inProcess(["explain", sample(quickstart), "--lot", "10"])
    #expect(usage.status == 64)
  }

  @Test func explainFlagPutsTheStepsInTheJSON() throws {
    let directory = try ToolRunner.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let result = ToolRunner.inProcess([
      "allocate", sample(quickstart), "--lot", "10", "--unit", "0.1",
      "--method", "dean", "--explain", "--out", directory.path,
    ])
    #expect(result.status == 0)
    let json = try String(
      contentsOf: directory.appendingPathComponent("allocation.json"), encoding: .utf8)
    #expect(
      json.contains("\"explanation\": [ \"131032/E01 環境フェア\", \"estimate: 2.5 t of 8.0 t in all\""))
    #expect(json.contains("Dean (harmonic mean): units go one at a time"))
  }

  @Test func constraintsComeFromOptions() throws {
    let directory = try ToolRunner.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let result = ToolRunner.inProcess([
      "allocate", sample(quickstart), "--lot", "10", "--unit", "0.1",
      "--cap", "emissions", "--reserve", "ALL62", "--out", directory.path,
    ])
    #expect(result.status == 0)
    #expect(
      result.output.contains("Constraints: cap 100 % of each estimate, reserve ALL62 (2.0 t)."))
    let bodies = try String(
      contentsOf: directory.appendingPathComponent("bodies.csv"), encoding: .utf8)
    #expect(bodies.hasSuffix("ALL62,,reserve,0,,,2.0,,\r\n"))
    let noReserve = ToolRunner.inProcess([
      "allocate", sample(quickstart), "--lot", "10", "--unit", "0.1",
      "--cap", "emissions", "--out", directory.path + "/x",
    ])
    #expect(noReserve.status == 1)
    #expect(
      noReserve.stderr
        == "Error: the caps allow only 8.0 t of the lot of 10.0 t; name a body to take the rest as reserve, or raise the cap; nothing was written.\n"
    )
    let both = ToolRunner.inProcess([
      "allocate", sample(quickstart), "--lot", "10", "--cap", "emissions",
      "--cap-rate", "120",
    ])
    #expect(both.status == 64)
  }

  @Test func floorsComeFromOptions() throws {
    let directory = try ToolRunner.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    // Quickstart at whole tonnes: ⌈2.5⌉ + ⌈0.4⌉ + ⌈3.1⌉ + ⌈1.4⌉ + ⌈0.6⌉ = 11 t for 9 t.
    let short = ToolRunner.inProcess([
      "allocate", sample(quickstart), "--lot", "9", "--min", "emissions",
      "--out", directory.path + "/short",
    ])
    #expect(short.status == 1)
    #expect(
      short.stderr
        == "Error: the floors need 11 t, the lot is 9 t; at 0.1 t steps they need 8.0 t: choose "
        + "that unit, lower the floor, or buy more; nothing was written.\n")
    // 12 t with the surplus to the reserve: every event at its floor, 1 t to ALL62.
    let full = ToolRunner.inProcess([
      "allocate", sample(quickstart), "--lot", "12", "--min", "emissions",
      "--surplus", "reserve", "--reserve", "ALL62", "--out", directory.path + "/full",
    ])
    #expect(full.status == 0, "\(full.stderr)")
    #expect(
      full.output.contains(
        "Constraints: floor 100 % of each estimate, rounded up, the rest to the reserve, "
          + "reserve ALL62 (1 t)."))
    #expect(full.output.contains("Shortfall: none; every event is offset in full."))
    let csv = try String(
      contentsOf: directory.appendingPathComponent("full/allocation.csv"), encoding: .utf8)
    #expect(csv.contains("133035,瑞穂町,town,E01,環境講演会,,0.6,0.900000,1,166.7,0.0\r\n"))
    let both = ToolRunner.inProcess([
      "allocate", sample(quickstart), "--lot", "12", "--min", "emissions", "--min-rate", "110",
    ])
    #expect(both.status == 64)
    #expect(both.stderr.contains("give either --min emissions or --min-rate, not both"))
    let word = ToolRunner.inProcess([
      "allocate", sample(quickstart), "--lot", "12", "--min", "all",
    ])
    #expect(word.status == 64)
    #expect(word.stderr.contains("expected tonnes, such as 0.1, or 'emissions'"))
    let noReserve = ToolRunner.inProcess([
      "validate", sample(quickstart), "--lot", "12", "--min", "emissions", "--surplus", "reserve",
    ])
    #expect(noReserve.status == 1)
    #expect(
      noReserve.stderr.contains(
        "--surplus: error: surplus 'reserve' needs a reserve body to hold what the floors leave"))
  }

  /// The summary counts the files in the output folder's own `statements/` and
  /// `certificates/`: an output folder inside a folder named `statements` used to be counted as
  /// per-body statements, every file of it.
  @Test func theSummaryCountsFilesByTheOutputFoldersOwnSubfolders() throws {
    let directory = try ToolRunner.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let out = directory.appendingPathComponent("statements/certificates/out").path
    let result = ToolRunner.inProcess([
      "allocate", sample("Samples/quickstart/submissions"),
      "--purchase", sample("Samples/quickstart/purchase.json"), "--out", out,
    ])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.output.contains("  \(out)/allocation.csv\n"))
    #expect(
      result.output.contains(
        "  \(out)/statements/ (12 files: a .csv, .json, .html and .xlsx per body)\n"))
    #expect(
      result.output.contains(
        "  \(out)/certificates/ (5 pages: one per event with credits allocated)\n"))
  }

  @Test func retireDatesTheApplicationsAndClosesTheFolder() throws {
    let directory = try ToolRunner.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let out = directory.appendingPathComponent("out").path
    let allocate = [
      "allocate", sample("Samples/tokyo-2011/submissions"),
      "--purchase", sample("Samples/tokyo-2011/purchase.json"), "--out", out,
    ]
    #expect(ToolRunner.inProcess(allocate).status == 0)
    let retire = ToolRunner.inProcess([
      "retire", out, "--date", "2012-03-30", "--reference", "JCR-2012-0042",
    ])
    #expect(retire.status == 0, "\(retire.stderr)")
    #expect(
      retire.output.hasPrefix(
        "Recorded the retirement of \(out) on 2012-03-30 (JCR-2012-0042); the folder is now a "
          + "closed record"))
    let applications = try String(
      contentsOfFile: out + "/retirement-application.csv", encoding: .utf8)
    // No reserve in this purchase: every application is dated.
    let rows = applications.split(separator: "\r\n").dropFirst()
    #expect(rows.count > 40 && rows.allSatisfy { $0.hasSuffix(",2012-03-30") })
    // A closed record: allocate and retire again are refused (exit 1), a bad date is a usage
    // error (64), and so is a missing --date.
    let again = ToolRunner.inProcess(allocate)
    #expect(again.status == 1)
    #expect(again.stderr.contains("holds a retired record (written by jointcredit retire)"))
    #expect(ToolRunner.inProcess(["retire", out, "--date", "2012-04-01"]).status == 1)
    #expect(ToolRunner.inProcess(["retire", out, "--date", "2012-02-30"]).status == 64)
    #expect(ToolRunner.inProcess(["retire", out]).status == 64)
    let unchanged = try String(
      contentsOfFile: out + "/retirement-application.csv", encoding: .utf8)
    #expect(unchanged == applications)
  }

  @Test func diffListsWhatARevisionChanged() throws {
    let directory = try ToolRunner.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let before = try ToolRunner.write(["in/a.csv": Self.twoEvents(second: "0.4")], in: directory)
    let after = try ToolRunner.write(["in2/a.csv": Self.twoEvents(second: "1.4")], in: directory)
    for (inputs, out) in [(before, "old"), (after, "new")] {
      let result = ToolRunner.inProcess(
        ["allocate"] + inputs + [
          "--lot", "4", "--unit", "0.1",
          "--invoice-total-jpy", "40000", "--skip-body-statements",
          "--out", directory.appendingPathComponent(out).path,
        ])
      #expect(result.status == 0)
    }
    let old = directory.appendingPathComponent("old/allocation.json").path
    let new = directory.appendingPathComponent("new/allocation.json").path
    // 4 t over 2.5 + 0.4 (→ 3.4 and 0.6) then over 2.5 + 1.4 (→ 2.6 and 1.4).
    let text = ToolRunner.inProcess(["diff", old, new])
    #expect(text.status == 0)
    #expect(
      text.output == """
        Comparing \(old) with \(new)
        Totals:
          estimate 2.9 → 3.9 t (+1.0); allocated 4.0 → 4.0 t; offset rate 137.9 → 102.6 %; cost 40,000 → 40,000 yen
        Bodies that differ: 1
          131032 港区: estimate 2.9 → 3.9 t (+1.0); allocated 4.0 → 4.0 t; offset rate 137.9 → 102.6 %; cost 40,000 → 40,000 yen
        Events that differ: 2
          131032/E01 a: estimate 2.5 → 2.5 t; allocated 3.4 → 2.6 t (-0.8); offset rate 136.0 → 104.0 %; cost 34,000 → 26,000 yen (-8,000)
          131032/E02 b: estimate 0.4 → 1.4 t (+1.0); allocated 0.6 → 1.4 t (+0.8); offset rate 150.0 → 100.0 %; cost 6,000 → 14,000 yen (+8,000)

        """)
    let csv = ToolRunner.inProcess(["diff", old, new, "--format", "csv"])
    #expect(
      csv.output.split(separator: "\n").last
        == "event,131032/E02,b,changed,0.4,1.4,1.0,0.6,1.4,0.8,150.0,100.0,6000,14000,8000")
    let wrong = ToolRunner.inProcess(["diff", old, sample("Samples/quickstart/purchase.json")])
    #expect(wrong.status == 1)
  }

  static func twoEvents(second: String) -> String {
    "body_code,body_name,body_kind,event_id,event_name,emissions_t\n"
      + "131032,港区,ward,E01,a,2.5\n131032,港区,ward,E02,b,\(second)\n"
  }

  @Test func apportionRejectsBadWeightsWithPositions() {
    let result = ToolRunner.inProcess(
      ["apportion", "--total", "10"], stdin: "id,weight\na,x\nb,0\n")
    #expect(result.status == 1)
    #expect(
      result.stderr == """
        <stdin>:2:3: error: invalid weight 'x': expected a decimal number such as 12.345
        Error: 1 problem in the input.

        """)
    let zero = ToolRunner.inProcess(["apportion", "--total", "10"], stdin: "id,weight\na,0\n")
    #expect(zero.status == 1)
    #expect(
      zero.stderr == """
        <stdin>: error: the total of 10 t cannot be shared: every weight is zero
        Error: 1 problem in the input.

        """)
  }

  @Test func validateChecksEverythingAndWritesNothing() throws {
    let ok = ToolRunner.inProcess(["validate", sample(quickstart)])
    #expect(ok.status == 0)
    #expect(
      ok.output
        == "OK: 1 file, 3 bodies, 5 events, 8.0 t of estimates (no lot given; allocation not checked).\n"
    )
    let withLot = ToolRunner.inProcess([
      "validate", sample(quickstart), "--lot", "10", "--unit", "0.1",
    ])
    #expect(withLot.output.hasSuffix("the lot can be allocated.\n"))
    let bad = ToolRunner.inProcess([
      "validate", sample(quickstart), "--lot", "10.05", "--unit", "0.1",
    ])
    #expect(bad.status == 1)
    #expect(
      bad.stderr == """
        --lot: error: lot 10.05 t is not a whole multiple of the unit 0.1 t
        Error: 1 problem in the input.

        """)
  }

  @Test func missingLotIsAnInputError() {
    let result = ToolRunner.inProcess(["allocate", sample(quickstart), "--out", "/nonexistent/x"])
    #expect(result.status == 1)
    #expect(
      result.stderr.hasPrefix(
        "error: no lot_t given; set 'lot_t' in the purchase file or use --lot\n"))
  }

  @Test func rejectedInputWritesNothingAndKeepsEarlierStatements() throws {
    let directory = try ToolRunner.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let out = directory.appendingPathComponent("out")
    let good = try ToolRunner.write(
      [
        "in/a.csv":
          "body_code,body_name,body_kind,event_id,event_name,emissions_t\n131032,港区,ward,E01,x,1.5\n"
      ], in: directory)
    #expect(
      ToolRunner.inProcess(["allocate"] + good + ["--lot", "3", "--out", out.path]).status == 0)
    let before = try Data(contentsOf: out.appendingPathComponent("allocation.csv"))

    try ToolRunner.write(
      [
        "in/b.csv":
          "body_code,body_name,body_kind,event_id,event_name,emissions_t\n131032,港区,ward,E02,x,abc\n"
      ], in: directory)
    let result = ToolRunner.inProcess([
      "allocate", directory.appendingPathComponent("in").path,
      "--lot", "3", "--out", out.path,
    ])
    #expect(result.status == 1)
    #expect(result.stderr.hasSuffix("Error: 1 problem in the input; nothing was written.\n"))
    #expect(try Data(contentsOf: out.appendingPathComponent("allocation.csv")) == before)
    #expect(
      ToolRunner.contents(of: out) == [
        ".jointcredit-manifest", "allocation.csv", "allocation.json", "allocation.xlsx",
        "bodies.csv", "certificates", "offset-rates.csv", "report.html", "statements",
      ])

    let fresh = directory.appendingPathComponent("fresh")
    _ = ToolRunner.inProcess([
      "allocate", directory.appendingPathComponent("in").path, "--lot", "3",
      "--out", fresh.path,
    ])
    #expect(ToolRunner.contents(of: fresh) == nil)
  }

  @Test func sameInputsGiveTheSameBytesWhateverTheArgumentOrder() throws {
    let directory = try ToolRunner.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let submissions = ToolRunner.packageRoot.appendingPathComponent(
      "Samples/tokyo-2011/submissions")
    let files = try FileManager.default.contentsOfDirectory(atPath: submissions.path).sorted()
      .map { submissions.appendingPathComponent($0).path }
    let purchase = sample("Samples/tokyo-2011/purchase.json")
    var outputs: [[Data]] = []
    // A third order that is neither: by the reversed path, the same in every run.
    let mixed = files.sorted { String($0.reversed()) < String($1.reversed()) }
    #expect(mixed != files && mixed != files.reversed())
    for (index, order) in [files, files.reversed(), mixed].enumerated() {
      let out = directory.appendingPathComponent("run\(index)")
      let result = ToolRunner.inProcess(
        ["allocate"] + order + ["--purchase", purchase, "--out", out.path])
      #expect(result.status == 0)
      outputs.append(
        try ["allocation.csv", "bodies.csv", "offset-rates.csv", "allocation.json"].map {
          try Data(contentsOf: out.appendingPathComponent($0))
        })
    }
    #expect(outputs[0] == outputs[1])
    #expect(outputs[0] == outputs[2])
  }

  @Test func cp932WithLFWritesShiftJISAndNamesWhatItCannot() throws {
    let directory = try ToolRunner.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let result = ToolRunner.inProcess([
      "allocate", sample(quickstart), "--lot", "10", "--unit", "0.1", "--csv-encoding", "cp932",
      "--line-ending", "lf", "--lang", "ja", "--out", directory.path,
    ])
    #expect(result.status == 0)
    let bytes = try Data(contentsOf: directory.appendingPathComponent("bodies.csv"))
    let text = try #require(String(data: bytes, encoding: .shiftJIS))
    #expect(text.hasPrefix("団体コード,団体名,区分,イベント数,"))
    #expect(!bytes.contains(0x0D))

    let bad = try ToolRunner.write(
      [
        "bad/a.csv":
          "body_code,body_name,body_kind,event_id,event_name,emissions_t\n131032,港区,ward,E01,講演会 🌲 森,1\n"
      ],
      in: directory)
    let rejected = ToolRunner.inProcess(
      ["allocate"] + bad + [
        "--lot", "1", "--csv-encoding", "cp932",
        "--out", directory.appendingPathComponent("x").path,
      ])
    #expect(rejected.status == 1)
    #expect(
      rejected.stderr.hasPrefix(
        "error: allocation.csv row 2, column 5 (event_name): '🌲' (U+1F332) has no Shift_JIS (CP932) form"
      ))
    #expect(rejected.stderr.hasSuffix("cannot be written in CP932; nothing was written.\n"))

    // A character with a look-alike is written as it, with one warning where it first occurs.
    let alike = try ToolRunner.write(
      [
        "alike/a.csv":
          "body_code,body_name,body_kind,event_id,event_name,emissions_t\n131032,港区,ward,E01,夏〜秋 — 森,1\n"
      ],
      in: directory)
    let written = ToolRunner.inProcess(
      ["allocate"] + alike + [
        "--lot", "1", "--csv-encoding", "cp932", "--skip-body-statements", "--skip-report",
        "--out", directory.appendingPathComponent("y").path,
      ])
    #expect(written.status == 0)
    #expect(
      written.stderr.hasPrefix(
        "warning: allocation.csv row 2, column 5 (event_name): '〜' (U+301C) has no Shift_JIS "
          + "(CP932) form; written as its look-alike '～' (U+FF5E) (2 times in all; this is the "
          + "first)\n"))
  }

  @Test func aReusedFolderKeepsNothingStale() throws {
    let directory = try ToolRunner.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let out = directory.appendingPathComponent("out")
    let first = ToolRunner.inProcess([
      "allocate", sample("Samples/tokyo-2011/submissions"),
      "--purchase", sample("Samples/tokyo-2011/purchase.json"),
      "--out", out.path,
    ])
    #expect(first.status == 0)
    #expect(
      FileManager.default.fileExists(atPath: out.appendingPathComponent("retirement.csv").path))
    // Now only the quickstart's three bodies, and no credit blocks.
    let second = ToolRunner.inProcess([
      "allocate", sample(quickstart), "--lot", "10", "--out", out.path,
    ])
    #expect(second.status == 0)
    #expect(
      !FileManager.default.fileExists(atPath: out.appendingPathComponent("retirement.csv").path))
    #expect(
      ToolRunner.contents(of: out.appendingPathComponent("statements"))
        == ["131032", "132012", "133035"].flatMap {
          ["\($0).csv", "\($0).html", "\($0).json", "\($0).xlsx"]
        })
  }

  @Test func csvEncodingUTF8DropsTheByteOrderMark() throws {
    let directory = try ToolRunner.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let result = ToolRunner.inProcess([
      "allocate", sample(quickstart), "--lot", "10", "--unit", "0.1",
      "--csv-encoding", "utf8", "--out", directory.path,
    ])
    #expect(result.status == 0)
    let bytes = try Data(contentsOf: directory.appendingPathComponent("bodies.csv"))
    #expect(bytes.starts(with: Array("body_code,".utf8)))
    #expect(String(decoding: bytes, as: UTF8.self).contains("\r\n"))
  }
}
