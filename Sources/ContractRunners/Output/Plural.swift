/// Counted nouns in messages: `1 request`, `2 requests`, never `request(s)`.
enum Plural {
    /// `count` and the noun in the right number (`plural` defaults to the noun with `s`).
    static func count(_ count: Int, _ noun: String, plural: String? = nil) -> String {
        "\(count) \(count == 1 ? noun : plural ?? noun + "s")"
    }
}
