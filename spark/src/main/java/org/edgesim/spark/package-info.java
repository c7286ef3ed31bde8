/**
 * The sweep executor {@code spark}: a study's tasks on Apache Spark (a cluster under
 * {@code spark-submit}, or {@code --master local[N]}), with results byte-identical to the local
 * executor's.
 */
package org.edgesim.spark;
