/// A product the tests run is not built.
public struct BuiltProductMissing: Error, CustomStringConvertible {
    public let name: String
    public let testBinary: String
    public var description: String {
        "\(name) is not built beside \(testBinary): run `swift build --build-tests` (or `make test`)"
    }
}
