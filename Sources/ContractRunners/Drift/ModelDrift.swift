import RawJSON
import SSMOperations

/// Compares the committed model with the model botocore describes now, and names every difference that matters to
/// clients: operations' shapes and errors, shapes added or removed, members added, removed or reordered, member
/// targets and traits, types, required members, min/max, patterns, enum values, list/map element shapes.
/// Documentation and provenance are not compared.
public enum ModelDrift {
    /// The differences, in a stable order (operations first, then shapes by name); empty when nothing drifted.
    public static func compare(recorded: SSMShapeModel, current: SSMShapeModel) -> [ModelDifference] {
        var out: [ModelDifference] = []
        for op in recorded.operations {
            let location = "operation \(op.name)"
            guard let now = current.operation(named: op.name), now.input != nil || now.output != nil else {
                out.append(ModelDifference(location: location, kind: .removed, detail: "operation"))
                continue
            }
            if op.input != now.input {
                out.append(
                    .init(location: location, kind: .changed, detail: "input \(show(op.input)) → \(show(now.input))")
                )
            }
            if op.output != now.output {
                out.append(
                    .init(location: location, kind: .changed, detail: "output \(show(op.output)) → \(show(now.output))")
                )
            }
            out += setDifference(location: location, noun: "error", old: op.errors, new: now.errors)
        }
        for name in Set(recorded.shapes.keys).union(current.shapes.keys).sorted() {
            switch (recorded.shapes[name], current.shapes[name]) {
            case (let old?, let new?): out += compare(old, new)
            case (_?, nil):
                out.append(.init(location: "shape \(name)", kind: .removed, detail: "shape (no longer reachable)"))
            case (nil, let new?):
                out.append(.init(location: "shape \(name)", kind: .added, detail: "shape of type \(new.kind.rawValue)"))
            case (nil, nil): break
            }
        }
        return out
    }

    private static func compare(_ old: Shape, _ new: Shape) -> [ModelDifference] {
        let location = "shape \(old.name)"
        var out: [ModelDifference] = []
        func changed(_ what: String, _ a: String, _ b: String) {
            if a != b { out.append(.init(location: location, kind: .changed, detail: "\(what) \(a) → \(b)")) }
        }
        changed("type", old.kind.rawValue, new.kind.rawValue)
        changed("min", show(old.min), show(new.min))
        changed("max", show(old.max), show(new.max))
        changed("pattern", show(old.pattern), show(new.pattern))
        changed("sensitive", String(old.sensitive), String(new.sensitive))
        changed("list member", show(old.listMember), show(new.listMember))
        changed("map key", show(old.mapKey), show(new.mapKey))
        changed("map value", show(old.mapValue), show(new.mapValue))
        out += setDifference(location: location, noun: "enum value", old: old.enumValues, new: new.enumValues)
        out += setDifference(location: location, noun: "required member", old: old.required, new: new.required)
        let oldNames = old.members.map(\.name)
        let newNames = new.members.map(\.name)
        for member in old.members {
            let memberLocation = "\(old.name).\(member.name)"
            guard let now = new.member(member.name) else {
                out.append(.init(location: memberLocation, kind: .removed, detail: "member (shape \(member.shape))"))
                continue
            }
            if member.shape != now.shape {
                out.append(
                    .init(
                        location: memberLocation,
                        kind: .changed,
                        detail: "target shape \(member.shape) → \(now.shape)"
                    )
                )
            }
            if member.traits != now.traits {
                let a = JSONWriter.string(.object(member.traits))
                let b = JSONWriter.string(.object(now.traits))
                out.append(.init(location: memberLocation, kind: .changed, detail: "member traits \(a) → \(b)"))
            }
        }
        for member in new.members where !oldNames.contains(member.name) {
            out.append(
                .init(location: "\(old.name).\(member.name)", kind: .added, detail: "member (shape \(member.shape))")
            )
        }
        let common = oldNames.filter(newNames.contains)
        let commonNow = newNames.filter(oldNames.contains)
        if common != commonNow {
            out.append(
                .init(
                    location: location,
                    kind: .changed,
                    detail: "member order \(common.joined(separator: ",")) → \(commonNow.joined(separator: ","))"
                )
            )
        }
        return out
    }

    private static func setDifference(location: String, noun: String, old: [String], new: [String]) -> [ModelDifference]
    {
        old.filter { !new.contains($0) }.map {
            ModelDifference(location: location, kind: .removed, detail: "\(noun) \"\($0)\"")
        }
            + new.filter { !old.contains($0) }.map {
                ModelDifference(location: location, kind: .added, detail: "\(noun) \"\($0)\"")
            }
    }

    private static func show(_ value: String?) -> String { value.map { "\"\($0)\"" } ?? "none" }
    private static func show(_ value: Int?) -> String { value.map(String.init) ?? "none" }
}
