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
            guard let command = body["CommandId"]?.stringValue, let instance = body["InstanceId"]?.stringValue else {
                return
            }
            let plugin = body["PluginName"]?.stringValue ?? observation.request?["PluginName"]?.stringValue ?? ""
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
                    body,
                    path: "$",
                    start: "ExecutionStartDateTime",
                    end: "ExecutionEndDateTime",
                    outputs: Self.invocationOutputs
                )
            )
        case "ListCommandInvocations":
            var i = -1
            body["CommandInvocations"]?.forEachElement { invocation in
                i += 1
                guard let command = invocation["CommandId"]?.stringValue,
                    let instance = invocation["InstanceId"]?.stringValue
                else { return }
                let key = SequenceKey(
                    target: observation.target,
                    view: .listedInvocation,
                    commandID: command,
                    instanceID: instance,
                    plugin: ""
                )
                sequencePoints[key, default: []].append(
                    point(
                        observation,
                        invocation,
                        path: Self.invocationPath(i),
                        start: nil,
                        end: nil,
                        outputs: []
                    )
                )
                var j = -1
                invocation["CommandPlugins"]?.forEachElement { plugin in
                    j += 1
                    let pluginKey = SequenceKey(
                        target: observation.target,
                        view: .listedPlugin,
                        commandID: command,
                        instanceID: instance,
                        plugin: plugin["Name"]?.stringValue ?? "#\(j)"
                    )
                    sequencePoints[pluginKey, default: []].append(
                        point(
                            observation,
                            plugin,
                            path: Self.pluginPath(i, j),
                            start: "ResponseStartDateTime",
                            end: "ResponseFinishDateTime",
                            outputs: Self.pluginOutputs
                        )
                    )
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

    /// The output members a GetCommandInvocation response and a listed plugin carry.
    private static let invocationOutputs = ["StandardOutputContent", "StandardErrorContent"]
    private static let pluginOutputs = ["Output"]

    private static let commonPluginCount = 4
    private static let commonInvocationPaths = (0..<50).map { "$.CommandInvocations[\($0)]" }
    private static let commonPluginPaths = (0..<50).flatMap { i in
        (0..<commonPluginCount).map { "$.CommandInvocations[\(i)].CommandPlugins[\($0)]" }
    }

    private func point(
        _ observation: Observation,
        _ subject: JSONTape.View,
        path: String,
        start: String?,
        end: String?,
        outputs: [String]
    ) -> SequencePoint {
        SequencePoint(
            time: observation.time,
            location: observation.location,
            path: path,
            status: subject["Status"]?.stringValue,
            statusDetails: subject["StatusDetails"]?.stringValue,
            responseCode: subject["ResponseCode"]?.json,
            start: start.flatMap { subject[$0]?.json },
            end: end.flatMap { subject[$0]?.json },
            outputs: outputs.compactMap { name in subject[name]?.withUTF8 { OutputFingerprint(name: name, bytes: $0) } }
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
