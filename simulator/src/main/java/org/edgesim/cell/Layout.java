package org.edgesim.cell;

import java.util.ArrayList;
import java.util.List;
import org.edgesim.radio.Position;

/**
 * Where the access points of several cells stand and which band each uses: on a hexagonal
 * grid of inter-site distance {@code isd}, ring by ring from the centre (1, 7, 19, ... sites), or at
 * given positions. With frequency reuse {@code K} (1, 3 or 7) on the grid, site {@code (q, r)} in
 * axial coordinates uses band {@code (q - r) mod 3} or {@code (q + 3 r) mod 7}: no two neighbours
 * share a band under reuse 3 or 7.
 *
 * @param sites the access points' positions, metres
 * @param bands per site, its band (0 .. reuse - 1)
 */
public record Layout(List<Position> sites, int[] bands) {
    public Layout {
        sites = List.copyOf(sites);
        bands = bands.clone();
    }

    /** The first {@code count} sites of a hexagonal grid, ring by ring, with reuse {@code reuse}. */
    public static Layout hexagonal(int count, double isd, int reuse) {
        if (reuse != 1 && reuse != 3 && reuse != 7) {
            throw new IllegalArgumentException("reuse must be 1, 3 or 7 on a hexagonal grid, got " + reuse);
        }
        List<Position> sites = new ArrayList<>(count);
        int[] bands = new int[count];
        // Axial directions, then walking each ring k: start at k * (-1, 1)... the usual ring walk.
        int[][] directions = {{1, 0}, {1, -1}, {0, -1}, {-1, 0}, {-1, 1}, {0, 1}};
        for (int ring = 0; sites.size() < count; ring++) {
            int q = -ring;
            int r = ring;
            if (ring == 0) {
                add(sites, bands, 0, 0, isd, reuse);
                continue;
            }
            for (int[] d : directions) {
                for (int step = 0; step < ring && sites.size() < count; step++) {
                    add(sites, bands, q, r, isd, reuse);
                    q += d[0];
                    r += d[1];
                }
            }
        }
        return new Layout(sites, bands);
    }

    private static void add(List<Position> sites, int[] bands, int q, int r, double isd, int reuse) {
        bands[sites.size()] = reuse == 1 ? 0 : reuse == 3 ? Math.floorMod(q - r, 3) : Math.floorMod(q + 3 * r, 7);
        sites.add(new Position(isd * (q + r / 2.0), isd * r * Math.sqrt(3) / 2));
    }

    public int size() {
        return sites.size();
    }

    /** The site nearest to {@code p} (ties: the lower index). */
    public int nearest(Position p) {
        return Association.NEAREST.serving(-1, p, sites, null, null);
    }
}
