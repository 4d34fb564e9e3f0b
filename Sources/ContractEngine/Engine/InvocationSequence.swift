import RawJSON

/// Which view of an invocation a sequence follows (they are not mixed: a GetCommandInvocation `Status` is the
/// plugin's, a ListCommandInvocations invocation `Status` aggregates every plugin).
public enum SequenceView: String, Sendable, Hashable {
    /// GetCommandInvocation responses for one command, instance and plugin.
    case getCommandInvocation = "GetCommandInvocation"
    /// ListCommandInvocations invocations for one command and instance.
    case listedInvocation = "ListCommandInvocations invocation"
    /// ListCommandInvocations plugins (`Details`) for one command, instance and plugin.
    case listedPlugin = "ListCommandInvocations plugin"
}

/// Identifies one invocation (or one plugin of it) on one target.
public struct SequenceKey: Sendable, Hashable, CustomStringConvertible {
    public let target: String
    public let view: SequenceView
    public let commandID: String
    public let instanceID: String
    public let plugin: String

    public var description: String {
        "\(view.rawValue) \(commandID) on \(instanceID)" + (plugin.isEmpty ? "" : " plugin \(plugin)")
    }

    /// Hashes what tells invocations apart (the target, the same for a file's keys, is only compared).
    public func hash(into hasher: inout Hasher) {
        hasher.combine(commandID)
        hasher.combine(instanceID)
        hasher.combine(plugin)
        hasher.combine(view)
    }
}

/// What one observation says about an invocation, kept for the sequence contracts.
///
/// An immutable final class: the sequence contracts walk every point several times, and a reference costs one
/// retain where a copy of these members costs ten.
public final class SequencePoint: Sendable {
    /// When the request was sent (epoch seconds), when known.
    public let time: Double?
    /// Where it was read.
    public let location: ObservationLocation
    /// The subject's JSON path.
    public let path: String
    public let status: String?
    public let statusDetails: String?
    public let responseCode: JSONValue?
    /// `ExecutionStartDateTime` or `ResponseStartDateTime`.
    public let start: JSONValue?
    /// `ExecutionEndDateTime` or `ResponseFinishDateTime`.
    public let end: JSONValue?
    /// The output members present (`StandardOutputContent`, `StandardErrorContent`, `Output`), as a
    /// fingerprint: their hash and whether they are empty (the text itself is not kept, to keep memory flat).
    public let outputs: [OutputFingerprint]

    init(
        time: Double?,
        location: ObservationLocation,
        path: String,
        status: String?,
        statusDetails: String?,
        responseCode: JSONValue?,
        start: JSONValue?,
        end: JSONValue?,
        outputs: [OutputFingerprint]
    ) {
        self.time = time
        self.location = location
        self.path = path
        self.status = status
        self.statusDetails = statusDetails
        self.responseCode = responseCode
        self.start = start
        self.end = end
        self.outputs = outputs
    }

    /// Time order; observations without a time keep their recorded order.
    static func inOrder(_ a: SequencePoint, _ b: SequencePoint) -> Bool {
        if let x = a.time, let y = b.time, x != y { return x < y }
        if a.location.file != b.location.file { return a.location.file < b.location.file }
        if a.location.interaction != b.location.interaction {
            return (a.location.interaction ?? 0) < (b.location.interaction ?? 0)
        }
        return a.path < b.path
    }
}

/// An output member reduced to what the sequence contracts compare.
public struct OutputFingerprint: Sendable, Hashable {
    public let name: String
    public let isEmpty: Bool
    public let length: Int
    let hash: Int

    /// The fingerprint of the UTF-8 text `bytes` (hashed as bytes: only fingerprints of one run are compared).
    init(name: String, bytes: UnsafeBufferPointer<UInt8>) {
        self.name = name
        self.isEmpty = bytes.isEmpty
        self.length = bytes.count
        var hasher = Hasher()
        hasher.combine(bytes: UnsafeRawBufferPointer(bytes))
        self.hash = hasher.finalize()
    }
}

