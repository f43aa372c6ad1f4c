import Glibc
import LibFuzzerDriver
import MailGaugeFuzzTargets

var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv) { FuzzTarget.scenarioParser.fuzz($0, $1) })
