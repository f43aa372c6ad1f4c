import MailGaugeResult

/// Which sessions are fully checked under `--check`: all, none, or an evenly spread share
/// (session `i` is checked when `i × N%` crosses a whole number), so a sample is never bunched.
struct CheckSampler: Sendable {
    var mode: CheckMode

    func isChecked(_ index: Int) -> Bool {
        switch mode {
        case .full: true
        case .off: false
        case .sample(let percent):
            Int((Double(index + 1) * percent / 100).rounded(.down)) > Int((Double(index) * percent / 100).rounded(.down))
        }
    }
}
