import Foundation
import HTTPTransport

extension CassetteTransport {
    struct Opened {
        var cassette: Cassette
        var pseudonymiser: Pseudonymiser?
    }

    /// Loads or creates the cassette for `mode` and sets up pseudonymisation from its header.
    static func open(file: URL, mode: RecordMode, exists: Bool, options: CassetteOptions) throws -> Opened {
        switch mode {
        case .live:
            return Opened(
                cassette: Cassette(header: CassetteHeader(source: options.source ?? .live, recordedAt: "")),
                pseudonymiser: nil
            )
        case .record:
            return try Opened(newCassetteFor: file, mode: mode, options: options)
        case .replay, .recordMissing:
            guard exists else {
                if mode == .recordMissing { return try Opened(newCassetteFor: file, mode: mode, options: options) }
                throw CassetteError(
                    file: file.relativePath,
                    problem: "does not exist",
                    remedy: "record it first with \(RecordMode.environmentVariable)=record (or record-missing)"
                )
            }
            let cassette = try Cassette.load(from: file)
            if mode == .recordMissing {
                if let source = options.source, source != cassette.header.source {
                    throw CassetteConfigurationError(
                        "\(file.relativePath) holds \(cassette.header.source) responses; recording \(source) responses into it would mix sources — record them into a separate cassette, or replace it with mode record"
                    )
                }
                if options.pseudonymisation != nil, cassette.header.pseudonymisation == nil,
                    !cassette.interactions.isEmpty
                {
                    throw CassetteConfigurationError(
                        "\(file.relativePath) was recorded without pseudonymisation; adding pseudonymised interactions would mix real and pseudonymous identifiers — re-record it with mode record"
                    )
                }
            }
            var pseudonymiser: Pseudonymiser?
            if let header = cassette.header.pseudonymisation {
                guard let salt = Data(base64Encoded: header.salt) else {
                    throw CassetteError(
                        file: file.relativePath,
                        field: "pseudonymisation.salt",
                        problem: "is not valid base64",
                        remedy: "restore the file or re-record it"
                    )
                }
                pseudonymiser = Pseudonymiser(
                    kinds: Set(header.kinds),
                    salt: salt,
                    secret: options.pseudonymisation?.secret,
                    leavesPseudonyms: true,
                    knownPseudonyms: knownIdentifiers(in: cassette)
                )
            }
            return Opened(cassette: cassette, pseudonymiser: pseudonymiser)
        }
    }

    /// Every identifier-shaped value in a cassette: after pseudonymisation these are all pseudonyms.
    static func knownIdentifiers(in cassette: Cassette) -> Set<String> {
        var known = Set<String>()
        func scan(_ text: String) { known.formUnion(Pseudonymiser.identifiers(in: text)) }
        func scan(_ body: RecordedBody) {
            _ = body.mapping(
                text: {
                    scan($0)
                    return $0
                },
                bytes: { $0 }
            )
        }
        for interaction in cassette.interactions {
            scan(interaction.request.url)
            for field in interaction.request.headers { scan(field.value) }
            for field in interaction.response.headers { scan(field.value) }
            scan(interaction.request.body)
            scan(interaction.response.body)
        }
        return known
    }
}

extension CassetteTransport.Opened {
    /// An empty cassette with a header from `options`; the source is required.
    init(newCassetteFor file: URL, mode: RecordMode, options: CassetteOptions) throws {
        guard let source = options.source else {
            throw CassetteConfigurationError(
                "\(file.relativePath): mode \(mode.rawValue) creates a new cassette, which must say where its responses come from; set CassetteOptions.source (live, mock:NAME@VERSION, …)"
            )
        }
        var pseudonymisation: CassettePseudonymisation?
        var pseudonymiser: Pseudonymiser?
        if let settings = options.pseudonymisation {
            var generator = SystemRandomNumberGenerator()
            let salt = Data((0..<16).map { _ in UInt8.random(in: 0...255, using: &generator) })
            pseudonymisation = CassettePseudonymisation(
                kinds: Array(settings.kinds),
                salt: salt.base64EncodedString(),
                keyed: settings.secret != nil
            )
            pseudonymiser = Pseudonymiser(
                kinds: settings.kinds,
                salt: salt,
                secret: settings.secret,
                leavesPseudonyms: mode == .recordMissing
            )
        }
        let header = CassetteHeader(
            source: source,
            recordedAt: Timestamp.iso8601(options.clock()),
            region: options.region,
            description: options.description,
            pseudonymisation: pseudonymisation
        )
        self.init(cassette: Cassette(header: header), pseudonymiser: pseudonymiser)
    }
}

/// ISO-8601 UTC timestamps with milliseconds, as cassettes store them.
enum Timestamp {
    /// `2026-11-21T07:40:00.123Z`: rounded to the nearest millisecond (binary floating point would otherwise
    /// truncate `.123` to `.122`).
    static func iso8601(_ date: Date) -> String {
        let milliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded())
        let seconds = milliseconds.quotientAndRemainder(dividingBy: 1000)
        let (whole, fraction) = seconds.remainder < 0 ? (seconds.quotient - 1, seconds.remainder + 1000) : seconds
        let text = Date(timeIntervalSince1970: Double(whole))
            .formatted(Date.ISO8601FormatStyle(timeZone: TimeZone(identifier: "UTC")!))
        return String(text.dropLast()) + "." + String(fraction).leftPadded(to: 3) + "Z"
    }
}
