/// What STORE does to the flags (RFC 9051 §6.4.6): replace, add or remove.
enum StoreOperation: Sendable, Equatable {
    case replace, add, remove

    /// The message's flags after the operation.
    func apply(_ flags: [String], to current: FlagSet) -> FlagSet {
        switch self {
        case .replace: FlagSet(flags)
        case .add: current.union(flags)
        case .remove: current.subtracting(flags)
        }
    }
}
