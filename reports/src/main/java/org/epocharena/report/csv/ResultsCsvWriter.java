package org.epocharena.report.csv;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.epocharena.report.stats.FigureChange;
import org.epocharena.runformat.Measurement;

/**
 * Writes results.csv: one tidy row per measured point, so a spreadsheet or pandas needs no reshaping.
 * Comparison columns are always present (empty without a baseline) to keep one schema for CI scripts.
 */
public final class ResultsCsvWriter {
    public static final String[] HEADER = {"harness", "benchmark", "implementation", "is_baseline", "threads",
        "params", "mode", "metric", "value", "error", "unit", "samples", "source",
        "forks", "baseline_value", "change_pct", "change_ci_low_pct", "change_ci_high_pct", "change_ci_confidence", "p_value", "basis", "changed"};

    public void write(Path file, List<Measurement> rows, Map<String, FigureChange> changes) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader(HEADER).setRecordSeparator("\n").build();
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter p = new CSVPrinter(w, format)) {
            for (Measurement m : rows) {
                FigureChange c = changes.get(m.key());
                p.printRecord(m.harness(), m.benchmark(), m.implementation(), m.baseline(), m.threads(),
                        m.paramsText(), m.mode(), m.metric(), num(m.value()), num(m.error()), m.unit(),
                        m.samples().length, m.source(), m.forkCount(),
                        c == null ? "" : num(c.previous().value()),
                        c == null ? "" : num(c.estimate().changePercent()),
                        c == null ? "" : num((c.estimate().low() - 1) * 100),
                        c == null ? "" : num((c.estimate().high() - 1) * 100),
                        c == null ? "" : num(c.estimate().confidence()),
                        c == null ? "" : num(c.estimate().pValue()),
                        c == null ? "" : c.estimate().basis(),
                        c == null || !c.estimate().known() ? "" : c.changed());
            }
        }
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "" : Double.toString(v);
    }
}
