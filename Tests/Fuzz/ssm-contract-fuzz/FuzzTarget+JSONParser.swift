import RawJSON

extension FuzzTarget {
    /// `JSONParser.parse`: never crashes; what it accepts, `JSONWriter` writes back to a text that parses to
    /// the same value (the parser preserves member order and number literals, so the values are equal).
    static let jsonParser = FuzzTarget(name: "json-parser") { bytes in
        guard let value = try? JSONParser.parse(bytes) else { return }
        let written = JSONWriter.bytes(value)
        guard let again = try? JSONParser.parse(written) else {
            return require(
                false,
                "JSONWriter wrote text JSONParser rejects: \(String(decoding: written, as: UTF8.self))"
            )
        }
        require(again == value, "parse(write(v)) != v for \(String(decoding: written, as: UTF8.self))")
        let pretty = JSONWriter.bytes(value, style: .pretty)
        require((try? JSONParser.parse(pretty)) == value, "the pretty form does not parse back to the same value")
    }
}
