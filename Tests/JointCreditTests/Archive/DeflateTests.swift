import Foundation
import Testing

@testable import JointCredit

/// DEFLATE both ways: the decoder against streams zlib wrote (so it is checked by another
/// program), then the encoder through that decoder over many seeded inputs.
@Suite struct DeflateTests {
  /// `",".join(str(i) for i in range(400))`, the text zlib compressed below.
  static let numbers = Array((0..<400).map(String.init).joined(separator: ",").utf8)

  /// zlib 1.2, level 9, raw DEFLATE, strategy Z_FIXED: fixed Huffman blocks.
  static let zlibFixed = Data(
    base64Encoded:
      "M9Ax1DHSMdYx0THVMdMx17HQsdQxNNAxNNQxNNIxNNYxNNExNNUxNNMxNNcxtNAxtNQxMtAxAuox0jEy1jEy0TEy1TEy0zEy1zGy0DGy1DE20DE21DEGGmmsY2yiY2yqY2ymY2yuY2yhY2ypY2KgY2KoY2KkYwK00UTHxFTHxEzHxFzHxELHxFLH1EDH1FDH1EjH1FjHFOggUx1TMx1Tcx1TCx1TSx0zAx0zQx0zIx0zYx0zEx0zoHvNdMzMdcwsdMwsdcwNdMwNdcyNdMyNdcxNdMxNdcyB3jHXMbfQMbfUsTDQsTDUsTDSsTDWsTDRsTDVsTDTsQD61kLHwlLH0kDH0lDH0kjH0ljH0kTH0lTH0kzH0lzHEhgYoNAABocBMDwMgAFiAAwRA2CQGADDxAAYKAbAUDEABosBUB042IDqQAEHCjlQ0IHCDhR4oNADBR8w/AyBAWhoBApfoDpgGBoCA9EQGIqGwGA0BIajITAgDYEhaQgMSkNgWBoagyICqA4YnIbA8DQEBqghMEQNgUFqCAxTQ2CgGgJD1RAYrIYmoBgDqgOGrCEwaA2BYWsIDFxDYOgaAoPXEBi+hsAANgSGsKEpKGqB6oCBbAgMZUNgMBsCw9kQGNCGwJA2BAa1ITCsDYGBbWgGSgNAdcDwNgQGuCEwxA2BQW4IDHNDYKAbAkPdEBjshsBwNzQHJRagOmDQGwLD3hAY+IbA0DcEBr8hMPwNgRFgCIwBQ2AUGFqAUhVQHTAWDIHRYAiMB0NgRBgCY8IQGBWGwLgwBEaGITA2DC1ByQ+U/oAJEBgfRsD4MALGhxEwPoyA8WEEjA8jYHwYAePDCBgfRoaghApUB4wPI2B8GAHjwwgYH0bA+DACxocRMD6MQOkZlKDBKRqoDpSmQYkalKpByRqUrkEJGxgfRsD4MALGh5ExKOkD1QHjwwgYH0bA+DACxocRMD6MgPFhBIwPI2B8GAHjw8gElEeA6oDxYQSMDyNgfBgB48MIGB9GwPgwAsaHETA+jIDxYWQKykxAdcD4MALGhxEwPoyA8WEEjA8jYHwYAePDCBgfRsD4MDID5TqgOmB8GAHjwwgYH0bA+DACxocRMD6MgPFhBIwPI2B8GJmDsidQHTA+jIDxYQSMDyNgfBgB48MIGB9GwPgwAsaHETA+jCxA+RioDhgfRsD4MALGhxEwPoyA8WEEjA8jYHwYAePDCBgfRpagDA/K8cAsD4wPY2B8GAPjwxgYH8bA+DAGxocxMD6MgfFhDIwPY0NQ0QBUB4wPY2B8GAPjwxgYH8bA+DAGxocxMD6MgfFhDIwPYyNQGQJUB4wPY2B8GAPjwxgYH8bA+DAGxocxqKQBFTWgsgZc2ADVgYobUHkDKnBAJQ6oyAHGhzEwPoyB8WEMjA9jE1CpBFQHjA9jYHwYA+PDGBgfxsD4MAbGhzEwPoyB8WEMjA9jU1DxBVQHjA9jYHwYA+PDGBgfxsD4MAbGhzEwPoyB8WEMjA9jM1A5B1QHjA9jYHwYA+PDGBgfxsD4MAbGhzEwPoyB8WEMjA9jc1CBCFQHjA9jYHwYA+PDGBgfxsD4MAbGhzEwPoyB8WEMjA9jC1DJCVQHjA9jYHwYA+PDGBgfxsD4MAbGhzEwPoyB8WEMjA9jS1ARawkA"
  )!
  /// zlib 1.2, level 9, raw DEFLATE, default strategy: a dynamic Huffman block.
  static let zlibDynamic = Data(
    base64Encoded:
      "HdTBgcMwDAPBhvAwAEm2+m8sy/x5l2SH4iMrqpa2jl59uvIjW45ceclbPvIrf/JVHoW/iVJlKVs5yqt8ylUf1Sr/supSt3rUV/3Uq/VoWStafOLS2lpH69X6tK72o23taFebL7S1j/ar/WlfnUfHOtGpztLh+x6dV+fTuXofvdYbvdW79G69/JxX76f36nv0WV/0Vd/St/UdffzaT9/VfXStG93qLt2te3RfXWJMDXI89HgI8lDkIclDk4coD1UesjzM/bMxN+Gm3KSbdhNv6k0++pmAzvRljoYmoqloMpqOJqQpaVKalu5AMEdO09MENUVNUtPURDVVTVavEWOOsiataWvimromr+lrApvC3kPLHJFNZZPZdDahTWmT2rQ2sX1mB5ijtwluipvkprmJbqqb7Ka731kW5khv2pv4pr7Jb/obACNgCPzNVjGHgmEwDgbCSBgKY2EwjIbvrN/sHwuIR/AIHsEjeASP4BE8gkc8i8ocHsEjeASP4BE8gkdmn2eh/xvN3Oz0LPVs9az17PUsNh7BI3iks/rM4RE8gkfwCB7BI3gEj+CRNW+EOTyCR/AIHsEjeASP4BE8sucxMYdH8AgewSN4BI/gETyCR868OubwCB7BI3gEj+ARPIJH8Mg7z5M5PIJH8AgewSN4BI/gETzyzTtmDo/gETyCR/AIHsEjeASP3Hnw8+J58ngUj+JRPIpH8SgexaN41HMamMOjeBSP4lE8ikfxKB7Fo5kbwhwexaN4FI/iUTw6l2ZOzdya/7Fhbs7N3Js5OHNx5uTgUTyKR/HomqvEHB7Fo3gUj+JRPIpH8Sge3XO+mMOjeBSP4lE8ikfxKB7Fo2fuHHN4FI/iUTyKR/EoHsWjePSdg8gcHsWjeBSP4lE8ikfxKB795nIyh0fxKB7Fo3gUj+JRPIpH75zY+wM="
  )!

