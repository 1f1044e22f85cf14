/// One sequence after another, without copying either: the lines of a statement with a million
/// events, then its reserve line.
package struct Chained<First: Sequence, Second: Sequence>: Sequence
where First.Element == Second.Element {
  package let first: First
  package let second: Second

  package init(_ first: First, _ second: Second) {
    self.first = first
    self.second = second
  }

  package struct Iterator: IteratorProtocol {
    var first: First.Iterator
    var second: Second.Iterator
    var inSecond = false

    package mutating func next() -> First.Element? {
      if !inSecond {
        if let element = first.next() { return element }
        inSecond = true
      }
      return second.next()
    }
  }

  package func makeIterator() -> Iterator {
    Iterator(first: first.makeIterator(), second: second.makeIterator())
  }
}
