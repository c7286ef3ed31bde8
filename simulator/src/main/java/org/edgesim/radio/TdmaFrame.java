package org.edgesim.radio;

/**
 * A TDMA frame of length {@code frameS} split into consecutive slots, device {@code k} owning
 * {@code [offset_k, offset_k + slot_k)} of every frame (frames start at time 0). A transfer only
 * progresses during its owner's slot, so it spans many frames; its fluid approximation is
 * {@code bits * Tf / (slot * rate)} and the exact completion is within one frame of it.
 */
public final class TdmaFrame {
    private final double frameS;
    private final double[] slotS;
    private final double[] offsetS;

    public TdmaFrame(double frameS, double[] slotS) {
        if (!(frameS > 0) || !Double.isFinite(frameS)) {
            throw new IllegalArgumentException("frame length must be > 0 s, got " + frameS);
        }
        this.frameS = frameS;
        this.slotS = slotS.clone();
        this.offsetS = new double[slotS.length];
        double used = 0.0;
        for (int k = 0; k < slotS.length; k++) {
            if (!(slotS[k] >= 0) || !Double.isFinite(slotS[k])) {
                throw new IllegalArgumentException("slot of device " + k + " must be >= 0 s, got " + slotS[k]);
            }
            offsetS[k] = used;
            used += slotS[k];
        }
        if (used > frameS * (1 + 1e-9)) {
            throw new IllegalArgumentException("slots add up to " + used + " s, longer than the " + frameS + " s frame");
        }
    }

    public double frame() {
        return frameS;
    }

    public double slot(int k) {
        return slotS[k];
    }

    /** The fluid transfer time {@code bits * Tf / (slot * rate)}. */
    public double fluidTime(int k, double bits, double rateBps) {
        return bits * frameS / (slotS[k] * rateBps);
    }

    /**
     * The exact time at which device {@code k}, starting at {@code startS}, has sent {@code bits}
     * at {@code rateBps} while transmitting only inside its slots.
     */
    public double completion(int k, double startS, double bits, double rateBps) {
        if (bits == 0) {
            return startS;
        }
        if (!(slotS[k] > 0) || !(rateBps > 0)) {
            throw new IllegalArgumentException("device " + k + " cannot send " + bits + " bits: its slot is "
                    + slotS[k] + " s and its rate " + rateBps + " bit/s");
        }
        double airtime = bits / rateBps;
        long frame = (long) Math.floor(startS / frameS);
        double slotStart = frame * frameS + offsetS[k];
        double slotEnd = slotStart + slotS[k];
        // Part of the slot in progress, if the transfer starts inside one.
        double firstPiece = startS < slotEnd ? Math.min(slotEnd - Math.max(startS, slotStart), airtime) : 0.0;
        if (firstPiece >= airtime) {
            return Math.max(startS, slotStart) + airtime;
        }
        double remaining = airtime - firstPiece;
        // Counted in doubles: at a rate that heavy shadowing leaves the frames outnumber a long
        // (whose overflow once put the completion at -9.2e16 s); below 2^53 they are the same.
        double fullSlots = Math.ceil(remaining / slotS[k]) - 1;
        double last = remaining - fullSlots * slotS[k];
        double lastFrame = frame + 1 + fullSlots;
        return lastFrame * frameS + offsetS[k] + last;
    }

    /**
     * The exact time at which device {@code k}, starting at {@code startS}, has sent {@code bits}
     * while transmitting only inside its slots, at a rate that changes from one fading block to the
     * next: the rate is integrated over the pieces of its slots each block covers.
     */
    public double completion(int k, double startS, double bits, PiecewiseRate rate) {
        return send(k, startS, bits, rate).end();
    }

    /** How long device {@code k}'s slots cover of {@code [fromS, toS]}: its airtime over that span. */
    public double airtime(int k, double fromS, double toS) {
        return covered(k, toS) - covered(k, fromS);
    }

    /** Device {@code k}'s slot time in {@code [0, t]}. */
    private double covered(int k, double t) {
        long frame = (long) Math.floor(t / frameS);
        double into = t - frame * frameS - offsetS[k];
        return frame * slotS[k] + Math.min(slotS[k], Math.max(0.0, into));
    }

    /** When a transfer ends and how long it transmitted (its slots' pieces it used). */
    public record Sent(double end, double airtime) {
    }

    /** {@link #completion(int, double, double, PiecewiseRate)}, with the time spent transmitting. */
    public Sent send(int k, double startS, double bits, PiecewiseRate rate) {
        return send(k, startS, bits, rate, Double.POSITIVE_INFINITY);
    }

    /**
     * As {@link #send(int, double, double, PiecewiseRate)}, giving up at {@code untilS}: a transfer
     * not done by then ends at infinity (a rate so low it would otherwise be walked through frame
     * by frame for ever).
     */
    public Sent send(int k, double startS, double bits, PiecewiseRate rate, double untilS) {
        if (bits == 0) {
            return new Sent(startS, 0.0);
        }
        if (!(slotS[k] > 0)) {
            throw new IllegalArgumentException("device " + k + " cannot send " + bits + " bits: its slot is 0 s");
        }
        double t = startS;
        double left = bits;
        double airtime = 0.0;
        // The frame index is carried, not recomputed from t: (f + 1) * Tf / Tf may floor to f.
        long frame = (long) Math.floor(t / frameS);
        while (true) {
            double slotStart = frame * frameS + offsetS[k];
            double slotEnd = slotStart + slotS[k];
            if (slotStart > untilS) {
                return new Sent(Double.POSITIVE_INFINITY, airtime);
            }
            if (t >= slotEnd) {
                frame++;
                continue;
            }
            t = Math.max(t, slotStart);
            int block = rate.blockAt(t);
            double pieceEnd = Math.min(slotEnd, rate.end(block));
            double r = rate.rate(block);
            if (left <= r * (pieceEnd - t)) {
                return new Sent(t + left / r, airtime + left / r);
            }
            left -= r * (pieceEnd - t);
            airtime += pieceEnd - t;
            t = pieceEnd;
        }
    }
}
