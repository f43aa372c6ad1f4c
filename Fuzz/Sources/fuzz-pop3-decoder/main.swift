import Glibc
import LibFuzzerDriver
import MailGaugeFuzzTargets

var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv) { FuzzTarget.pop3Decoder.fuzz($0, $1) })