/// All observations of one invocation, in time order.
public struct InvocationSequence: Sendable {
    public let key: SequenceKey
    public let points: [SequencePoint]

    /// The point read first (the lowest file, interaction and path).
    var firstRead: SequencePoint {
        points.min { a, b in
            if a.location.file != b.location.file { return a.location.file < b.location.file }
            if a.location.interaction != b.location.interaction {
                return (a.location.interaction ?? 0) < (b.location.interaction ?? 0)
            }
            return a.path < b.path
        }!
    }
}

extension RunAccumulator {
    /// Keeps what the sequence contracts need from a successful response.
    mutating func collectSequencePoints(_ observation: Observation, _ body: JSONTape.Value) {
        body.withView { collectSequencePoints(observation, $0) }
    }

    private mutating func collectSequencePoints(_ observation: Observation, _ body: JSONTape.View) {
        switch observation.operation {
        case "GetCommandInvocation":
            PointMembers.with(body) { members in
                guard let command = members[.commandID]?.stringValue, let instance = members[.instanceID]?.stringValue
                else { return }
                let plugin =
                    members[.pluginName]?.stringValue ?? observation.request?["PluginName"]?.stringValue ?? ""
                let key = SequenceKey(
                    target: observation.target,
                    view: .getCommandInvocation,
                    commandID: command,
                    instanceID: instance,
                    plugin: plugin
                )
                sequencePoints[key, default: []].append(
                    point(
                        observation,
                        members,
                        path: "$",
                        start: .executionStart,
                        end: .executionEnd,
                        outputs: PointMembers.Name.invocationOutputs
                    )
                )
            }
        case "ListCommandInvocations":
            var i = -1
            body["CommandInvocations"]?.forEachElement { invocation in
                i += 1
                PointMembers.with(invocation) { members in
                    guard let command = members[.commandID]?.stringValue,
                        let instance = members[.instanceID]?.stringValue
                    else { return }
                    let key = SequenceKey(
                        target: observation.target,
                        view: .listedInvocation,
                        commandID: command,
                        instanceID: instance,
                        plugin: ""
                    )
                    sequencePoints[key, default: []].append(
                        point(observation, members, path: Self.invocationPath(i), start: nil, end: nil, outputs: [])
                    )
                    var j = -1
                    members[.commandPlugins]?.forEachElement { plugin in
                        j += 1
                        PointMembers.with(plugin) { members in
                            let pluginKey = SequenceKey(
                                target: observation.target,
                                view: .listedPlugin,
                                commandID: command,
                                instanceID: instance,
                                plugin: members[.name]?.stringValue ?? "#\(j)"
                            )
                            sequencePoints[pluginKey, default: []].append(
                                point(
                                    observation,
                                    members,
                                    path: Self.pluginPath(i, j),
                                    start: .responseStart,
                                    end: .responseFinish,
                                    outputs: PointMembers.Name.pluginOutputs
                                )
                            )
                        }
                    }
                }
            }
        default: return
        }
    }

    /// `$.CommandInvocations[i]`, made once for the first indices (every listed page repeats them).
    static func invocationPath(_ i: Int) -> String {
        i < commonInvocationPaths.count ? commonInvocationPaths[i] : "$.CommandInvocations[\(i)]"
    }

    /// `$.CommandInvocations[i].CommandPlugins[j]`, made once for the first indices.
    static func pluginPath(_ i: Int, _ j: Int) -> String {
        i < commonInvocationPaths.count && j < commonPluginCount
            ? commonPluginPaths[i * commonPluginCount + j] : "$.CommandInvocations[\(i)].CommandPlugins[\(j)]"
    }

    private static let commonPluginCount = 4
    private static let commonInvocationPaths = (0..<50).map { "$.CommandInvocations[\($0)]" }
    private static let commonPluginPaths = (0..<50).flatMap { i in
        (0..<commonPluginCount).map { "$.CommandInvocations[\(i)].CommandPlugins[\($0)]" }
    }

