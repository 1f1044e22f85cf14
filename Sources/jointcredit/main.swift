import Foundation
import JointCredit
import JointCreditCLI

// An interrupted run removes its temporary files before it ends.
Interruption.installSignalHandlers()
var console = StandardConsole()
let code = Tool.run(Array(CommandLine.arguments.dropFirst()), console: &console)
console.flush()
exit(code.rawValue)
