/// The variables a scenario run knows: account values, `@set` values and captures.
///
/// Secret values (the password, credential proofs) are remembered as secret so that every
/// rendering meant for people can mask them; see `masked`.
public struct Bindings: Sendable, Equatable {
    /// What a secret value shows as in transcripts, logs and reports.
    public static let mask = "[REDACTED]"

    private var values: [String: String] = [:]
    private var secretNames: Set<String> = []

    public init(_ values: [String: String] = [:]) {
        self.values = values
    }

    public subscript(name: String) -> String? { values[name] }

    public mutating func set(_ name: String, to value: String, secret: Bool = false) {
        values[name] = value
        if secret { secretNames.insert(name) } else { secretNames.remove(name) }
    }

    public mutating func merge(_ captures: [String: String]) {
        for (name, value) in captures { set(name, to: value) }
    }

    /// The same bindings with every secret value replaced by `mask`.
    public var masked: Bindings {
        var copy = self
        for name in secretNames { copy.values[name] = Bindings.mask }
        return copy
    }

    /// Whether `name` holds a secret (the password, the APOP digest).
    public func isSecret(_ name: String) -> Bool {
        secretNames.contains(name)
    }

    /// The secret values themselves, for scrubbing text that did not come from a template.
    public var secretValues: [String] {
        secretNames.compactMap { values[$0] }.filter { !$0.isEmpty }
    }
}

/// A `${name}` that has no value when a line is rendered or matched.
public struct UndefinedVariable: Error, Sendable, Equatable, CustomStringConvertible {
    public var name: String
    /// It has a value, but an expression needs a number and the value is none (not shown: it
    /// may be a secret).
    public var isNotANumber = false

    public init(name: String, isNotANumber: Bool = false) {
        self.name = name
        self.isNotANumber = isNotANumber
    }

    public var description: String {
        isNotANumber ? "variable '${\(name)}' holds no number for the expression it is in" : "variable '${\(name)}' has no value"
    }
}
