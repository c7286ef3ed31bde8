/**
 * Schedulers outside the JVM: a command that answers each round's snapshot with a plan over a
 * JSON-lines protocol ({@code externalSchedulers} in a scenario). Each protocol encodes its
 * snapshot and decodes its plan; the plan is checked by the same constructors as a Java
 * scheduler's.
 */
package org.edgesim.sched.external;