    private func point(
        _ observation: Observation,
        _ members: PointMembers,
        path: String,
        start: PointMembers.Name?,
        end: PointMembers.Name?,
        outputs: [PointMembers.Name]
    ) -> SequencePoint {
        SequencePoint(
            time: observation.time,
            location: observation.location,
            path: path,
            status: members[.status]?.stringValue,
            statusDetails: members[.statusDetails]?.stringValue,
            responseCode: members[.responseCode]?.json,
            start: start.flatMap { members[$0]?.json },
            end: end.flatMap { members[$0]?.json },
            outputs: outputs.compactMap { name in
                members[name]?.withUTF8 { OutputFingerprint(name: name.text, bytes: $0) }
            }
        )
    }

    /// The sequences, each in time order, in the order their first observations were read (so results do not
    /// depend on hashing).
    func sequences() -> [InvocationSequence] {
        let sequences = sequencePoints.map { key, points in
            let ordered = zip(points, points.dropFirst()).allSatisfy { !SequencePoint.inOrder($1, $0) }
            return InvocationSequence(key: key, points: ordered ? points : points.sorted(by: SequencePoint.inOrder))
        }
        // Each sequence's first-read point is found once, and the sort moves indices, not sequences.
        let first = sequences.map(\.firstRead)
        let order = sequences.indices.sorted { a, b in
            let x = first[a]
            let y = first[b]
            if x.location.file != y.location.file { return x.location.file < y.location.file }
            if x.location.interaction != y.location.interaction {
                return (x.location.interaction ?? 0) < (y.location.interaction ?? 0)
            }
            if x.path != y.path { return x.path < y.path }
            return sequences[a].key.description < sequences[b].key.description
        }
        return order.map { sequences[$0] }
    }
}

/// The members of one subject a sequence point reads, found in one pass over its members (the last member of
/// a name, as ``JSONTape/View/subscript(_:)-(String)`` reads it). Valid only during ``with(_:_:)``.
struct PointMembers {
    /// A member a sequence point reads.
    enum Name: Int, CaseIterable {
        case commandID, instanceID, pluginName, name, status, statusDetails, responseCode, executionStart, executionEnd
        case responseStart, responseFinish, standardOutput, standardError, output, commandPlugins

        /// The member's name in the response.
        var text: String {
            switch self {
            case .commandID: "CommandId"
            case .instanceID: "InstanceId"
            case .pluginName: "PluginName"
            case .name: "Name"
            case .status: "Status"
            case .statusDetails: "StatusDetails"
            case .responseCode: "ResponseCode"
            case .executionStart: "ExecutionStartDateTime"
            case .executionEnd: "ExecutionEndDateTime"
            case .responseStart: "ResponseStartDateTime"
            case .responseFinish: "ResponseFinishDateTime"
            case .standardOutput: "StandardOutputContent"
            case .standardError: "StandardErrorContent"
            case .output: "Output"
            case .commandPlugins: "CommandPlugins"
            }
        }

        /// The output members a GetCommandInvocation response and a listed plugin carry.
        static let invocationOutputs: [Name] = [.standardOutput, .standardError]
        static let pluginOutputs: [Name] = [.output]
    }

    /// The names, by slot: a name's slot is its raw value (the names are distinct, so the table keeps their order).
    static let table: FieldTable = {
        let table = FieldTable(Name.allCases.map(\.text))
        assert(Name.allCases.allSatisfy { table.slot($0.text) == $0.rawValue })
        return table
    }()

    let subject: Subject

    /// Calls `body` with the members of `value`.
    @inline(__always)
    static func with(_ value: JSONTape.View, _ body: (PointMembers) -> Void) {
        table.withFields(of: value, request: nil) { body(PointMembers(subject: $0)) }
    }

    /// The member `name`, or nil when absent.
    @inline(__always)
    subscript(name: Name) -> JSONTape.View? {
        subject.value.value(at: subject.fields[name.rawValue])
    }
}
