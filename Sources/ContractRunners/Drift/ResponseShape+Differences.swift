extension ResponseShape {
    /// Enum values that show up only while a command is in flight: whether a run sees them depends on timing, so
    /// one that did not show up this time is a note, not drift (a new one is drift).
    public static let inFlightValues: Set<String> = ["Pending", "InProgress", "In Progress", "Delayed"]

    /// Outcomes that depend on timing: `InvocationDoesNotExist` is what GetCommandInvocation answers right after
    /// SendCommand, before the invocation exists (eventual consistency); its absence is a note.
    public static let timingDependentOutcomes: Set<String> = ["InvocationDoesNotExist (HTTP 400)"]

    /// What changed from `baseline` to this shape, for `operation` in `file`: members added or removed (only the
    /// outermost path of a subtree that appeared or vanished), type or form changes, enum values, outcomes, error
    /// messages per error code, and header names.
    public func differences(from baseline: ResponseShape, file: String, operation: String) -> [DriftItem] {
        func item(
            _ aspect: DriftItem.Aspect,
            _ path: String?,
            _ old: String,
            _ new: String,
            note: Bool = false
        ) -> DriftItem {
            DriftItem(file: file, operation: operation, aspect: aspect, path: path, old: old, new: new, isNote: note)
        }
        var items: [DriftItem] = []
        let removed = Set(baseline.members.keys).subtracting(members.keys)
        let added = Set(members.keys).subtracting(baseline.members.keys)
        for path in Self.outermost(removed) {
            items.append(
                item(.member, path, "member (\(Self.list(ValueKind.comparable(baseline.members[path]!))))", "(absent)")
            )
        }
        for path in Self.outermost(added) {
            items.append(item(.member, path, "(absent)", "member (\(Self.list(ValueKind.comparable(members[path]!))))"))
        }
        for path in Set(members.keys).intersection(baseline.members.keys).sorted() {
            let old = ValueKind.comparable(baseline.members[path]!)
            let new = ValueKind.comparable(members[path]!)
            if old != new { items.append(item(.type, path, Self.list(old), Self.list(new))) }
        }
        for path in Set(enumValues.keys).intersection(baseline.enumValues.keys).sorted() {
            let (gone, new) = Self.change(baseline.enumValues[path]!, enumValues[path]!)
            guard !gone.isEmpty || !new.isEmpty else { continue }
            items.append(
                item(
                    .values,
                    path,
                    Self.list(gone),
                    Self.list(new),
                    note: new.isEmpty && gone.isSubset(of: Self.inFlightValues)
                )
            )
        }
        let (goneOutcomes, newOutcomes) = Self.change(baseline.outcomes, outcomes)
        if !goneOutcomes.isEmpty || !newOutcomes.isEmpty {
            items.append(
                item(
                    .outcomes,
                    nil,
                    Self.list(goneOutcomes),
                    Self.list(newOutcomes),
                    note: newOutcomes.isEmpty && goneOutcomes.isSubset(of: Self.timingDependentOutcomes)
                )
            )
        }
        for code in Set(errorMessages.keys).intersection(baseline.errorMessages.keys).sorted() {
            let (gone, new) = Self.change(baseline.errorMessages[code]!, errorMessages[code]!)
            guard !gone.isEmpty || !new.isEmpty else { continue }
            items.append(item(.messages, code, Self.quoted(gone), Self.quoted(new), note: new.isEmpty))
        }
        let (goneHeaders, newHeaders) = Self.change(baseline.headerNames, headerNames)
        if !goneHeaders.isEmpty || !newHeaders.isEmpty {
            items.append(item(.headers, nil, Self.list(goneHeaders), Self.list(newHeaders)))
        }
        return items
    }

    /// What is only in `old`, and what is only in `new`.
    static func change(_ old: Set<String>, _ new: Set<String>) -> (gone: Set<String>, new: Set<String>) {
        (old.subtracting(new), new.subtracting(old))
    }

    /// The paths whose parent is not in `paths` too, sorted: a vanished object is one line, not one per member.
    static func outermost(_ paths: Set<String>) -> [String] {
        paths.filter { path in !paths.contains { other in other != path && Self.isAncestor(other, of: path) } }.sorted()
    }

    static func isAncestor(_ ancestor: String, of path: String) -> Bool {
        guard path.hasPrefix(ancestor), path.count > ancestor.count else { return false }
        let next = path[path.index(path.startIndex, offsetBy: ancestor.count)]
        return next == "." || next == "["
    }

    static func list(_ values: Set<String>) -> String {
        values.isEmpty ? "(none)" : values.sorted().joined(separator: ", ")
    }

    static func quoted(_ values: Set<String>) -> String {
        values.isEmpty ? "(none)" : values.sorted().map { "\"\($0)\"" }.joined(separator: ", ")
    }
}
