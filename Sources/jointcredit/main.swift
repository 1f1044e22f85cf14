import Foundation
import JointCreditCLI

Tool.prepareProcess()
var console = StandardConsole()
let code = Tool.run(Array(CommandLine.arguments.dropFirst()), console: &console)
console.flush()
exit(code.rawValue)
