/**
 * FEEL with batch-size selection and TDMA (docs/models/feel.md): every round each device computes
 * a gradient on its batch (or a local epoch, or trains alone), uploads in its slot of every
 * uplink frame, the server averages weighted by batch size and the devices download in their
 * slots of every downlink frame, then update. The schedulers are in {@code schedulers}.
 */
package org.edgesim.protocol.feel;
