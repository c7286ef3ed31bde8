package org.edgesim.round;

import java.util.ArrayList;
import java.util.List;
import org.edgesim.cell.RoundConditions;
import org.edgesim.channel.Medium;
import org.edgesim.kernel.EventAction;
import org.edgesim.kernel.Kernel;

/**
 * The round loop of every protocol, on one kernel: round {@code r} starts with its true conditions
 * and what the scheduler sees of them, the protocol runs it as events on the round's
 * {@link RoundWork} and says when the next may start ({@link Turn#next}); the loop stops after
 * {@code rounds} rounds, at the time limit, or when the protocol says the run is over. The kernel
 * runs on until every event has fired (late updates included), and only then are the rows taken,
 * so that they carry everything each round's devices did.
 */
public final class RoundLoop {
    /**
     * @param rounds    how many rounds at most
     * @param timeLimit simulated seconds after which no round starts (null: none)
     * @param scheduler the scheduler's name, for the rows
     * @param unit      what a round is called in events ({@code round}, {@code cycle})
     */
    public record Settings(int rounds, Double timeLimit, String scheduler, String unit) {
    }

    /** Told after each round with its index (the total when the run ends early) and the total. */
    @FunctionalInterface
    public interface Progress {
        void roundDone(int round, int rounds);

        /**
         * Round {@code round} has ended in every cell: its cells' common columns as they stand now
         * ({@code rows}, asked only by who needs them; a transfer still running may add energy
         * before the run's rows are taken) and, with one cell, the model's test accuracy when the
         * protocol evaluated it as the round ended (NaN otherwise: several cells, a round not
         * evaluated, a protocol that trains after the clock). By default nothing is done.
         */
        default void ended(int round, java.util.function.Supplier<List<CommonRow>> rows, double accuracy) {
        }
    }

    /**
     * The cells a round runs in: round {@code r} starts in every cell at once, cell
     * {@code c} serving devices {@code members.of(r, now)[c]}; the next round starts when every
     * cell has ended round {@code r}, after the cloud's step when {@code r} is a multiple of
     * {@code cloudPeriod} (also after the last round): every edge server sends its model up its
     * backhaul and receives the cloud's average back. {@code medium}: the air the cells share, whose
     * interference each cell measures for its next round (null: no interference).
     */
    public record Cells(int count, Membership members, int cloudPeriod, Backhaul backhaul, Medium medium) {
        /** One cell serving all {@code devices}: no cloud, no interference. */
        public static Cells one(int devices) {
            int[] all = java.util.stream.IntStream.range(0, devices).toArray();
            return new Cells(1, (round, now) -> new int[][] {all}, 1, null, null);
        }
    }

    /**
     * An edge server's link to the cloud: {@code latency} s and {@code capacity} bit/s each way. The
     * cloud's step takes {@code 2 (latency + bits / capacity)}: the edge models go up in parallel,
     * their average comes back down.
     */
    public record Backhaul(double capacity, double latency) {
        public double seconds(double modelBits) {
            return 2 * (latency + modelBits / capacity);
        }
    }

    /** Who each cell serves in a round, decided at its start. */
    public interface Membership {
        int[][] of(int round, double now);

        /** Whether device {@code k} changed cells at this round's start. */
        default boolean handedOver(int k) {
            return false;
        }

        /** Where device {@code k} is this round (null: not tracked, one cell). */
        default org.edgesim.radio.Position position(int k) {
            return null;
        }
    }

    /** The protocol's side of the cloud's step. */
    public interface Cloud {
        /** No cloud (one cell). */
        Cloud NONE = paying(0);

        /** The step of edge models of {@code bits}, with nothing to average as it happens (the clock pays it). */
        static Cloud paying(double bits) {
            return new Cloud() {
                @Override
                public double modelBits() {
                    return bits;
                }

                @Override
                public void averaged(int round, int[][] members) {
                }
            };
        }

        /** The bits of one edge model. */
        double modelBits();

        /**
         * The cloud has averaged the edge models after round {@code round}, in which cell {@code c}
         * served devices {@code members[c]}; each edge server has the average now.
         */
        void averaged(int round, int[][] members);
    }

    /** What a protocol's round does, from its start. */
    @FunctionalInterface
    public interface Body<O> {
        void start(Turn<O> turn);
    }

    private final Kernel kernel;
    private final RoundConditions conditions;
    private final DeviceActivity activity;
    private final Settings settings;
    private final Progress progress;
    private final Cells cells;
    /** Per round, how many of its cells' turns have said what comes next, and whether one said it is the last. */
    private int advanced;
    private boolean lastSaid;
    /** The turns of the round under way, one per cell. */
    private List<Turn<?>> current = List.of();
    /** Per cell, the interference density its uplinks and downlinks heard in the last round, W/Hz. */
    private final double[][] heard;
    private Cloud cloud = Cloud.NONE;
    /** The links' gains, whose state per link (if the law keeps one) the devices' rows report; null: none. */
    private org.edgesim.channel.PathGains links;

    /** One cell serving every device of {@code conditions}. */
    public RoundLoop(Kernel kernel, RoundConditions conditions, DeviceActivity activity, Settings settings,
                     Progress progress) {
        this(kernel, conditions, activity, settings, progress, Cells.one(conditions.devices()));
    }

