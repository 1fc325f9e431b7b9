/**
 * Datasets: the catalogue of built-in and custom sets, fetching over http(s), file: mirrors, proxies and system
 * copies, the cache, checksums and the IDX decoder, class names. Uses text and io.
 */
package dev.fashionmnist.data;
