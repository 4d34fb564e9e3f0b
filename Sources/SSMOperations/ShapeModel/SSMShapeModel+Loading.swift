import Foundation
import HTTPTransport
import RawJSON

extension SSMShapeModel {
    /// The compiled-in copy of `Contracts/model/ssm-model.json` (see ``embeddedJSON``).
    public static let bundled: SSMShapeModel = {
        do {
            return try SSMShapeModel(json: JSONParser.parse(embeddedJSON))
        } catch {
            fatalError("the embedded SSM model is invalid (regenerate it with `make model`): \(error)")
        }
    }()

    /// Loads a model file in the `Contracts/model/ssm-model.json` format.
    public static func load(from url: URL) throws(SSMModelError) -> SSMShapeModel {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw SSMModelError("\(url.path): cannot read the model file (\(SystemErrorText.reason(error)))")
        }
        do {
            return try SSMShapeModel(json: JSONParser.parse(data))
        } catch let error as JSONParseError {
            throw SSMModelError("\(url.path): not JSON: \(error)")
        } catch let error as SSMModelError {
            throw SSMModelError("\(url.path): \(error.message)")
        } catch {
            throw SSMModelError("\(url.path): \(error)")
        }
    }

    /// Reads the `ssm-model.json` format.
    public init(json: JSONValue) throws(SSMModelError) {
        let source = try Self.object(json["source"], at: "source")
        self.source = Source(
            botocoreVersion: try Self.string(source["botocore"], at: "source.botocore"),
            apiVersion: try Self.string(source["apiVersion"], at: "source.apiVersion"),
            file: try Self.string(source["file"], at: "source.file"),
            targetPrefix: try Self.string(source["targetPrefix"], at: "source.targetPrefix")
        )
        var operations: [Operation] = []
        for member in try Self.object(json["operations"], at: "operations") {
            let path = "operations.\(member.key)"
            let op = try Self.object(member.value, at: path)
            operations.append(
                Operation(
                    name: member.key,
                    cliName: try Self.string(op["cliName"], at: "\(path).cliName"),
                    input: op["input"]?.stringValue,
                    output: op["output"]?.stringValue,
                    errors: (op["errors"]?.arrayValue ?? []).compactMap(\.stringValue)
                )
            )
        }
        self.operations = operations
        self.shapes = try Self.shapes(json["shapes"], botocoreFormat: false)
    }

    /// Builds the model of `operations` from botocore's `service-2.json` (decompressed): the named operations and
    /// every shape reachable from their input and output, without documentation. `botocoreVersion` is recorded as
    /// the source. This is what ``ModelDrift/compare(recorded:current:)`` compares the committed model against.
    public static func fromBotocore(
        service: JSONValue,
        operations names: [String],
        botocoreVersion: String
    ) throws(SSMModelError) -> SSMShapeModel {
        let metadata = try object(service["metadata"], at: "metadata")
        let allShapes = try shapes(service["shapes"], botocoreFormat: true)
        let allOperations = try object(service["operations"], at: "operations")
        var operations: [Operation] = []
        var reachable: [String: Shape] = [:]
        func visit(_ name: String) throws(SSMModelError) {
            guard reachable[name] == nil else { return }
            guard let shape = allShapes[name] else { throw SSMModelError("shapes.\(name): referenced but not defined") }
            reachable[name] = shape
            for member in shape.members { try visit(member.shape) }
            for next in [shape.listMember, shape.mapKey, shape.mapValue].compactMap({ $0 }) { try visit(next) }
        }
        for name in names {
            guard let op = allOperations[name]?.objectValue else {
                operations.append(
                    Operation(name: name, cliName: cliName(of: name), input: nil, output: nil, errors: [])
                )
                continue
            }
            let input = op["input"]?["shape"]?.stringValue
            let output = op["output"]?["shape"]?.stringValue
            for shape in [input, output].compactMap({ $0 }) { try visit(shape) }
            let errors = (op["errors"]?.arrayValue ?? []).compactMap { $0["shape"]?.stringValue }
            operations.append(
                Operation(name: name, cliName: cliName(of: name), input: input, output: output, errors: errors)
            )
        }
        let source = Source(
            botocoreVersion: botocoreVersion,
            apiVersion: try string(metadata["apiVersion"], at: "metadata.apiVersion"),
            file: "botocore/data/ssm/2014-11-06/service-2.json.gz",
            targetPrefix: try string(metadata["targetPrefix"], at: "metadata.targetPrefix")
        )
        return SSMShapeModel(source: source, operations: operations, shapes: reachable)
    }

    /// botocore's `xform_name(name, "-")` for SSM's operation names: `GetCommandInvocation` → `get-command-invocation`.
    public static func cliName(of operation: String) -> String {
        var out = ""
        for (index, character) in operation.enumerated() {
            if character.isUppercase, index > 0 { out.append("-") }
            out.append(contentsOf: character.lowercased())
        }
        return out
    }

    private static func shapes(_ value: JSONValue?, botocoreFormat: Bool) throws(SSMModelError) -> [String: Shape] {
        var shapes: [String: Shape] = [:]
        for entry in try object(value, at: "shapes") {
            shapes[entry.key] = try shape(named: entry.key, entry.value, botocoreFormat: botocoreFormat)
        }
        return shapes
    }

    private static func shape(
        named name: String,
        _ value: JSONValue,
        botocoreFormat: Bool
    ) throws(SSMModelError) -> Shape {
        let path = "shapes.\(name)"
        let object = try object(value, at: path)
        let typeName = try string(object["type"], at: "\(path).type")
        guard let kind = Shape.Kind(rawValue: typeName) else {
            throw SSMModelError("\(path).type: unknown shape type \"\(typeName)\"")
        }
        func reference(_ key: String) -> String? {
            botocoreFormat ? object[key]?["shape"]?.stringValue : object[key]?.stringValue
        }
        var members: [Shape.Member] = []
        for member in object["members"]?.objectValue ?? JSONObject() {
            let memberPath = "\(path).members.\(member.key)"
            let target = try string(member.value["shape"], at: "\(memberPath).shape")
            var traits = JSONObject()
            if botocoreFormat {
                for trait in member.value.objectValue ?? JSONObject()
                where trait.key != "shape" && trait.key != "documentation" {
                    traits.append(key: trait.key, value: trait.value)
                }
                traits = JSONObject(traits.members.sorted { $0.key < $1.key })
            } else {
                traits = member.value["traits"]?.objectValue ?? JSONObject()
            }
            members.append(
                Shape.Member(
                    name: member.key,
                    shape: target,
                    documentation: botocoreFormat ? nil : member.value["doc"]?.stringValue,
                    traits: traits
                )
            )
        }
        return Shape(
            name: name,
            kind: kind,
            min: object["min"]?.intValue,
            max: object["max"]?.intValue,
            pattern: object["pattern"]?.stringValue,
            enumValues: (object["enum"]?.arrayValue ?? []).compactMap(\.stringValue),
            sensitive: object["sensitive"]?.boolValue ?? false,
            required: (object["required"]?.arrayValue ?? []).compactMap(\.stringValue),
            members: members,
            listMember: reference("member"),
            mapKey: reference("key"),
            mapValue: reference("value")
        )
    }

    private static func object(_ value: JSONValue?, at path: String) throws(SSMModelError) -> JSONObject {
        guard let object = value?.objectValue else {
            throw SSMModelError("\(path): expected an object, found \(value?.typeName ?? "nothing")")
        }
        return object
    }

    private static func string(_ value: JSONValue?, at path: String) throws(SSMModelError) -> String {
        guard let string = value?.stringValue else {
            throw SSMModelError("\(path): expected a string, found \(value?.typeName ?? "nothing")")
        }
        return string
    }
}
