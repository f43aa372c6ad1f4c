import Foundation
import MailGaugeResult

/// One self-contained HTML page (inline CSS, JavaScript and SVG; nothing fetched) rendered
/// from the result model alone, so any JSON result renders again later.
///
/// The page carries the JSON itself and draws from it in the browser: one source of truth,
/// and the same page works for a result of any size.
public enum HTMLReport {
    public static func render(_ result: RunResult) throws -> String {
        // `<` only occurs inside JSON strings, where `\u003c` means the same; escaped, no
        // server text can end the script element or open another.
        let data = String(decoding: try JSONReport.encode(result), as: UTF8.self).replacing("<", with: "\\u003c")
        return HTMLTemplate.page
            .replacing("{{title}}", with: XMLText.escape("MailGauge — \(result.target)"))
            .replacing("{{data}}", with: data)
            .replacing("{{phaseOrder}}", with: "[" + LoadPhase.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ",") + "]")
    }
}
