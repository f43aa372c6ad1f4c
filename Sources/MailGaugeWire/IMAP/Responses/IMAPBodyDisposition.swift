/// `body-fld-dsp = "(" string SP body-fld-param ")" / nil`, e.g. `("attachment" ("filename" "a.pdf"))`.
public struct IMAPBodyDisposition: Sendable, Hashable {
    public var kind: String
    public var parameters: [IMAPBodyParameter]

    public init(kind: String, parameters: [IMAPBodyParameter]) {
        self.kind = kind
        self.parameters = parameters
    }
}
