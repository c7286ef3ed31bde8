/**
 * edgesim as a step-by-step environment for learning schedulers ({@code edgesim serve}): an
 * episode is a run of a scenario whose every plan comes from the client, one round per step, the
 * round's snapshot as the observation and a reward of its realised latency (and energy).
 */
package org.edgesim.env;
