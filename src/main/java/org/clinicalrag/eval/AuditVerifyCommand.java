package org.clinicalrag.eval;

import org.clinicalrag.audit.AuditTrail;
import picocli.CommandLine;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code ./run audit-verify}: checks the audit log's hash chain; exit code 1 names the first tampered line. */
@CommandLine.Command(name = "audit-verify", mixinStandardHelpOptions = true,
        description = "Verify the hash chain of the audit log and report the first tampered record.")
public class AuditVerifyCommand implements Callable<Integer> {

    @CommandLine.Option(names = "--data-dir", defaultValue = "${env:RAG_DATA_DIR:-data}", description = "The server's rag.data-dir.")
    Path dataDir;

    @Override
    public Integer call() throws Exception {
        Path log = dataDir.resolve("audit").resolve("audit.log");
        AuditTrail.Verification v = AuditTrail.verify(log);
        if (v.intact()) {
            System.out.println("Audit log " + log + ": " + v.records() + " records, chain intact.");
            return 0;
        }
        System.out.println("Audit log " + log + ": TAMPERED at record " + v.firstBrokenLine() + " of " + v.records() + ": " + v.problem() + ".");
        return 1;
    }
}