    public RoundLoop(Kernel kernel, RoundConditions conditions, DeviceActivity activity, Settings settings,
                     Progress progress, Cells cells) {
        this.kernel = kernel;
        this.conditions = conditions;
        this.activity = activity;
        this.settings = settings;
        this.progress = progress;
        this.cells = cells;
        this.heard = new double[cells.count()][2];
    }

    /**
     * Reports each device's link with the site serving it in the devices' rows (its LOS condition,
     * path loss, shadowing) from {@code gains}, where its law keeps such a state; before {@link #run}.
     */
    public RoundLoop reportingLinks(org.edgesim.channel.PathGains gains) {
        this.links = gains;
        return this;
    }

    /** Device {@code device}'s link with site {@code site} as it was last taken; null without such a law. */
    org.edgesim.channel.PathGains.LinkState link(int device, int site) {
        return links == null ? null : links.state(device, site);
    }

    /** Runs the rounds; the ended ones, in order, once every event has fired (a cell's that served no device left out). */
    public <O> List<Turn<O>> run(Body<O> body) {
        return run(body, Cloud.NONE);
    }

    /** Runs the rounds, with {@code cloud} told of the cloud's steps; the ended ones, in order, once every event has fired. */
    public <O> List<Turn<O>> run(Body<O> body, Cloud cloud) {
        this.cloud = cloud;
        List<Turn<O>> turns = new ArrayList<>();
        kernel.schedule(0.0, settings.unit() + "-start", settings.unit() + " 1", () -> start(1, body, turns));
        kernel.run();
        List<Turn<O>> served = new ArrayList<>(turns.size());
        for (Turn<O> t : turns) {
            if (!t.ended()) {
                throw new IllegalStateException(settings.unit() + " " + t.round() + " never ended");
            }
            if (t.size() > 0) {
                served.add(t);
            }
        }
        return served;
    }

    private <O> void start(int round, Body<O> body, List<Turn<O>> turns) {
        // Who is where first (the devices move between rounds), then the round's conditions there.
        int[][] members = cells.members().of(round, kernel.now());
        RoundConditions.Round truth = conditions.next(round);
        advanced = 0;
        lastSaid = false;
        List<Turn<O>> started = new ArrayList<>(cells.count());
        for (int c = 0; c < cells.count(); c++) {
            RoundConditions.Round mine = truth.of(members[c]);
            Turn<O> turn = new Turn<>(this, round, c, members[c], mine, kernel.now(),
                    activity.round(mine.speedHz(), members[c]), body, turns);
            if (cells.medium() != null) {
                turn.heardBefore(heard[c][0], heard[c][1]);
            }
            turns.add(turn);
            started.add(turn);
        }
        current = new ArrayList<>(started);
        for (Turn<O> turn : started) {
            if (turn.size() == 0) {
                // A cell that serves no device this round has nothing to do, and no row.
                turn.finish(0.0, new boolean[0], null);
            } else {
                body.start(turn);
            }
        }
    }

    /** A cell's turn says what comes next; once every cell's has, the next round starts (after the cloud's step when due). */
    <O> void next(Turn<O> turn, boolean last, Body<O> body, List<Turn<O>> turns) {
        lastSaid |= last;
        if (++advanced < cells.count()) {
            return;
        }
        int r = turn.round();
        boolean stop = lastSaid || r >= settings.rounds()
                || settings.timeLimit() != null && kernel.now() >= settings.timeLimit();
        List<Turn<?>> now = List.copyOf(current);
        progress.ended(r, () -> now.stream().filter(t -> t.size() > 0).map(Turn::common).toList(),
                now.size() == 1 ? now.get(0).accuracy() : Double.NaN);
        progress.roundDone(stop ? settings.rounds() : r, settings.rounds());
        EventAction after = () -> {
            over();
            if (!stop) {
                kernel.schedule(0.0, settings.unit() + "-start", settings.unit() + " " + (r + 1),
                        () -> start(r + 1, body, turns));
            }
        };
        if (cells.count() > 1 && (r % cells.cloudPeriod() == 0 || stop)) {
            double seconds = cells.backhaul().seconds(cloud.modelBits());
            kernel.schedule(seconds, "cloud-averaged", "cloud", () -> {
                int[][] served = new int[current.size()][];
                for (int c = 0; c < served.length; c++) {
                    served[c] = current.get(c).members();
                }
                cloud.averaged(r, served);
                for (Turn<?> t : current) {
                    t.cloud(seconds);
                }
                after.run();
            });
        } else {
            after.run();
        }
    }

    /** The round under way is over in every cell (the cloud's step included): what each cell heard in it. */
    private void over() {
        for (Turn<?> t : current) {
            t.over(kernel.now());
        }
        if (cells.medium() != null) {
            for (int c = 0; c < cells.count(); c++) {
                heard[c][0] = cells.medium().heard(c, true);
                heard[c][1] = cells.medium().heard(c, false);
                current.get(c).heard(heard[c][0], heard[c][1]);
            }
            cells.medium().resetHeard();
        }
    }

    Kernel kernel() {
        return kernel;
    }

    Settings settings() {
        return settings;
    }

    /** Whether the rounds run with the several cells' machinery (more than one, or the air they share). */
    boolean celled() {
        return cells.count() > 1 || cells.medium() != null;
    }

    boolean handedOver(int k) {
        return cells.members().handedOver(k);
    }

    org.edgesim.radio.Position position(int k) {
        return cells.members().position(k);
    }
}
