/**
 * The scheduler seam: a scheduler is pure, a read-only snapshot of the round in, an immutable
 * plan out. Providers are registered by name per protocol: built-ins explicitly, third-party jars
 * through {@link java.util.ServiceLoader} ({@code META-INF/services/org.edgesim.sched.SchedulerProvider}).
 * Each protocol's own schedulers live in its folder ({@code protocol/<name>/schedulers}).
 */
package org.edgesim.sched;
