package org.epocharena.report.jmh;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.epocharena.runformat.Catalog;
import org.epocharena.runformat.HeldSeries;
import org.epocharena.runformat.Measurement;
import org.epocharena.runformat.PercentileCurve;

/**
 * Everything one run contributes to a report.
 *
 * @param folder       the run folder (or the JSON file's folder)
 * @param measurements JMH and HdrHistogram figures
 * @param curves       HdrHistogram spectra
 * @param environment  env.json as read, empty when absent
 * @param rawFiles     raw files to link (absolute; the page links them relative to where it is written)
 * @param warnings     what was skipped and why, shown on the page
 * @param catalog      what was measured: implementations, harnesses, headline figures
 * @param held         memory held by a stalled thread over time, one series per implementation
 */
public record RunData(Path folder, List<Measurement> measurements, List<PercentileCurve> curves,
                      Map<String, Object> environment, List<Path> rawFiles, List<String> warnings,
                      Catalog catalog, List<HeldSeries> held) {

    /** Cores of the benchmark machine: the manifest's, else env.json's, else 0 (unknown). */
    public int cores() {
        Object c = environment.get("cores");
        return catalog.cores(c instanceof Number n ? n.intValue() : 0);
    }
}
