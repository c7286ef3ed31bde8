/**
 * 3GPP TR 38.901's large-scale channel (V17.0.0): the UMa, UMi street-canyon, RMa and indoor
 * office environments' path loss in LOS and NLOS, LOS probability, shadow fading and
 * outdoor-to-indoor loss, for single-antenna links. Fast-fading clusters and MIMO are not in.
 */
package org.edgesim.channel.tr38901;
