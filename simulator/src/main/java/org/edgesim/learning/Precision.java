package org.edgesim.learning;

/** Floating-point precision of training: single for runs, double where tests compare to 1e-10. */
public enum Precision { FLOAT32, FLOAT64 }
