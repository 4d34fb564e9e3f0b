/// What the SSM agent sends for what a script printed (docs/aws-behaviour.md#truncation): byte cuts, the agent's
/// markers, and Go's JSON encoding of a character cut in half (each stray byte becomes U+FFFD).
public enum AgentOutput {
    /// The stdout limit in bytes (`MaxStdoutLength`).
    public static let standardOutputLimit = 24_000
    /// The marker a cut stdout ends with.
    public static let standardOutputMarker = "--output truncated--"
    /// The plugin Output limit in bytes (`MaximumPluginOutputSize`).
    public static let pluginOutputLimit = 2_500
    /// Between stdout and stderr in plugin Output, when stderr is not empty.
    public static let errorTitle = "\n----------ERROR-------\n"
    /// The end of a cut stdout part of plugin Output.
    public static let outputCutMarker = "\n---Output truncated---"
    /// The end of a cut stderr part of plugin Output (four dashes at the end).
    public static let errorCutMarker = "\n---Error truncated----"

    /// StandardOutputContent for `printed`: unchanged below 24,000 bytes; otherwise its first 23,980 bytes and
    /// the marker.
    public static func standardOutput(_ printed: String) -> String {
        let bytes = Array(printed.utf8)
        guard bytes.count >= standardOutputLimit else { return printed }
        return text(bytes[0..<(standardOutputLimit - standardOutputMarker.utf8.count)]) + standardOutputMarker
    }

    /// A plugin's Output for what the script printed: stdout, the error title and stderr, cut to 2,500 bytes
    /// as the agent does (the longer stream gives way; both are halved when both are long).
    public static func pluginOutput(stdout: String, stderr: String) -> String {
        let out = Array(stdout.utf8)
        let err = Array(stderr.utf8)
        let title = err.isEmpty ? "" : errorTitle
        let room = pluginOutputLimit - title.utf8.count
        if out.count + err.count < room { return stdout + title + stderr }
        let (outMarker, errMarker) = (outputCutMarker.utf8.count, errorCutMarker.utf8.count)
        if out.count > room / 2 && err.count > room / 2 {
            let half = (room - outMarker - errMarker) / 2
            return text(out[0..<half]) + outputCutMarker + title + text(err[0..<half]) + errorCutMarker
        }
        if out.count < room / 2 {
            return stdout + title + text(err[0..<(room - errMarker - out.count)]) + errorCutMarker
        }
        return text(out[0..<(room - outMarker - err.count)]) + outputCutMarker + title + stderr
    }

    /// Bytes cut from valid UTF-8 as Go's JSON encoder writes them: a character cut at the end gives one U+FFFD
    /// per stray byte.
    static func text(_ bytes: ArraySlice<UInt8>) -> String {
        var end = bytes.endIndex
        // Step back over continuation bytes to the lead byte of the last character, and keep it only if whole.
        var lead = end
        while lead > bytes.startIndex, bytes[lead - 1] & 0xC0 == 0x80 { lead -= 1 }
        if lead > bytes.startIndex {
            let first = bytes[lead - 1]
            let length = first < 0x80 ? 1 : first >= 0xF0 ? 4 : first >= 0xE0 ? 3 : first >= 0xC0 ? 2 : 1
            if end - (lead - 1) < length { end = lead - 1 }
        }
        return String(decoding: bytes[bytes.startIndex..<end], as: UTF8.self)
            + String(repeating: "\u{FFFD}", count: bytes.endIndex - end)
    }
}
