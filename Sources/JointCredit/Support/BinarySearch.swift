extension RandomAccessCollection {
  /// The first index whose element satisfies `belongsToSecondPart`, for a collection in which
  /// every element that does follows every element that does not (a sorted collection and
  /// "is at least x"); `endIndex` when none does.
  ///
  /// - Complexity: O(log *n*).
  package func partitioningIndex(where belongsToSecondPart: (Element) -> Bool) -> Index {
    var low = startIndex
    var count = self.count
    while count > 0 {
      let half = count / 2
      let middle = index(low, offsetBy: half)
      if belongsToSecondPart(self[middle]) {
        count = half
      } else {
        low = index(after: middle)
        count -= half + 1
      }
    }
    return low
  }
}
