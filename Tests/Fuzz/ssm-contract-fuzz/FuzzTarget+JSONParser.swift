import RawJSON

extension FuzzTarget {
    /// The two JSON readers, `JSONParser.parse` (to a `JSONValue`) and `JSONTape.parse` (what cassettes and `check`
    /// input are read with): neither crashes; they accept the same documents, with the same value; what they
    /// accept, `JSONWriter` writes back (compact and pretty) to a text that parses to the same value (the parser
    /// preserves member order and number literals, so the values are equal).
    static let jsonParser = FuzzTarget(name: "json-parser") { bytes in
        let tape = try? JSONTape.parse(bytes)
        guard let value = try? JSONParser.parse(bytes) else {
            return require(tape == nil, "JSONTape accepts a document JSONParser rejects")
        }
        guard let tape else { return require(false, "JSONTape rejects a document JSONParser accepts") }
        require(tape.root.json == value, "JSONTape and JSONParser read different values")
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
