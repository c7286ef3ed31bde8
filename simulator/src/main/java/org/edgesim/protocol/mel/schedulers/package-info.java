/**
 * Async MEL task allocation (docs/models/async-mel.md): {@code ha-async} (least maximum staleness),
 * {@code ha-sync} (one common number of updates, as large as possible) and {@code hu-async}
 * (equal shares, as many updates as fit).
 */
package org.edgesim.protocol.mel.schedulers;
