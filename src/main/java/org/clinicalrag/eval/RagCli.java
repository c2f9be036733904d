package org.clinicalrag.eval;

import org.clinicalrag.eval.beir.BeirCommand;
import org.clinicalrag.eval.medquad.MedQuadBeirCommand;
import picocli.CommandLine;

/** Command-line entry for everything that is not the server: evaluation and benchmarks ({@code ./run help}). */
@CommandLine.Command(name = "./run", mixinStandardHelpOptions = true,
        description = "Clinical RAG server tools. Without a command, ./run starts the server.",
        subcommands = {EvalCommand.class, BeirCommand.class, MedQuadBeirCommand.class, MedquadDocumentsCommand.class,
                DeidentificationBenchmark.class, BenchIngestCommand.class, BenchQueryCommand.class, BenchStartCommand.class, ReportsCommand.class,
                AuditVerifyCommand.class, FeedbackExportCommand.class,
                CommandLine.HelpCommand.class})
public class RagCli {

    public static void main(String[] args) {
        System.exit(new CommandLine(new RagCli()).execute(args));
    }
}
