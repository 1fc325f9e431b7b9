/**
 * Files written safely: atomic writes (AtomicFiles), folder locks between builds (FolderLock), digests, JSON
 * files (Json) and the worded error of a failed write. Uses text only.
 */
package dev.fashionmnist.io;
