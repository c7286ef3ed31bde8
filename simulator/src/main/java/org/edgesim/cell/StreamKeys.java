package org.edgesim.cell;

import org.edgesim.rng.StreamFamily;

/** The stable names of the random streams of devices. Changing one changes every result. */
public final class StreamKeys {
    public static final StreamFamily DROP = new StreamFamily("drop", i -> "drop/device-" + i);
    public static final StreamFamily SPEED = new StreamFamily("compute", i -> "compute/device-" + i);
    public static final StreamFamily DYNAMICS = new StreamFamily("dynamics", i -> "dynamics/device-" + i);
    public static final StreamFamily FADING_UP = new StreamFamily("fading-up", i -> "fading/device-" + i + "/up");
    public static final StreamFamily FADING_DOWN = new StreamFamily("fading-down", i -> "fading/device-" + i + "/down");
    public static final StreamFamily CSI = new StreamFamily("csi", i -> "csi/device-" + i);
    public static final StreamFamily CSI_AGE = new StreamFamily("csi-age", i -> "csi-age/device-" + i);
    /** Fading blocks after a round's first ({@code radio.coherenceTime}), per direction. */
    public static final StreamFamily FADING_BLOCKS_UP = new StreamFamily("fading-blocks-up",
            i -> "fading-blocks/device-" + i + "/up");
    public static final StreamFamily FADING_BLOCKS_DOWN = new StreamFamily("fading-blocks-down",
            i -> "fading-blocks/device-" + i + "/down");
    /** Lost packets of a device's transfers ({@code radio.packetErrorRate}), one draw per transfer. */
    public static final StreamFamily PACKETS = new StreamFamily("packets", i -> "packets/device-" + i);
    /** Lost packets of the access point's broadcasts. */
    public static final String ACCESS_POINT_PACKETS = "packets/access-point";
    /** How a device moves between rounds ({@code cells.mobility}): its heading, its waypoints. */
    public static final StreamFamily MOBILITY = new StreamFamily("mobility", i -> "mobility/device-" + i);
    public static final StreamFamily SHADOWING = new StreamFamily("shadowing", i -> "shadowing/device-" + i);

    private StreamKeys() {
    }
}
