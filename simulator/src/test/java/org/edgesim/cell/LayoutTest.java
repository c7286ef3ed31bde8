package org.edgesim.cell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.edgesim.radio.Position;
import org.junit.jupiter.api.Test;

class LayoutTest {
    @Test
    void sevenSitesAreTheCentreAndItsSixNeighboursAtTheInterSiteDistance() {
        Layout l = Layout.hexagonal(7, 500, 1);
        assertEquals(new Position(0, 0), l.sites().get(0));
        for (int i = 1; i < 7; i++) {
            assertEquals(500, Math.hypot(l.sites().get(i).x(), l.sites().get(i).y()), 1e-9, "site " + i);
            for (int j = 1; j < i; j++) {
                double d = Math.hypot(l.sites().get(i).x() - l.sites().get(j).x(), l.sites().get(i).y()
                        - l.sites().get(j).y());
                assertEquals(true, d > 499.999, "sites " + i + " and " + j + " are " + d + " apart");
            }
        }
    }

    /** Under reuse 3 and 7 no two neighbouring sites (500 m apart) of 19 share a band; under 7 the first ring's bands are all different. */
    @Test
    void neighboursNeverShareABandUnderReuse3Or7() {
        for (int reuse : new int[] {3, 7}) {
            Layout l = Layout.hexagonal(19, 500, reuse);
            for (int i = 0; i < 19; i++) {
                for (int j = 0; j < i; j++) {
                    double d = Math.hypot(l.sites().get(i).x() - l.sites().get(j).x(), l.sites().get(i).y()
                            - l.sites().get(j).y());
                    if (d < 501) {
                        assertNotEquals(l.bands()[i], l.bands()[j], "reuse " + reuse + ": sites " + i + ", " + j);
                    }
                }
            }
        }
        Layout seven = Layout.hexagonal(7, 500, 7);
        assertEquals(7, java.util.Arrays.stream(seven.bands()).distinct().count());
    }

    @Test
    void aPointBelongsToItsNearestSite() {
        Layout l = Layout.hexagonal(7, 500, 1);
        assertEquals(0, l.nearest(new Position(100, 50)));
        Position s3 = l.sites().get(3);
        assertEquals(3, l.nearest(new Position(s3.x() * 0.9, s3.y() * 0.9)));
    }
}
