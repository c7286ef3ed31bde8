/** How training data are spread over devices: IID, label shards, classes per device, groups, offloaded. */
package org.edgesim.learning.partition;
