import Glibc
import LibFuzzerDriver
import MailGaugeFuzzTargets

var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv) { FuzzTarget.imapFramer.fuzz($0, $1) })
