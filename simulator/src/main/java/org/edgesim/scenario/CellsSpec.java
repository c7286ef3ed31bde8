package org.edgesim.scenario;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Several cells: access points, each with its edge server, on a hexagonal grid
 * ({@code count} sites, ring by ring, {@code interSiteDistance} apart) or at given {@code sites};
 * each serves the devices of the area around it ({@code cell.radius} around every site) that
 * {@code association} gives it, afresh every round. The band {@code radio.bandwidth} is split into
 * {@code reuse} bands (1, 3 or 7), one per cell, so each cell has {@code bandwidth / reuse}; cells
 * on the same band interfere. Every {@code cloudPeriod} rounds a cloud averages the edge models
 * over the {@code backhaul}. Devices move between rounds by {@code mobility} (none: they stay).
 *
 * @param count             sites on the hexagonal grid (with {@code interSiteDistance})
 * @param interSiteDistance metres between neighbouring sites of the grid
 * @param sites             the sites' positions and bands, instead of the grid
 * @param reuse             frequency reuse factor: 1 (default), 3 or 7
 * @param association       {@code strongest} mean received power (default) or {@code nearest} site
 * @param cloudPeriod       rounds between the cloud's averages (default 1)
 * @param backhaul          each edge server's link to the cloud (required with more than one site)
 * @param mobility          how devices move between rounds (default: they stay)
 */
public record CellsSpec(Integer count, @Unit(Dimension.LENGTH) Double interSiteDistance, List<Site> sites,
                        Integer reuse, String association, Integer cloudPeriod, Backhaul backhaul,
                        Mobility mobility) {
    /**
     * A site at {@code (x, y)} on band {@code band} (default 0), sending at {@code power} (default {@code radio.apPower}).
     *
     * @param x     metres east of the origin
     * @param y     metres north of the origin
     * @param band  the band it transmits on (default 0)
     * @param power its transmit power (default {@code radio.apPower})
     */
    public record Site(@JsonProperty(required = true) @Unit(Dimension.LENGTH) double x,
                       @JsonProperty(required = true) @Unit(Dimension.LENGTH) double y, Integer band,
                       @Unit(Dimension.POWER) Double power) {
        public Site {
            if (power != null) {
                InvalidField.positive("power", power, Dimension.POWER);
            }
        }
    }

    /**
     * One edge server's link to the cloud: {@code capacity} bit/s and {@code latency} s each way.
     *
     * @param capacity bits per second each way
     * @param latency  one-way delay, s
     */
    public record Backhaul(@JsonProperty(required = true) @Unit(Dimension.RATE) double capacity,
                           @JsonProperty(required = true) @Unit(Dimension.TIME) double latency) {
        public Backhaul {
            InvalidField.positive("capacity", capacity, Dimension.RATE);
            InvalidField.nonNegative("latency", latency, Dimension.TIME);
        }
    }

    /**
     * How devices move between rounds: {@code heading} (straight on at {@code speed}, turning back at
     * the area's edge; {@code heading} the same for all, or drawn per device) or {@code waypoint}
     * (random waypoint, no pauses).
     *
     * @param model   {@code heading} or {@code waypoint}
     * @param speed   metres per second
     * @param heading degrees from east, counter-clockwise (default: drawn per device)
     */
    public record Mobility(@JsonProperty(required = true) String model,
                           @JsonProperty(required = true) @Unit(Dimension.SPEED) double speed,
                           @Unit(Dimension.ANGLE) Double heading) {
        public static final List<String> MODELS = List.of("heading", "waypoint");

        public Mobility {
            if (!MODELS.contains(model)) {
                throw new InvalidField("model", "must be one of " + MODELS + ", got '" + model + "'");
            }
            InvalidField.positive("speed", speed, Dimension.SPEED);
            if (heading != null && !model.equals("heading")) {
                throw new InvalidField("heading", "only the 'heading' model takes a heading; '" + model
                        + "' draws its own directions");
            }
        }
    }

    /** More sites than any study here needs, and a bound on what a run allocates per site. */
    public static final int MAX_SITES = 1000;

    public static final List<String> ASSOCIATIONS = List.of("strongest", "nearest");

    public CellsSpec {
        if ((count == null) == (sites == null)) {
            throw new InvalidField("count", "give either 'count' (a hexagonal grid, with 'interSiteDistance') or"
                    + " 'sites' (their positions), not " + (count == null ? "neither" : "both"));
        }
        reuse = reuse == null ? 1 : reuse;
        if (count != null) {
            InvalidField.atLeast("count", count, 1);
            if (count > MAX_SITES) {
                throw new InvalidField("count", "is " + count + "; at most " + MAX_SITES + " sites");
            }
            if (interSiteDistance == null) {
                throw new InvalidField("interSiteDistance", "missing: a hexagonal grid of " + count
                        + " sites needs the distance between neighbours");
            }
            InvalidField.positive("interSiteDistance", interSiteDistance, Dimension.LENGTH);
            if (reuse != 1 && reuse != 3 && reuse != 7) {
                throw new InvalidField("reuse", "must be 1, 3 or 7 on a hexagonal grid, got " + reuse);
            }
        } else {
            if (interSiteDistance != null) {
                throw new InvalidField("interSiteDistance", "is for the hexagonal grid; given sites have their"
                        + " own positions");
            }
            if (sites.isEmpty() || sites.size() > MAX_SITES) {
                throw new InvalidField("sites", "must hold 1 to " + MAX_SITES + " sites, got " + sites.size());
            }
            InvalidField.atLeast("reuse", reuse, 1);
            sites = List.copyOf(sites);
            for (int i = 0; i < sites.size(); i++) {
                Integer band = sites.get(i).band();
                if (band == null ? reuse > 1 : band < 0 || band >= reuse) {
                    throw new InvalidField("sites[" + i + "].band", band == null ? "missing: with reuse "
                            + reuse + " every site needs its band (0 to " + (reuse - 1) + ")" : "must be 0 to "
                            + (reuse - 1) + " under reuse " + reuse + ", got " + band);
                }
            }
        }
        association = association == null ? "strongest" : association;
        if (!ASSOCIATIONS.contains(association)) {
            throw new InvalidField("association", "must be one of " + ASSOCIATIONS + ", got '" + association + "'");
        }
        cloudPeriod = cloudPeriod == null ? 1 : cloudPeriod;
        InvalidField.atLeast("cloudPeriod", cloudPeriod, 1);
        int size = count != null ? count : sites.size();
        if (size > 1 && backhaul == null) {
            throw new InvalidField("backhaul", "missing: with " + size + " cells the cloud averages the edge"
                    + " models over it; give its capacity and latency");
        }
    }

    /** How many cells. */
    public int size() {
        return count != null ? count : sites.size();
    }
}
