extension RequestDifference {
    /// How far the live value is from the recorded one, to choose between recorded requests that differ in as
    /// many fields: numbers by their difference, anything else by edit distance (over the shown values).
    public var distance: Double {
        if let live = Double(actual), let recorded = Double(self.recorded) { return abs(live - recorded) }
        return Double(Self.editDistance(Array(actual.unicodeScalars), Array(recorded.unicodeScalars)))
    }

    /// The Levenshtein distance between `a` and `b` (insertions, deletions, substitutions).
    package static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
