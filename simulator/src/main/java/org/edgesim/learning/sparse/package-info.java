/** Hand-written sparse kernels: logistic regression on LIBSVM data (see the class for why not DJL). */
package org.edgesim.learning.sparse;
