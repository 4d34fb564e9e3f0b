/// The SSM Agent's output cuts, ported byte for byte (the agent slices Go strings, which are bytes). The text AWS
/// finally sends is what Go's `encoding/json` makes of those bytes: see ``GoJSONText``.
///
/// Sources (read, not copied): `agent/plugins/pluginutil/pluginutil.go` (`StringPrefix`),
/// `agent/framework/processor/executer/iohandler/iohandler.go` (`TruncateOutput`, the markers, 2,500),
/// `agent/appconfig/constants.go` (24,000 / 8,000).
public enum AgentTruncation {
    /// `MaxStdoutLength`: StandardOutputContent is cut to this many bytes.
    public static let maximumStandardOutput = 24_000
    /// `MaxStderrLength`, the documented StandardErrorContent limit.
    public static let maximumStandardError = 8_000
    /// `MaximumPluginOutputSize`: a plugin's `Output` (ListCommandInvocations with Details).
    public static let maximumPluginOutput = 2_500
    /// `OutputTruncatedSuffix`, ending a cut StandardOutputContent / StandardErrorContent.
    public static let truncatedSuffix = "--output truncated--"
    /// The header between stdout and stderr in a plugin's `Output`.
    public static let errorTitle = "\n----------ERROR-------\n"
    /// Ends the stdout part of a cut `Output`.
    public static let outputTruncated = "\n---Output truncated---"
    /// Ends the stderr part of a cut `Output` (four dashes at the end, as in the agent).
    public static let errorTruncated = "\n---Error truncated----"

    /// `StringPrefix`: `input` unchanged when shorter than `maximum` bytes, else its first
    /// `maximum - suffix.count` bytes and `suffix` (so an input of exactly `maximum` bytes is cut too).
    public static func prefix(_ input: [UInt8], maximum: Int, suffix: String = truncatedSuffix) -> [UInt8] {
        guard input.count >= maximum else { return input }
        let marker = Array(suffix.utf8)
        guard maximum > marker.count else { return Array(marker.prefix(maximum)) }
        return Array(input.prefix(maximum - marker.count)) + marker
    }

    /// `TruncateOutput`: stdout, then (when stderr is not empty) ``errorTitle`` and stderr, within `capacity`
    /// bytes; a long part is cut and marked, both evenly when both are long.
    public static func pluginOutput(stdout: [UInt8], stderr: [UInt8], capacity: Int = maximumPluginOutput) -> [UInt8] {
        let title: [UInt8] = stderr.isEmpty ? [] : Array(errorTitle.utf8)
        let outMarker = Array(outputTruncated.utf8)
        let errMarker = Array(errorTruncated.utf8)
        let available = capacity - title.count
        if stdout.count + stderr.count < available { return stdout + title + stderr }
        if stdout.count > available / 2 && stderr.count > available / 2 {
            let half = (available - errMarker.count - outMarker.count) / 2
            return Array(stdout.prefix(half)) + outMarker + title + Array(stderr.prefix(half)) + errMarker
        }
        if stdout.count <= available / 2 {
            let room = available - errMarker.count - stdout.count
            return stdout + title + Array(stderr.prefix(room)) + errMarker
        }
        let room = available - outMarker.count - stderr.count
        return Array(stdout.prefix(room)) + outMarker + title + stderr
    }
}
