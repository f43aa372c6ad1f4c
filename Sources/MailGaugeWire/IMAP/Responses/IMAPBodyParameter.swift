/// One attribute/value pair of `body-fld-param`, e.g. `"CHARSET" "utf-8"`.
public struct IMAPBodyParameter: Sendable, Hashable {
    public var name: String
    public var value: String

    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}
