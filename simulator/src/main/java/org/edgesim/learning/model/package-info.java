/** Chain models (logistic regression, MLP, CNN) as specifications, and their latency profiles. */
package org.edgesim.learning.model;
