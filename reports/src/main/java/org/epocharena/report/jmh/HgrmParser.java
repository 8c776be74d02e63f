package org.epocharena.report.jmh;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.epocharena.report.BadInputException;

/**
 * Reads HdrHistogram's {@code outputPercentileDistribution} text (values already scaled to
 * microseconds by the suite). Parsing the text rather than the binary .hlog keeps the report
 * independent of how the histogram was recorded; the text is what HdrHistogram's own plotter reads.
 * The file name carries the identity: {@code <harness>-<impl>-t<threads>.hgrm}.
 */
public final class HgrmParser {
    private static final Pattern NAME = Pattern.compile("(.+?)-([A-Z][A-Z0-9_]*)-t(\\d+)\\.hgrm");
    private static final Pattern ROW = Pattern.compile("\\s*([0-9.eE+-]+)\\s+([0-9.eE+-]+)\\s+(\\d+)(\\s+.*)?");
    private static final Pattern MAX = Pattern.compile("#\\[Max\\s*=\\s*([0-9.eE+-]+),\\s*Total count\\s*=\\s*(\\d+)\\]");

    /** Parses one .hgrm file; throws {@link BadInputException} naming it when the name or content is unusable. */
    public PercentileCurve parse(Path file) {
        String name = file.getFileName().toString();
        Matcher n = NAME.matcher(name);
        if (!n.matches()) {
            throw new BadInputException("HdrHistogram file name is not <harness>-<IMPL>-t<threads>.hgrm: " + file);
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BadInputException("cannot read " + file + ": " + e.getMessage(), e);
        }
        List<double[]> rows = new ArrayList<>();
        double max = Double.NaN;
        long count = 0;
        for (String line : lines) {
            Matcher m = MAX.matcher(line.trim());
            if (m.find()) {
                max = Double.parseDouble(m.group(1));
                count = Long.parseLong(m.group(2));
                continue;
            }
            Matcher r = ROW.matcher(line);
            if (r.matches()) {
                rows.add(new double[] {Double.parseDouble(r.group(1)), Double.parseDouble(r.group(2))});
            }
        }
        if (rows.isEmpty() || Double.isNaN(max)) {
            throw new BadInputException("not an HdrHistogram percentile distribution (no rows or no Max line): " + file);
        }
        // The last row is percentile 1.0 (1/(1-p) is infinite): keep it as max, not as a point of the spectrum.
        double[] p = rows.stream().filter(x -> x[1] < 1.0).mapToDouble(x -> x[1]).toArray();
        double[] v = rows.stream().filter(x -> x[1] < 1.0).mapToDouble(x -> x[0]).toArray();
        String impl = n.group(2);
        Designs.check(Designs.BASELINES.contains(impl) ? "baseline" : "kind", impl, file);
        return new PercentileCurve(n.group(1), impl, Designs.BASELINES.contains(impl), Integer.parseInt(n.group(3)),
                p, v, max, count, name);
    }
}