  @Test func crc32MatchesTheStandardCheckValues() {
    #expect(CRC32.checksum(of: Array("123456789".utf8)) == 0xCBF4_3926)
    #expect(CRC32.checksum(of: [UInt8]()) == 0)
    #expect(CRC32.checksum(of: numbers()) == 0x27FA_2E32)  // zlib.crc32
    var pieces = CRC32()
    pieces.update(Self.numbers[..<700])
    pieces.update(Self.numbers[700...])
    #expect(pieces.value == 0x27FA_2E32)
  }

  func numbers() -> [UInt8] { Self.numbers }

  /// Eight bytes at a time (contiguous input) and one at a time (any other sequence) agree with
  /// each other and with zlib, whatever the length and however the input is split.
  @Test func crc32OfContiguousAndOtherBytesAgree() {
    let bytes = (0..<1000).map { UInt8(($0 * 31 + 7) % 256) }
    #expect(CRC32.checksum(of: bytes) == 0x8902_161E)  // zlib.crc32
    #expect(CRC32.checksum(of: bytes.lazy.map { $0 }) == 0x8902_161E)
    #expect(CRC32.checksum(of: bytes[..<13]) == 0xB64E_57AC)  // zlib.crc32
    var random = SplitMix64(seed: 32)
    for _ in 0..<300 {
      let count = Int.random(in: 0...100, using: &random)
      let input = (0..<count).map { _ in UInt8.random(in: 0...255, using: &random) }
      let split = Int.random(in: 0...count, using: &random)
      var pieces = CRC32()
      pieces.update(input[..<split])
      pieces.update(input[split...].lazy.map { $0 })
      #expect(pieces.value == CRC32.checksum(of: input.lazy.map { $0 }))
      #expect(pieces.value == CRC32.checksum(of: input))
    }
  }

  @Test func decodesWhatZlibWrote() throws {
    #expect(Self.numbers.count == 1_489)
    #expect(Array(Self.zlibFixed.prefix(1)).first.map { $0 >> 1 & 3 } == 1)
    #expect(Array(Self.zlibDynamic.prefix(1)).first.map { $0 >> 1 & 3 } == 2)
    #expect(try DeflateDecoder.decompress(Self.zlibFixed) == Self.numbers)
    #expect(try DeflateDecoder.decompress(Self.zlibDynamic) == Self.numbers)
  }

