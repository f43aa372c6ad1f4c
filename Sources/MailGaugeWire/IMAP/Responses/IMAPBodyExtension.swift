/// `body-extension = nstring / number / number64 / "(" body-extension *(SP body-extension) ")"`.
public indirect enum IMAPBodyExtension: Sendable, Hashable {
    case string(String?)
    case number(UInt64)
    case list([IMAPBodyExtension])
}
