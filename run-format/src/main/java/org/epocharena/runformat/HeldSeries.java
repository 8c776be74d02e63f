package org.epocharena.runformat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Memory a stalled pinned thread holds back, sampled over time: {@link SideFiles#heldName} with the
 * header {@link SideFiles#HELD_HEADER}, from the last measured iteration.
 *
 * @param implementation who was measured
 * @param baseline       whether it is a baseline
 * @param elapsedMs      sample times
 * @param heldBytes      bytes the allocator could not reuse at each sample
 * @param stallActive    whether the stalled thread was still pinned at each sample
 */
public record HeldSeries(String implementation, boolean baseline, double[] elapsedMs, double[] heldBytes,
                         boolean[] stallActive) {
    public static HeldSeries read(Path file, Catalog catalog) {
        String impl = SideFiles.parseHeldName(file.getFileName().toString()).orElseThrow(() -> new RunFormatException(
                "held-bytes file name is not <impl>" + SideFiles.HELD_SUFFIX + ": " + file));
        List<double[]> rows = new ArrayList<>();
        List<Boolean> stall = new ArrayList<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8); var p = format.parse(r)) {
            if (!p.getHeaderNames().containsAll(SideFiles.HELD_HEADER)) {
                throw new RunFormatException("held-bytes file " + file + " has header " + p.getHeaderNames()
                        + ", expected " + String.join(",", SideFiles.HELD_HEADER));
            }
            for (CSVRecord rec : p) {
                rows.add(new double[] {Double.parseDouble(rec.get("elapsed_ms")), Double.parseDouble(rec.get("held_bytes"))});
                stall.add(Boolean.parseBoolean(rec.get("stall_active")) || "1".equals(rec.get("stall_active")));
            }
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            throw new RunFormatException("cannot read held-bytes file " + file + ": " + e.getMessage(), e);
        }
        boolean[] active = new boolean[stall.size()];
        for (int i = 0; i < active.length; i++) {
            active[i] = stall.get(i);
        }
        return new HeldSeries(impl, catalog.learn(impl, false), rows.stream().mapToDouble(x -> x[0]).toArray(),
                rows.stream().mapToDouble(x -> x[1]).toArray(), active);
    }
}
