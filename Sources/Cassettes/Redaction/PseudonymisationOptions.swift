/// Turns on format-preserving pseudonyms for identifiers in new recordings.
///
/// Pseudonyms are deterministic per cassette (a random salt stored in the cassette header): the same value
/// always gets the same pseudonym within a cassette, different values get different pseudonyms, and every
/// pseudonym still matches its documented pattern (`i-` + 8 or 17 hex, `mi-` + 17 hex, a 36-character UUID,
/// 12 digits, a dotted quad). Requests and responses are pseudonymised alike, and replay pseudonymises incoming
/// requests with the cassette's salt, so matching still works. This hides identifiers from readers; it is not
/// encryption — without ``secret``, anyone holding the cassette can test a guessed account id.
public struct PseudonymisationOptions: Sendable, Hashable {
    /// The kinds of identifier to replace.
    public var kinds: Set<PseudonymKind>
    /// An optional secret mixed into the derivation (never stored). Replaying requests that carry real
    /// identifiers then needs the same secret; requests carrying pseudonyms match without it.
    public var secret: String?

    public init(kinds: Set<PseudonymKind> = Set(PseudonymKind.allCases), secret: String? = nil) {
        self.kinds = kinds
        self.secret = secret
    }
}
