/**
 * Learners on DJL's PyTorch engine (CPU, offline). The only package that imports DJL; the rest
 * of edgesim sees {@link org.edgesim.learning.Learner} and flat parameter vectors.
 */
package org.edgesim.learning.djl;
