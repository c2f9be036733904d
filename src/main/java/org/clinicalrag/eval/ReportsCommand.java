package org.clinicalrag.eval;

import org.clinicalrag.eval.beir.BeirCommand;
import org.clinicalrag.eval.medquad.MedQuadBeirCommand;
import org.clinicalrag.eval.report.Html;
import picocli.CommandLine;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code ./run reports}: every evaluation report in one command. The clinical sets run against a real server (one
 * is started from this checkout on a scratch data dir unless {@code --url} names a running one); every BEIR set
 * under {@code <data>/beir} and MedQuAD (templated questions and the consumer paraphrases) run through the server's
 * own ingest and retrieval code. Each step writes JSON and a self-contained HTML page; {@code index.html} links them.
 * A failing step is reported and the others still run.
 */
@CommandLine.Command(name = "reports", mixinStandardHelpOptions = true,
        description = "Write every report (clinical eval sets, each BEIR set, MedQuAD) as JSON + HTML, with an index page.")
public class ReportsCommand implements Callable<Integer> {

    @CommandLine.Option(names = "--data", defaultValue = "../shared/data",
            description = "Data folder holding beir/<set>/ and medquad/ (default ${DEFAULT-VALUE}).")
    Path data;

    @CommandLine.Option(names = "--sets", split = ",", defaultValue = "eval/clinical.jsonl",
            description = "Evaluation sets in the DESIGN.md format (default ${DEFAULT-VALUE}).")
    List<Path> sets;

    @CommandLine.Option(names = "--url", description = "A running server to evaluate instead of starting one.")
    URI url;

    @CommandLine.Option(names = "--api-key", defaultValue = "${env:RAG_API_KEY}", description = "Bearer key for --url, if it requires one.")
    String apiKey;

    @CommandLine.Option(names = "--reports", defaultValue = "eval/reports", description = "Where reports go (default ${DEFAULT-VALUE}).")
    Path reports;

    @CommandLine.Option(names = "--skip-beir", description = "Only the clinical sets.")
    boolean skipBeir;

    @CommandLine.Option(names = "--work", defaultValue = "target", description = "Where BEIR indexes and the MedQuAD set are built (default ${DEFAULT-VALUE}).")
    Path work;

    @Override
    public Integer call() throws Exception {
        Files.createDirectories(reports);
        List<String> failed = new ArrayList<>();
        evaluateSets(failed);
        if (!skipBeir) {
            for (Path set : beirSets()) {
                step("BEIR " + set.getFileName(), failed, new BeirCommand(), set.toString(), "--report", "--reports", reports.toString(),
                        "--work", work.resolve("beir").resolve(set.getFileName()).toString());
            }
            Path medquad = data.resolve("medquad");
            if (Files.isDirectory(medquad)) {
                Path beir = work.resolve("medquad-beir");
                if (step("MedQuAD as a BEIR set", failed, new MedQuadBeirCommand(), medquad.toString(), beir.toString())) {
                    String index = work.resolve("beir").resolve("medquad-beir").toString();
                    step("MedQuAD templated questions", failed, new BeirCommand(), beir.toString(), "--report", "--reports", reports.toString(),
                            "--work", index);
                    step("MedQuAD consumer paraphrases", failed, new BeirCommand(), beir.toString(), "--split", "paraphrases",
                            "--report", "--reports", reports.toString(), "--work", index);
                    step("MedQuAD consumer questions, set 2", failed, new BeirCommand(), beir.toString(), "--split", "consumer2",
                            "--report", "--reports", reports.toString(), "--work", index);
                }
            } else {
                System.out.println("No MedQuAD at " + medquad + ": skipped.");
            }
        }
        Path index = writeIndex();
        System.out.println("Reports: " + index.toAbsolutePath().toUri());
        if (!failed.isEmpty()) {
            System.out.println("Failed: " + String.join(", ", failed));
            return 1;
        }
        return 0;
    }

    private void evaluateSets(List<String> failed) throws Exception {
        if (url != null) {
            evaluate(url, failed);
            return;
        }
        // its own data dir, kept between runs (unchanged guidelines are not embedded again), and no rate limit
        Path serverData = Path.of("target", "reports-server", "data");
        Files.createDirectories(serverData);
        System.out.println("Starting a server on the guidelines folder for the evaluation sets...");
        try (LocalServer server = LocalServer.launch(serverData, Path.of("guidelines"), LocalServer.freePort(),
                serverData.resolveSibling("server.log"), "-Drag.auth.requests-per-minute=1000000")) {
            server.awaitReady(Duration.ofMinutes(30));
            evaluate(server.url(), failed);
        } catch (IllegalStateException e) {
            failed.add("evaluation server");
            System.out.println("The evaluation server did not start: " + e.getMessage());
        }
    }

    private void evaluate(URI target, List<String> failed) {
        for (Path set : sets) {
            String name = set.getFileName().toString().replaceFirst("\\.jsonl?$", "");
            List<String> args = new ArrayList<>(List.of(set.toString(), "--url", target.toString(), "--report",
                    "--out", reports.resolve(name + ".json").toString()));
            if (apiKey != null && !apiKey.isBlank()) {
                args.addAll(List.of("--api-key", apiKey));
            }
            step("evaluation set " + set, failed, new EvalCommand(), args.toArray(String[]::new));
        }
    }

    private List<Path> beirSets() throws IOException {
        Path beir = data.resolve("beir");
        if (!Files.isDirectory(beir)) {
            System.out.println("No BEIR sets under " + beir + ": skipped.");
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(beir)) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve("corpus.jsonl"))).sorted().toList();
        }
    }

    private static boolean step(String what, List<String> failed, Object command, String... args) {
        System.out.println("== " + what);
        int exit = new CommandLine(command).execute(args);
        if (exit != 0) {
            failed.add(what);
            System.out.println(what + " failed (exit " + exit + ")");
        }
        return exit == 0;
    }

    private Path writeIndex() throws IOException {
        List<Path> pages;
        try (Stream<Path> files = Files.list(reports)) {
            pages = files.filter(f -> f.getFileName().toString().endsWith(".html"))
                    .filter(f -> !f.getFileName().toString().equals("index.html")).sorted().toList();
        }
        StringBuilder body = new StringBuilder("<h1>Evaluation reports</h1>\n<ul>\n");
        for (Path page : pages) {
            String file = page.getFileName().toString();
            body.append("<li><a href=\"").append(Html.escape(file)).append("\">").append(Html.escape(file.replaceFirst("\\.html$", "")))
                    .append("</a> <span class=\"muted\">(").append(Files.getLastModifiedTime(page)).append(")</span></li>\n");
        }
        body.append("</ul>\n");
        Path index = reports.resolve("index.html");
        Files.writeString(index, Html.page("Evaluation reports", body.toString()));
        return index;
    }
}
