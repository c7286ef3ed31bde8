package org.edgesim.protocol.partel.schedulers;

/**
 * Integer block lengths for groups whose latency grows linearly in their block,
 * {@code t_k = a_k b_k}: the integers {@code b_k >= 1} with {@code sum b_k = N_p} that minimise
 * {@code max_k a_k b_k}. Start from the floors of the real optimum (all groups finishing together)
 * and hand out the remaining units one at a time to the group whose latency grows least; this
 * greedy is exact for a min-max of increasing functions.
 */
final class IntegerBlocks {
    private IntegerBlocks() {
    }

    static long[] minMax(double[] perParameter, long total) {
        int k = perParameter.length;
        double inverseSum = 0;
        for (double a : perParameter) {
            inverseSum += 1 / a;
        }
        double level = total / inverseSum;
        long[] b = new long[k];
        long sum = 0;
        for (int i = 0; i < k; i++) {
            b[i] = Math.max(1, (long) Math.floor(level / perParameter[i]));
            sum += b[i];
        }
        while (sum > total) { // only when the minimum of 1 pushed groups above their share
            int worst = -1;
            for (int i = 0; i < k; i++) {
                if (b[i] > 1 && (worst < 0 || perParameter[i] * b[i] > perParameter[worst] * b[worst])) {
                    worst = i;
                }
            }
            b[worst]--;
            sum--;
        }
        while (sum < total) {
            int best = 0;
            for (int i = 1; i < k; i++) {
                if (perParameter[i] * (b[i] + 1) < perParameter[best] * (b[best] + 1)) {
                    best = i;
                }
            }
            b[best]++;
            sum++;
        }
        return b;
    }
}