  @Test func decodesStoredBlocks() throws {
    let stored: [UInt8] =
      [0x00, 3, 0, 0xFC, 0xFF] + Array("abc".utf8) + [0x01, 2, 0, 0xFD, 0xFF]
      + Array("de".utf8)
    #expect(try DeflateDecoder.decompress(stored) == Array("abcde".utf8))
  }

  @Test func refusesBrokenStreamsAndBombs() {
    #expect(throws: DeflateDecoder.Failure.truncated) {
      try DeflateDecoder.decompress(Self.zlibDynamic.prefix(40))
    }
    #expect(throws: DeflateDecoder.Failure.malformed("block type 3")) {
      try DeflateDecoder.decompress([0x07])
    }
    #expect(throws: DeflateDecoder.Failure.malformed("stored block length")) {
      try DeflateDecoder.decompress([0x01, 3, 0, 0, 0, 1, 2, 3])
    }
    // A megabyte of zeros compresses to under 8 KB (258-byte matches); with a 64 KiB limit it is refused.
    let bomb = DeflateEncoder.compress([UInt8](repeating: 0, count: 1 << 20))
    #expect(bomb.count < 8_000)
    #expect(throws: DeflateDecoder.Failure.tooLarge(limit: 65_536)) {
      try DeflateDecoder.decompress(bomb, limit: 65_536)
    }
  }

  @Test func encodesWhatItsDecoderAndZlibRead() throws {
    let encoded = DeflateEncoder.compress(Self.numbers)
    #expect(try DeflateDecoder.decompress(encoded) == Self.numbers)
    // zlib's own fixed-code stream of the same text is 1,239 bytes: within a few per cent.
    #expect(encoded.count < 1_239 * 105 / 100)
    #expect(DeflateEncoder.compress([UInt8]()) == [0x03, 0x00])  // one empty fixed block
  }

  /// Seeded inputs of every texture (runs, text, noise, long repeats past the window), split
  /// into pieces of seeded sizes: the decoder gives the input back, and the stream does not
  /// depend on the split.
  @Test(arguments: 0..<60)
  func roundTripsSeededInput(seed: UInt64) throws {
    var random = SplitMix64(seed: seed)
    let input = Self.input(&random)
    var encoder = DeflateEncoder()
    var start = 0
    while start < input.count {
      let end = min(input.count, start + Int.random(in: 0...100_000, using: &random))
      encoder.write(input[start..<end])
      start = end
    }
    #expect(encoder.inputCount == input.count)
    #expect(encoder.crc.value == CRC32.checksum(of: input))
    let stream = encoder.finish()
    var whole = DeflateEncoder()
    whole.write(input)
    #expect(stream == whole.finish())
    #expect(try DeflateDecoder.decompress(stream) == input)
    // Sized to the input (small tables for a small input), the stream differs but reads back.
    #expect(try DeflateDecoder.decompress(DeflateEncoder.compress(input)) == input)
  }

  static func input(_ random: inout SplitMix64) -> [UInt8] {
    var input: [UInt8] = []
    let target = Int.random(in: 0...400_000, using: &random)
    let alphabet = Array("<row><c r=\"A1\" t=\"s\"><v>0123456789</v></c>港区,.\n".utf8)
    while input.count < target {
      switch Int.random(in: 0..<4, using: &random) {
      case 0:
        input += repeatElement(
          UInt8.random(in: 0...255, using: &random),
          count: Int.random(in: 1...1_000, using: &random))
      case 1:
        for _ in 0..<Int.random(in: 1...5_000, using: &random) {
          input.append(alphabet.randomElement(using: &random)!)
        }
      case 2:
        for _ in 0..<Int.random(in: 1...3_000, using: &random) {
          input.append(UInt8.random(in: 0...255, using: &random))
        }
      default:
        guard !input.isEmpty else { continue }
        let from = Int.random(in: 0..<input.count, using: &random)
        let length = min(input.count - from, Int.random(in: 1...70_000, using: &random))
        input += Array(input[from..<from + length])
      }
    }
    return input
  }
}

extension DeflateTests {
  /// An encoder sized for less than it is given still writes a stream that reads back: its small
  /// tables only find fewer matches.
  @Test func anUnderSizedEncoderStaysCorrect() throws {
    var random = SplitMix64(seed: 99)
    let input = Self.input(&random) + Self.numbers
    var encoder = DeflateEncoder(expectedSize: 100)
    encoder.write(input)
    #expect(try DeflateDecoder.decompress(encoder.finish()) == input)
  }
}
