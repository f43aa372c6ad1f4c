import MailGaugeResult
import MailGaugeWire

/// Groups failed cases by the grammar violation that failed them: the same rule broken by
/// the same bytes once digits are set aside (`* 6 EXPUNGED` and `* 9 EXPUNGED` are one defect),
/// keeping the groups of two or more cases. A case failed by a mismatch with its expectation,
/// not by a violation, belongs to no group.
public enum DefectGrouping {
    public static func defects(in results: [ScenarioResult], in catalog: SuiteCatalog) -> [Defect] {
        var groups: [String: Defect] = [:]
        var order: [String] = []
        for result in results where result.status == .failed {
            let id = catalog.caseID(of: result.file)
            guard let failing = result.steps.first(where: { $0.status == .failed })?.findings.first(where: { $0.severity == .violation }) else {
                continue
            }
            let key = failing.rule + "\u{0}" + String(decoding: failing.bytes.map { (48...57).contains($0) ? UInt8(ascii: "n") : $0 }, as: UTF8.self)
            if groups[key] == nil {
                order.append(key)
                groups[key] = Defect(rule: failing.rule, reference: failing.reference, message: failing.message,
                                     example: ByteEscaping.escape(failing.bytes.prefix(120)), cases: [])
            }
            if groups[key]?.cases.contains(id) == false { groups[key]?.cases.append(id) }
        }
        return order.compactMap { groups[$0] }.filter { $0.cases.count > 1 }
    }
}
