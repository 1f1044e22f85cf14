/// A binary heap whose top is the element ranked first by `isFirst`.
struct BinaryHeap<Element> {
  private var elements: [Element] = []
  private let isFirst: (Element, Element) -> Bool

  init(_ elements: [Element], isFirst: @escaping (Element, Element) -> Bool) {
    self.elements = elements
    self.isFirst = isFirst
    var index = elements.count / 2
    while index > 0 {
      index -= 1
      siftDown(index)
    }
  }

  var isEmpty: Bool { elements.isEmpty }
  var count: Int { elements.count }
  var top: Element? { elements.first }
  /// The elements, in heap order.
  var unordered: [Element] { elements }

  /// Replaces the top element.
  ///
  /// - Precondition: the heap is not empty.
  mutating func replaceTop(_ element: Element) {
    elements[0] = element
    siftDown(0)
  }

  mutating func pop() -> Element? {
    guard !elements.isEmpty else { return nil }
    elements.swapAt(0, elements.count - 1)
    let last = elements.removeLast()
    if !elements.isEmpty { siftDown(0) }
    return last
  }

  mutating func push(_ element: Element) {
    elements.append(element)
    var child = elements.count - 1
    while child > 0 {
      let parent = (child - 1) / 2
      guard isFirst(elements[child], elements[parent]) else { break }
      elements.swapAt(child, parent)
      child = parent
    }
  }

  private mutating func siftDown(_ start: Int) {
    var parent = start
    while true {
      let left = 2 * parent + 1
      guard left < elements.count else { return }
      var best = left
      if left + 1 < elements.count, isFirst(elements[left + 1], elements[left]) { best = left + 1 }
      guard isFirst(elements[best], elements[parent]) else { return }
      elements.swapAt(best, parent)
      parent = best
    }
  }

  /// The `count` elements of `candidates` that `isFirst` ranks first, in no order: a heap of
  /// the best so far with its worst on top, which a candidate that does not get in costs one
  /// comparison.
  static func first(
    _ count: Int, of candidates: some Sequence<Element>,
    isFirst: @escaping (Element, Element) -> Bool
  ) -> [Element] {
    guard count > 0 else { return [] }
    var kept = BinaryHeap([], isFirst: { isFirst($1, $0) })
    for candidate in candidates {
      if kept.count < count {
        kept.push(candidate)
      } else if isFirst(candidate, kept.top!) {
        kept.replaceTop(candidate)
      }
    }
    return kept.unordered
  }
}
